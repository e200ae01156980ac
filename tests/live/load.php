<?php
// Runs a PHP script of the live test harness with WordPress loaded, as the site's own code is:
// php load.php SCRIPT [ARGUMENTS…]. The site is the one the environment names (WPPARSE_HOST).
$_SERVER['HTTP_HOST'] = getenv('WPPARSE_HOST');
$_SERVER['WORDPRESS_CONFIG'] = getenv('WPPARSE_CONFIG_NAME');
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
define('WP_USE_THEMES', false);
require '/usr/share/wordpress/wp-load.php';
$script = $argv[1];
$argv = array_slice($argv, 1);
require $script;
