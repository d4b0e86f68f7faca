<?php
/**
 * System events live in the definitions table, flagged, so listing, search
 * and the collector treat them like any other event; a name index keeps the
 * sorted list fast with thousands of definitions. The rows themselves are
 * seeded after migrating (DefinitionRepository::seed_system_events), so
 * this file stays frozen SQL that later code cannot break.
 *
 * @package Footprints
 */

return static function ( \wpdb $wpdb ): void {
	$table = $wpdb->prefix . 'footprints_definitions';
	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table name.
	// Looks first: MySQL has no ADD COLUMN IF NOT EXISTS.
	if ( $wpdb->get_var( $wpdb->prepare( "SHOW COLUMNS FROM $table LIKE %s", 'is_system' ) ) ) {
		return;
	}
	$wpdb->query( "ALTER TABLE $table ADD COLUMN is_system tinyint(1) NOT NULL DEFAULT 0 AFTER attributes, ADD KEY system_name (is_system, name)" );
	// phpcs:enable
};
