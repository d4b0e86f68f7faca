<?php
/**
 * The sites connected to this one as their hub: each with its own app ID
 * and the hash of its own key, revocable one by one. The single key of
 * earlier versions becomes the first connected site, so the site using it
 * keeps syncing.
 *
 * Frozen: only $wpdb and WordPress' options API, never the plugin's classes.
 *
 * @package Footprints
 */

return static function ( \wpdb $wpdb ): void {
	$table = $wpdb->prefix . 'footprints_sites';
	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table name.
	$created = $wpdb->query(
		"CREATE TABLE IF NOT EXISTS $table (
			id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
			app_id varchar(32) NOT NULL,
			name varchar(191) NOT NULL,
			key_hash char(64) NOT NULL,
			created_at datetime NOT NULL,
			key_created_at datetime NOT NULL,
			revoked_at datetime NULL DEFAULT NULL,
			last_sync_at datetime NULL DEFAULT NULL,
			PRIMARY KEY  (id),
			UNIQUE KEY app_id (app_id)
		) " . $wpdb->get_charset_collate()
	);
	if ( false === $created ) {
		return;
	}
	$legacy = get_option( 'footprints_access_key' );
	if ( is_array( $legacy ) && isset( $legacy['app_id'], $legacy['hash'] ) ) {
		$now = gmdate( 'Y-m-d H:i:s' );
		// REPLACE: a retried migration finds the row of its first attempt.
		$moved = $wpdb->replace(
			$table,
			array(
				'app_id'         => (string) $legacy['app_id'],
				'name'           => 'Connected site',
				'key_hash'       => (string) $legacy['hash'],
				'created_at'     => $now,
				'key_created_at' => $now,
			)
		);
		if ( false !== $moved ) {
			delete_option( 'footprints_access_key' );
		}
	}
	// The remote backend's key of earlier versions was a plain string; it is
	// now stored with the URL and app ID it was saved for, and only sent there.
	$key = get_option( 'footprints_api_key' );
	if ( is_string( $key ) && '' !== $key ) {
		$backend = get_option( 'footprints_backend' );
		$backend = is_array( $backend ) ? $backend : array();
		update_option(
			'footprints_api_key',
			array(
				'key'    => $key,
				'url'    => untrailingslashit( trim( (string) ( $backend['url'] ?? '' ) ) ),
				'app_id' => (string) ( $backend['app_id'] ?? '' ),
			),
			false
		);
	}
	// phpcs:enable
};
