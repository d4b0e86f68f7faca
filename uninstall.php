<?php
/**
 * Deleting Footprints in wp-admin removes everything it stored, on every
 * site of a network: its tables, its options, its scheduled jobs and its
 * collector folder (compiled config, buffer, rate counters). Deactivating
 * keeps everything.
 *
 * @package Footprints
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Removes what Footprints stored for the current site.
 */
function footprints_uninstall_site(): void {
	global $wpdb;
	foreach ( array( 'footprints_events', 'footprints_definitions', 'footprints_daily', 'footprints_daily_devices', 'footprints_rejections', 'footprints_drained', 'footprints_sites', 'footprints_people', 'footprints_person_devices', 'footprints_person_ids', 'footprints_automation_rules', 'footprints_automation_deliveries', 'footprints_automation_log' ) as $footprints_table ) {
		$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}{$footprints_table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table names.
	}
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( 'footprints_' ) . '%' ) );
	// Whether an AI provider could draft (includes/Ai/NurtureDraft.php), kept as a transient.
	delete_transient( 'footprints_ai_ready' );
	foreach ( array( 'footprints_sync', 'footprints_drain', 'footprints_daily', 'footprints_self_test', 'footprints_people_backfill', 'footprints_automations_run', 'footprints_automations_purge' ) as $footprints_hook ) {
		wp_clear_scheduled_hook( $footprints_hook );
	}
	// An erasure interrupted between its last page and WordPress' end of it leaves this note on the request.
	delete_post_meta_by_key( '_footprints_deidentified_device' );
	footprints_uninstall_folder( WP_CONTENT_DIR . '/footprints/site-' . get_current_blog_id() );
	foreach ( wp_roles()->role_objects as $footprints_role ) {
		$footprints_role->remove_cap( 'footprints_view_insights' );
	}
}

/**
 * Deletes a folder of Footprints' own files.
 *
 * @param string $dir Folder.
 */
function footprints_uninstall_folder( string $dir ): void {
	if ( ! is_dir( $dir ) ) {
		return;
	}
	$items = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ), RecursiveIteratorIterator::CHILD_FIRST );
	foreach ( $items as $item ) {
		// phpcs:ignore WordPress.WP.AlternativeFunctions -- our own files, removed with the plugin.
		$item->isDir() ? rmdir( $item->getPathname() ) : unlink( $item->getPathname() );
	}
	rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions
}

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $footprints_site ) {
		switch_to_blog( (int) $footprints_site );
		footprints_uninstall_site();
		restore_current_blog();
	}
} else {
	footprints_uninstall_site();
}
wp_cache_flush();
