<?php
/**
 * The dashboard counts unique devices per event over a range from the
 * daily devices table. Its primary key starts with the day, so such a
 * count sorted every device of the range (measured on 1,000,000 rows over
 * 90 days: 1.4 s). This index holds each event's devices in order, so the
 * count of the events shown reads only their entries and never sorts
 * (0.2 s for the ten busiest events of 90 days on the same rows).
 *
 * Frozen: only $wpdb, never the plugin's classes.
 *
 * @package Footprints
 */

return static function ( \wpdb $wpdb ): void {
	$table = $wpdb->prefix . 'footprints_daily_devices';
	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table name.
	// Looks first: MySQL has no ADD KEY IF NOT EXISTS.
	if ( $wpdb->get_var( $wpdb->prepare( "SHOW INDEX FROM $table WHERE Key_name = %s", 'code_device' ) ) ) {
		return;
	}
	$wpdb->query( "ALTER TABLE $table ADD KEY code_device (code, app_id, device_id, day)" );
	// phpcs:enable
};
