<?php
/**
 * Deleting Footprints in wp-admin removes everything it stored: its tables
 * and its options. (Deactivating keeps everything.)
 *
 * @package Footprints
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

global $wpdb;

foreach ( array( 'footprints_events', 'footprints_definitions', 'footprints_sites' ) as $footprints_table ) {
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}{$footprints_table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table names.
}

$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( 'footprints_' ) . '%' ) );
wp_clear_scheduled_hook( 'footprints_sync' );
wp_cache_flush();
