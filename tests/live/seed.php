<?php
// Seeds the live test site as a user's site would have it, through WordPress's own functions,
// and prints what it made as JSON. Arguments: the time zone (a named zone, or an offset such
// as "+05:30"), and the folder of block fixtures (each *.html becomes a post).
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

[$timezone, $fixtures] = [$argv[1] ?? 'UTC', $argv[2] ?? ''];
$admin = get_user_by('login', 'admin');
wp_set_current_user($admin->ID);  // an administrator: content is saved as written (no kses)
kses_remove_filters();

if (preg_match('/^([+-])(\d\d):(\d\d)$/', $timezone, $m)) {
    update_option('timezone_string', '');
    update_option('gmt_offset', ($m[1] === '-' ? -1 : 1) * ($m[2] + $m[3] / 60));
} else {
    update_option('timezone_string', $timezone);
}
update_option('posts_per_page', 10);
$out = ['timezone' => $timezone, 'admin' => $admin->ID];
// The installer's sample content was made before the time zone was set: it goes, so that every
// post was written in the zone the tests expect.
foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $sample) {
    wp_delete_post($sample->ID, true);
}

function must($value) {
    if (is_wp_error($value)) {
        fwrite(STDERR, $value->get_error_message() . "\n");
        exit(1);
    }
    return $value;
}

function post(array $fields): int {
    $defaults = ['post_status' => 'publish', 'post_type' => 'post', 'post_author' => 1];
    $fields = array_merge($defaults, $fields);
    foreach (['post_content', 'post_title', 'post_excerpt'] as $key) {
        if (isset($fields[$key])) {
            $fields[$key] = wp_slash($fields[$key]);
        }
    }
    return must(wp_insert_post($fields, true));
}

// Users.
foreach ([['alice', 'author', 'Alice Author'], ['bob', 'editor', 'Bob Éditeur'],
          ['chen', 'contributor', '陈 作者']] as [$login, $role, $name]) {
    $out['users'][$login] = must(wp_insert_user([
        'user_login' => $login, 'user_pass' => "pass-$login", 'role' => $role,
        'display_name' => $name, 'user_email' => "$login@example.org",
    ]));
}

// Categories and tags, nested; a custom taxonomy.
$news = must(wp_insert_term('News', 'category'))['term_id'];
$world = must(wp_insert_term('World', 'category', ['parent' => $news]))['term_id'];
$cyrillic = must(wp_insert_term('Новости', 'category'))['term_id'];
$alpha = must(wp_insert_term('alpha', 'post_tag'))['term_id'];
$beta = must(wp_insert_term('β beta', 'post_tag'))['term_id'];
$fiction = must(wp_insert_term('Fiction', 'genre'))['term_id'];
$scifi = must(wp_insert_term('Science fiction', 'genre', ['parent' => $fiction]))['term_id'];
$out['categories'] = ['news' => $news, 'world' => $world, 'cyrillic' => $cyrillic];
$out['tags'] = ['alpha' => $alpha, 'beta' => $beta];
$out['genres'] = ['fiction' => $fiction, 'scifi' => $scifi];

// An image, made with GD; WordPress makes its sizes.
$canvas = imagecreatetruecolor(1200, 800);
imagefilledrectangle($canvas, 0, 0, 1199, 799, imagecolorallocate($canvas, 30, 120, 200));
imagefilledellipse($canvas, 600, 400, 500, 300, imagecolorallocate($canvas, 240, 200, 40));
ob_start();
imagepng($canvas);
$upload = wp_upload_bits('wpparse-sample.png', null, ob_get_clean());
if ($upload['error']) {
    fwrite(STDERR, $upload['error']);
    exit(1);
}
$image = must(wp_insert_attachment([
    'post_mime_type' => 'image/png', 'post_title' => 'Sample image',
    'post_content' => 'A blue field with a yellow ellipse.', 'post_excerpt' => 'The caption',
    'post_status' => 'inherit',
], $upload['file'], 0, true));
wp_update_attachment_metadata($image, wp_generate_attachment_metadata($image, $upload['file']));
update_post_meta($image, '_wp_attachment_image_alt', 'A yellow ellipse');
$out['image'] = $image;
$out['image_url'] = wp_get_attachment_url($image);

