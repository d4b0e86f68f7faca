<?php
/**
 * People made many to a statement find their ids again by a seed (the
 * statement's random token and the row's place in it), not by counting
 * on InnoDB to give the rows ids that follow each other: it does not
 * under innodb_autoinc_lock_mode 2, MySQL 8's default. Frozen.
 *
 * @package Footprints
 */

return static function ( \wpdb $wpdb ): void {
	$people = $wpdb->prefix . 'footprints_people';
	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table name.
	if ( ! $wpdb->get_var( $wpdb->prepare( "SHOW COLUMNS FROM $people LIKE %s", 'seed' ) ) ) {
		$wpdb->query( "ALTER TABLE $people ADD COLUMN seed char(21) CHARACTER SET ascii COLLATE ascii_bin NULL DEFAULT NULL, ADD KEY seed (seed)" );
	}
	// phpcs:enable
};
