<?php
/**
 * System events live in the definitions table, flagged, so listing, search
 * and the collector treat them like any other event; a name index keeps the
 * sorted list fast with thousands of definitions.
 *
 * @package Footprints
 */

use Footprints\Definitions\DefaultDefinitions;
use Footprints\Definitions\DefinitionCache;
use Footprints\Definitions\DefinitionRepository;

return static function ( \wpdb $wpdb ): void {
	$table = $wpdb->prefix . 'footprints_definitions';
	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table name.
	if ( ! $wpdb->get_var( $wpdb->prepare( "SHOW COLUMNS FROM $table LIKE %s", 'is_system' ) ) ) {
		$wpdb->query( "ALTER TABLE $table ADD COLUMN is_system tinyint(1) NOT NULL DEFAULT 0 AFTER attributes, ADD KEY system_name (is_system, name)" );
	}
	// phpcs:enable
	$cache = new DefinitionCache();
	( new DefaultDefinitions( $wpdb, new DefinitionRepository( $wpdb, $cache ), $cache ) )->seed_system_events();
};
