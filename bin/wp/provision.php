<?php
/**
 * Installs WordPress if needed, activates Footprints and creates the demo
 * page. Idempotent; run by bin/wp-up for each instance.
 *
 * There is no wp-cli in Debian, and the npm package of that name is only a
 * wrapper, so this does the few steps we need through WordPress' own API.
 *
 * Usage: php provision.php WP_DIR URL
 *
 * @package Footprints
 */

// Sets up the request WordPress believes it serves (the instance's URL).
require __DIR__ . '/cli-load.php';

define( 'WP_INSTALLING', true );

/**
 * WordPress mails the new admin after install; there is no sendmail here.
 */
function wp_new_blog_notification() {}

require $footprints_wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( ! is_blog_installed() ) {
	wp_install( 'Footprints', 'admin', 'admin@example.com', true, '', 'password' );
	update_option( 'show_avatars', 0 );
	fwrite( STDERR, "[footprints] installed WordPress {$GLOBALS['wp_version']} at $footprints_url\n" );
}
if ( '/%postname%/' !== get_option( 'permalink_structure' ) ) {
	// Through WP_Rewrite, so the stored rewrite rules match the structure.
	$GLOBALS['wp_rewrite']->set_permalink_structure( '/%postname%/' );
	flush_rewrite_rules( false );
}

// The zip instance starts without Footprints: a test uploads the release zip.
if ( '0' === getenv( 'FOOTPRINTS_ACTIVATE' ) ) {
	return;
}
if ( ! is_plugin_active( 'footprints/plugin.php' ) ) {
	$footprints_result = activate_plugin( 'footprints/plugin.php' );
	if ( is_wp_error( $footprints_result ) ) {
		fwrite( STDERR, '[footprints] could not activate Footprints: ' . $footprints_result->get_error_message() . "\n" );
		exit( 1 );
	}
}

$footprints_demo = get_page_by_path( 'footprints-demo' );
if ( ! $footprints_demo ) {
	wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_name'    => 'footprints-demo',
			'post_title'   => 'Footprints demo',
			'post_author'  => 1,
			'post_content' => file_get_contents( __DIR__ . '/demo-page.html' ),
		)
	);
}
