<?php
/**
 * The WordPress side of bin/bench-collector, on the test instance:
 *   setup   defines bench_click, lifts the rate limit (the mu-plugin), compiles the collector config
 *   drain   drains the buffer and prints "events seconds"
 *   cleanup deletes bench_click and everything it left
 *
 * Usage: php bench-collector.php WP_DIR URL setup|drain|cleanup
 *
 * @package Footprints
 */

// Sets up the request WordPress believes it serves (the instance's URL).
require __DIR__ . '/cli-load.php';
require $footprints_wp_dir . '/wp-load.php';

// phpcs:disable WordPress.DB.DirectDatabaseQuery -- the benchmark's own rows, removed at the end.
global $wpdb;
$footprints_plugin = Footprints\plugin();
switch ( $argv[3] ?? '' ) {
	case 'setup':
		$footprints_plugin->definitions()->add_if_missing(
			array(
				'code'       => 'bench_click',
				'name'       => 'Bench Click',
				'attributes' => array(
					'plan'  => 'string',
					'price' => 'number',
				),
			)
		);
		$footprints_plugin->collector_config()->write();
		$footprints_plugin->drainer()->drain();
		break;
	case 'drain':
		$footprints_report = $footprints_plugin->drainer()->drain();
		printf( "%d %.3f\n", $footprints_report['events'], $footprints_report['seconds'] );
		break;
	case 'cleanup':
		foreach ( array( 'footprints_events', 'footprints_daily', 'footprints_daily_devices', 'footprints_rejections', 'footprints_definitions' ) as $footprints_table ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}{$footprints_table} WHERE code = %s", 'bench_click' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		$wpdb->query( "DELETE FROM {$wpdb->prefix}footprints_drained" );
		$footprints_plugin->definition_cache()->written( array( 'bench_click' ) );
		$footprints_plugin->collector_config()->write();
		break;
}//end switch
