<?php
// The PHP built-in server's router for the live test site. Debian's wp-config.php loads
// /etc/wordpress/config-NAME.php for $_SERVER['WORDPRESS_CONFIG']: each site names its own, so
// runs side by side do not share one. Uploads live in the run's temporary content folder, not
// under the document root, so they are served from there. Anything else goes to WordPress as
// usual (returning false lets the server handle it).
$_SERVER['WORDPRESS_CONFIG'] = getenv('WPPARSE_CONFIG_NAME');
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (is_string($path) && str_starts_with($path, '/wp-content/uploads/')) {
    $file = getenv('WPPARSE_CONTENT_DIR') . substr($path, strlen('/wp-content'));
    if (!str_contains($path, '..') && is_file($file)) {
        $types = ['png' => 'image/png', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg',
                  'gif' => 'image/gif', 'webp' => 'image/webp'];
        $type = $types[strtolower(pathinfo($file, PATHINFO_EXTENSION))] ?? 'application/octet-stream';
        header('Content-Type: ' . $type);
        header('Content-Length: ' . filesize($file));
        readfile($file);
        return true;
    }
    http_response_code(404);
    return true;
}
return false;