// Posts of every status and kind.
$first = post([
    'post_title' => 'Hello “world” & friends', 'post_author' => $out['users']['alice'],
    'post_content' => "<!-- wp:paragraph -->\n<p>First paragraph with a <a href=\"https://example.org/x\">link</a>.</p>\n<!-- /wp:paragraph -->",
    'post_category' => [$news, $world], 'tags_input' => ['alpha', 'β beta'],
    'post_date' => '2025-03-29 12:00:00', 'meta_input' => ['wpparse_rating' => 4],
]);
set_post_thumbnail($first, $image);
wp_set_object_terms($first, [$scifi], 'genre');
$second = post([
    'post_title' => '日本語のタイトル', 'post_author' => $out['users']['bob'],
    'post_content' => '<p>Кириллица и 中文 text, after the change to summer time.</p>',
    'post_category' => [$cyrillic], 'post_date' => '2025-03-31 12:00:00',
    'post_excerpt' => 'A hand-written excerpt.',
]);
stick_post($second);
$out['posts'] = [
    'first' => $first,
    'second' => $second,
    'private' => post(['post_title' => 'Private', 'post_status' => 'private',
                       'post_content' => '<p>Only for editors.</p>']),
    'draft' => post(['post_title' => 'Draft', 'post_status' => 'draft',
                     'post_content' => '<p>Not yet.</p>']),
    'future' => post(['post_title' => 'Scheduled', 'post_status' => 'future',
                      'post_date' => '2030-10-27 09:30:00', 'post_content' => '<p>Later.</p>']),
    'password' => post(['post_title' => 'Protected', 'post_password' => 'secret',
                        'post_content' => '<p>Behind a password.</p>']),
    'winter' => post(['post_title' => 'After the change back', 'post_date' => '2025-10-27 08:00:00',
                      'post_content' => '<p>Winter time again.</p>']),
];
// A revision and an autosave of the first post.
wp_update_post(['ID' => $first, 'post_content' => wp_slash(get_post($first)->post_content . "\n<!-- wp:paragraph -->\n<p>Added later.</p>\n<!-- /wp:paragraph -->")]);
$out['autosave'] = must(wp_create_post_autosave(['post_ID' => $first, 'post_title' => 'Hello (autosave)',
    'content' => get_post($first)->post_content, 'excerpt' => '', 'post_type' => 'post']));

// Comments: approved, a reply to it, and one pending.
$top = wp_insert_comment(['comment_post_ID' => $first, 'comment_author' => 'Reader',
    'comment_content' => 'Nice post!', 'comment_approved' => 1, 'comment_author_email' => 'r@example.org']);
$reply = wp_insert_comment(['comment_post_ID' => $first, 'comment_parent' => $top,
    'comment_author' => 'Alice Author', 'user_id' => $out['users']['alice'],
    'comment_content' => 'Thank you.', 'comment_approved' => 1]);
$pending = wp_insert_comment(['comment_post_ID' => $first, 'comment_author' => 'Spammer',
    'comment_content' => 'Buy now', 'comment_approved' => 0]);
$out['comments'] = ['top' => $top, 'reply' => $reply, 'pending' => $pending];

// Pages in a hierarchy.
$parent = post(['post_type' => 'page', 'post_title' => 'About', 'post_content' => '<p>About us.</p>']);
$child = post(['post_type' => 'page', 'post_title' => 'Team', 'post_parent' => $parent,
               'menu_order' => 2, 'post_content' => '<p>The team.</p>']);
$grandchild = post(['post_type' => 'page', 'post_title' => 'Alice', 'post_parent' => $child,
                    'post_content' => '<p>Alice’s page.</p>']);
$out['pages'] = ['parent' => $parent, 'child' => $child, 'grandchild' => $grandchild];

// The custom post type, with its taxonomy and meta.
$book = post(['post_type' => 'book', 'post_title' => 'Dune', 'post_content' => '<p>Spice.</p>',
              'meta_input' => ['isbn' => '978-0441013593']]);
wp_set_object_terms($book, [$scifi], 'genre');
set_post_thumbnail($book, $image);
$out['books'] = ['dune' => $book];

// Every block fixture as a post: WordPress renders them.
$out['fixtures'] = [];
if ($fixtures !== '' && is_dir($fixtures)) {
    $files = glob(rtrim($fixtures, '/') . '/*/*.html');
    sort($files);
    foreach ($files as $index => $file) {
        $name = basename(dirname($file)) . '/' . basename($file, '.html');
        $out['fixtures'][$name] = post([
            'post_title' => $name, 'post_content' => file_get_contents($file),
            'post_date' => gmdate('Y-m-d H:i:s', strtotime('2024-01-01 00:00:00') + 3600 * $index),
        ]);
    }
}

[$password] = WP_Application_Passwords::create_new_application_password($admin->ID, ['name' => 'wpparse tests']);
$out['app_password'] = $password;
// A contributor's, for what a logged-in user may not do (403).
[$password] = WP_Application_Passwords::create_new_application_password($out['users']['chen'], ['name' => 'wpparse tests']);
$out['contributor_password'] = $password;
echo json_encode($out);
