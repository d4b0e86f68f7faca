<?php
/**
 * Storage for the collector: ids and codes compared byte for byte
 * (ascii_bin: "Abc12345" and "abc12345" are two events, and no collation
 * folds a trailing space), the app ID of each event (a hub stores many
 * sites' events), daily totals per code, day and app kept beyond the
 * events' retention, the devices behind them, and rejected events counted
 * per code and reason with atomic increments, and the buffer files
 * already drained.
 *
 * @package Footprints
 */

return static function ( \wpdb $wpdb ): void {
	$events  = $wpdb->prefix . 'footprints_events';
	$charset = $wpdb->get_charset_collate();
	$ascii   = 'CHARACTER SET ascii COLLATE ascii_bin';
	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table names.
	if ( ! $wpdb->get_var( $wpdb->prepare( "SHOW COLUMNS FROM $events LIKE %s", 'app_id' ) ) ) {
		$wpdb->query(
			"ALTER TABLE $events
				MODIFY event_id varchar(64) $ascii NOT NULL,
				MODIFY code varchar(64) $ascii NOT NULL,
				MODIFY device_id varchar(64) $ascii NULL DEFAULT NULL,
				ADD COLUMN app_id varchar(64) $ascii NOT NULL DEFAULT '' AFTER code,
				ADD KEY occurred (occurred_at),
				ADD KEY app_occurred (app_id, occurred_at)"
		);
	}
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$wpdb->prefix}footprints_daily (
			code varchar(64) $ascii NOT NULL,
			day date NOT NULL,
			app_id varchar(64) $ascii NOT NULL,
			events bigint(20) unsigned NOT NULL DEFAULT 0,
			devices bigint(20) unsigned NOT NULL DEFAULT 0,
			PRIMARY KEY (code, day, app_id),
			KEY day (day)
		) $charset"
	);
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$wpdb->prefix}footprints_daily_devices (
			day date NOT NULL,
			code varchar(64) $ascii NOT NULL,
			app_id varchar(64) $ascii NOT NULL,
			device_id varchar(64) $ascii NOT NULL,
			PRIMARY KEY (day, code, app_id, device_id)
		) $charset"
	);
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$wpdb->prefix}footprints_rejections (
			code varchar(64) $ascii NOT NULL,
			reason varchar(64) $ascii NOT NULL,
			count bigint(20) unsigned NOT NULL DEFAULT 0,
			last_at datetime NOT NULL,
			PRIMARY KEY (code, reason)
		) $charset"
	);
	// Busy buffer files whose events are committed: a drain that dies
	// before deleting one finds it here next time and adds nothing twice.
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$wpdb->prefix}footprints_drained (
			name varchar(128) $ascii NOT NULL,
			drained_at datetime NOT NULL,
			PRIMARY KEY (name),
			KEY drained_at (drained_at)
		) $charset"
	);
	// This site's own app ID (made here if it does not exist yet, as the
	// collector makes it: app_ and 12 lowercase letters or digits).
	$app_id = get_option( 'footprints_site_app_id' );
	if ( ! is_string( $app_id ) || '' === $app_id ) {
		add_option( 'footprints_site_app_id', 'app_' . strtolower( wp_generate_password( 12, false ) ), '', true );
		$app_id = (string) get_option( 'footprints_site_app_id' );
	}
	$wpdb->query( (string) $wpdb->prepare( "UPDATE $events SET app_id = %s WHERE app_id = ''", $app_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared on this line.
	// phpcs:enable
	delete_option( 'footprints_rejected_events' );
};
