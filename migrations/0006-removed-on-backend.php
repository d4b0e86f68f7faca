<?php
/**
 * A sync no longer deletes a definition that has history when the remote
 * backend removed it: it keeps it, disabled, and records when it found it
 * removed, so the list can say so.
 *
 * Frozen: only $wpdb, never the plugin's classes.
 *
 * @package Footprints
 */

return static function ( \wpdb $wpdb ): void {
	$table = $wpdb->prefix . 'footprints_definitions';
	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table name.
	// Looks first: MySQL has no ADD COLUMN IF NOT EXISTS.
	if ( $wpdb->get_var( $wpdb->prepare( "SHOW COLUMNS FROM $table LIKE %s", 'removed_on_backend_at' ) ) ) {
		return;
	}
	$wpdb->query( "ALTER TABLE $table ADD COLUMN removed_on_backend_at datetime NULL DEFAULT NULL AFTER first_triggered_at" );
	// phpcs:enable
};
