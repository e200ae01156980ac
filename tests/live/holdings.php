<?php
// What WordPress holds for every post, page, book and attachment of the live test site, read
// with WordPress's own functions (not through the REST API), as JSON keyed by id.
$out = [];
$query = new WP_Query([
    'post_type' => ['post', 'page', 'book', 'attachment'], 'post_status' => 'any',
    'posts_per_page' => -1, 'orderby' => 'ID', 'order' => 'ASC',
]);
$sticky = get_option('sticky_posts');
foreach ($query->posts as $post) {
    $terms = [];
    foreach (get_object_taxonomies($post->post_type, 'objects') as $taxonomy) {
        if (!$taxonomy->show_in_rest) {
            continue;
        }
        $found = wp_get_object_terms($post->ID, $taxonomy->name);
        $terms[$taxonomy->rest_base ?: $taxonomy->name] = array_map(
            fn($term) => ['id' => $term->term_id, 'name' => $term->name], $found
        );
    }
    $out[$post->ID] = [
        'id' => $post->ID,
        'slug' => $post->post_name,
        'status' => $post->post_status,
        'type' => $post->post_type,
        'date' => $post->post_date,
        'date_gmt' => $post->post_date_gmt,
        'modified' => $post->post_modified,
        'modified_gmt' => $post->post_modified_gmt,
        'author' => (int) $post->post_author,
        'parent' => $post->post_parent,
        'menu_order' => $post->menu_order,
        'featured_media' => (int) get_post_thumbnail_id($post),
        'sticky' => in_array($post->ID, $sticky),
        'terms' => (object) $terms,
        'rating' => (int) get_post_meta($post->ID, 'wpparse_rating', true),
        'isbn' => (string) get_post_meta($post->ID, 'isbn', true),
        'excerpt' => $post->post_excerpt,
        'raw' => $post->post_content,
    ];
}
echo json_encode($out);
