<?php
/**
 * The hub's side of `npm run bench:sync`.
 *   php bench-hub.php WP_DIR URL seed N   adds N definitions bench_00001…, prints a new app ID + key as JSON
 *   php bench-hub.php WP_DIR URL clean    removes them
 *
 * @package Footprints
 */

// Sets up the request WordPress believes it serves (the instance's URL).
require __DIR__ . '/cli-load.php';
require $footprints_wp_dir . '/wp-load.php';

// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL -- the plugin's own table name; rows prepared one by one.
$footprints_table = Footprints\Definitions\DefinitionTable::name( $wpdb );
$wpdb->query( $wpdb->prepare( "DELETE FROM $footprints_table WHERE code LIKE %s", 'bench\_%' ) );

if ( 'seed' === ( $argv[3] ?? '' ) ) {
	$footprints_now = gmdate( 'Y-m-d H:i:s' );
	foreach ( array_chunk( range( 1, (int) $argv[4] ), 500 ) as $footprints_chunk ) {
		$footprints_rows = array();
		foreach ( $footprints_chunk as $footprints_i ) {
			$footprints_rows[] = $wpdb->prepare(
				'(%s, %s, %s, %s, 1, %s, %s, %s)',
				sprintf( 'bench_%05d', $footprints_i ),
				sprintf( 'Bench Event %05d', $footprints_i ),
				sprintf( '#%06x', $footprints_i * 2654435 % 0xffffff ),
				'A benchmark event: a visitor did thing number ' . $footprints_i . '.',
				'{"plan":"string","price":"number"}',
				$footprints_now,
				$footprints_now
			);
		}
		$wpdb->query( "INSERT INTO $footprints_table (code, name, color, description, enabled, attributes, created_at, updated_at) VALUES " . implode( ',', $footprints_rows ) );
	}
}
// Seeding wrote past the repository: move the revision on, as its writes do.
Footprints\plugin()->definition_cache()->written( array() );
if ( 'seed' === ( $argv[3] ?? '' ) ) {
	$footprints_site = Footprints\plugin()->connected_sites()->add( 'Benchmark site' );
	echo wp_json_encode(
		array(
			'app_id'  => $footprints_site['site']['app_id'],
			'api_key' => $footprints_site['api_key'],
		)
	);
}
