<?php
/**
 * The site's side of `npm run bench:client`'s settings figure.
 *   php bench-client-settings.php WP_DIR URL seed N   adds N enabled definitions bench_client_00001…
 *                                                      and a post with one trigger; prints its URL
 *   php bench-client-settings.php WP_DIR URL clean    removes them
 *
 * @package Footprints
 */

// Sets up the request WordPress believes it serves (the instance's URL).
require __DIR__ . '/cli-load.php';
require $footprints_wp_dir . '/wp-load.php';

// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL -- the plugin's own table name; rows prepared one by one.
$footprints_table = $wpdb->prefix . 'footprints_definitions';
$wpdb->query( $wpdb->prepare( "DELETE FROM $footprints_table WHERE code LIKE %s", 'bench\_client\_%' ) );
foreach ( get_posts(
	array(
		'title'       => 'Footprints client settings benchmark',
		'post_status' => 'any',
		'numberposts' => -1,
	)
) as $footprints_post ) {
	wp_delete_post( $footprints_post->ID, true );
}

/**
 * Adds enabled definitions bench_client_00001… in chunks.
 *
 * @param \wpdb  $wpdb  Database.
 * @param string $table Definitions table.
 * @param int    $count How many.
 */
function footprints_bench_seed( \wpdb $wpdb, string $table, int $count ): void {
	$footprints_now = gmdate( 'Y-m-d H:i:s' );
	foreach ( array_chunk( range( 1, $count ), 500 ) as $footprints_chunk ) {
		$footprints_rows = array();
		foreach ( $footprints_chunk as $footprints_i ) {
			$footprints_rows[] = $wpdb->prepare(
				'(%s, %s, %s, %s, 1, %s, %s, %s)',
				sprintf( 'bench_client_%05d', $footprints_i ),
				sprintf( 'Bench Client Event %05d', $footprints_i ),
				'#3858e9',
				'A benchmark event: a visitor did thing number ' . $footprints_i . '.',
				'{"plan":"string","price":"number"}',
				$footprints_now,
				$footprints_now
			);
		}
		$wpdb->query( "INSERT INTO $table (code, name, color, description, enabled, attributes, created_at, updated_at) VALUES " . implode( ',', $footprints_rows ) );
	}
}

if ( 'seed' === ( $argv[3] ?? '' ) ) {
	footprints_bench_seed( $wpdb, $footprints_table, (int) $argv[4] );
	$footprints_post = wp_insert_post(
		array(
			'post_title'   => 'Footprints client settings benchmark',
			'post_content' => '<!-- wp:shortcode -->[footprints event="bench_client_00001" attr_plan="pro"]<button type="button">Start</button>[/footprints]<!-- /wp:shortcode -->',
			'post_status'  => 'publish',
		)
	);
	echo esc_url_raw( (string) get_permalink( $footprints_post ) );
}
// Seeding wrote past the repository: move the revision on, as its writes do.
Footprints\plugin()->definition_cache()->written( array() );
