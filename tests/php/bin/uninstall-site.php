<?php
/**
 * Runs uninstall.php on a site of its own, in a process of its own, and
 * prints what Footprints had stored before and what is left after, as
 * JSON. Run by UninstallTest against a database that bin/test-php empties
 * for it (FOOTPRINTS_DB_NAME) and that provision.php installed with
 * Footprints active: uninstall.php drops tables, and MariaDB commits on
 * DROP TABLE, which in the PHPUnit process would end the harness's
 * transaction and leak into every later test.
 *
 * Usage: php uninstall-site.php WP_DIR URL
 *
 * @package Footprints
 */

require dirname( __DIR__, 3 ) . '/bin/wp/cli-load.php';
require $footprints_wp_dir . '/wp-load.php';

/**
 * Footprints' tables and options in this site's database.
 *
 * @return array{tables: list<string>, options: list<string>, insights_roles: list<string>}
 */
function footprints_uninstall_snapshot(): array {
	global $wpdb;
	$tables  = $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'footprints_' ) . '%' ) );
	$options = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s ORDER BY option_name", $wpdb->esc_like( 'footprints_' ) . '%' ) );
	sort( $tables );
	$roles = array();
	foreach ( wp_roles()->role_objects as $name => $role ) {
		if ( $role->has_cap( 'footprints_view_insights' ) ) {
			$roles[] = $name;
		}
	}
	return array(
		'tables'         => array_values( $tables ),
		'options'        => array_values( $options ),
		'insights_roles' => $roles,
	);
}

// Something of each kind Footprints stores: an event, a rejection count.
$footprints_stored   = footprints_track( 'trial_click', array( 'source' => 'uninstall' ) );
$footprints_rejected = footprints_track( 'never_defined' );
// An automation rule, its queued delivery and a logged attempt.
Footprints\plugin()->automation_rules()->create(
	array(
		'name'   => 'Uninstall',
		'event'  => 'trial_click',
		'action' => array(
			'type' => 'webhook',
			'url'  => 'https://hooks.example.com/uninstall',
		),
	)
);
// No loopback kick when this script ends: nothing may write after the uninstall.
add_filter( 'footprints_automations_kick', '__return_false' );
footprints_track( 'trial_click', array( 'source' => 'uninstall' ) );
$footprints_before                     = footprints_uninstall_snapshot();
$footprints_before['automations_cron'] = (bool) wp_next_scheduled( 'footprints_automations_run' ) && (bool) wp_next_scheduled( 'footprints_automations_purge' );

define( 'WP_UNINSTALL_PLUGIN', 'footprints/plugin.php' );
require FOOTPRINTS_DIR . '/uninstall.php';

echo wp_json_encode(
	array(
		'stored'        => is_string( $footprints_stored ),
		'rejected_code' => is_wp_error( $footprints_rejected ) ? $footprints_rejected->get_error_code() : null,
		'before'        => $footprints_before,
		'after'         => footprints_uninstall_snapshot(),
		'sync_cron'     => wp_next_scheduled( 'footprints_sync' ),
		'automations'   => array(
			'run'   => wp_next_scheduled( 'footprints_automations_run' ),
			'purge' => wp_next_scheduled( 'footprints_automations_purge' ),
		),
	)
);
