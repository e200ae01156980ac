<?php
/*
 * Plugin Name: wpparse live tests
 * Description: What a site's own code adds, for wpparse's live tests: a custom post type, a
 * custom taxonomy and post meta, all shown in the REST API.
 */
add_action('init', function () {
    register_post_type('book', [
        'label' => 'Books',
        'public' => true,
        'show_in_rest' => true,
        'rest_base' => 'books',
        'supports' => ['title', 'editor', 'excerpt', 'author', 'thumbnail', 'custom-fields', 'revisions'],
        'taxonomies' => ['genre'],
    ]);
    register_taxonomy('genre', ['book', 'post'], [
        'label' => 'Genres',
        'hierarchical' => true,
        'show_in_rest' => true,
        'rest_base' => 'genres',
    ]);
    register_post_meta('post', 'wpparse_rating', [
        'type' => 'integer', 'single' => true, 'show_in_rest' => true, 'default' => 0,
    ]);
    register_post_meta('book', 'isbn', [
        'type' => 'string', 'single' => true, 'show_in_rest' => true, 'default' => '',
    ]);
});
