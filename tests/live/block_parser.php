<?php
// WordPress's own block parser as a long-running process, for wpparse's comparison tests: it
// reads documents from standard input, each as a line holding its length in bytes and then the
// bytes, and writes each result as one line of JSON (what json_encode makes of parse()).
require '/usr/share/wordpress/wp-includes/class-wp-block-parser.php';
$parser = new WP_Block_Parser();
while (($header = fgets(STDIN)) !== false) {
    $length = (int) $header;
    $text = $length > 0 ? stream_get_contents(STDIN, $length) : '';
    $json = json_encode($parser->parse($text), JSON_PARTIAL_OUTPUT_ON_ERROR);
    fwrite(STDOUT, ($json === false ? 'null' : $json) . "\n");
    fflush(STDOUT);
}
