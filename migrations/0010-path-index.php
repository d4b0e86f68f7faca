<?php
/**
 * Path comparison reads, per event code, each device's events in time
 * order (its first A; its first B after a time): an index that starts with
 * the code and the device, and holds the time and the app ID, answers both
 * from the index alone, without reading an event row.
 *
 * Frozen: only $wpdb, never the plugin's classes.
 *
 * @package Footprints
 */

return static function ( \wpdb $wpdb ): void {
	$events = $wpdb->prefix . 'footprints_events';
	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table name.
	if ( ! $wpdb->get_var( $wpdb->prepare( "SHOW INDEX FROM $events WHERE Key_name = %s", 'code_device_occurred' ) ) ) {
		$wpdb->query( "ALTER TABLE $events ADD KEY code_device_occurred (code, device_id, occurred_at, app_id)" );
	}
	// phpcs:enable
};
