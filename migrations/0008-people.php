<?php
/**
 * People: every device seen belongs to one person (anonymous until
 * identified), per app ID (a hub stores many sites' people).
 *
 * - footprints_people: the person, with totals kept by increments as
 *   events are stored (first and last seen, events) and what identified it
 *   (the identify() id, an email, a WordPress user) and its traits.
 * - footprints_person_devices: which person a device belongs to, with the
 *   device's own totals, so a merge adds up exactly.
 * - footprints_person_ids: every id that leads to a person (kind user: an
 *   identify() or alias() id; email; wp: a WordPress user ID), so an old
 *   alias or an email still finds the person after merges. Its key starts
 *   with the kind and the value, so a search by prefix is a range scan;
 *   values compare byte for byte ("Ann" and "ann" are two ids; emails
 *   are stored lowercased).
 *
 * It also notes the newest event row: the events up to it get their people
 * from a cron job (People\PeopleBackfill), the later ones from the writer.
 *
 * Frozen: only $wpdb, never the plugin's classes.
 *
 * @package Footprints
 */

return static function ( \wpdb $wpdb ): void {
	$charset = $wpdb->get_charset_collate();
	$ascii   = 'CHARACTER SET ascii COLLATE ascii_bin';
	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table names.
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$wpdb->prefix}footprints_people (
			id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
			app_id varchar(64) $ascii NOT NULL,
			user_id varchar(191) NULL DEFAULT NULL,
			email varchar(191) NULL DEFAULT NULL,
			wp_user_id bigint(20) unsigned NULL DEFAULT NULL,
			traits longtext NULL,
			first_seen datetime(3) NOT NULL,
			last_seen datetime(3) NOT NULL,
			events bigint(20) unsigned NOT NULL DEFAULT 0,
			PRIMARY KEY (id),
			KEY last_seen (last_seen),
			KEY app_last_seen (app_id, last_seen)
		) $charset"
	);
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$wpdb->prefix}footprints_person_devices (
			device_id varchar(64) $ascii NOT NULL,
			person_id bigint(20) unsigned NOT NULL,
			app_id varchar(64) $ascii NOT NULL,
			first_seen datetime(3) NOT NULL,
			last_seen datetime(3) NOT NULL,
			events bigint(20) unsigned NOT NULL DEFAULT 0,
			PRIMARY KEY (device_id),
			KEY person (person_id)
		) $charset"
	);
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$wpdb->prefix}footprints_person_ids (
			kind varchar(8) $ascii NOT NULL,
			value varchar(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
			app_id varchar(64) $ascii NOT NULL,
			person_id bigint(20) unsigned NOT NULL,
			PRIMARY KEY (kind, value, app_id),
			KEY person (person_id)
		) $charset"
	);
	// The events stored before people were kept: People\PeopleBackfill
	// counts those up to this row in cron; the writer counts every later one.
	$newest = (int) $wpdb->get_var( "SELECT MAX(id) FROM {$wpdb->prefix}footprints_events" );
	add_option( 'footprints_people_backfill_before', $newest > 0 ? (string) $newest : '', '', true );
	// phpcs:enable
};
