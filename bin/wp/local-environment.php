<?php
/**
 * Plugin Name: Footprints local environment
 * Description: Settings for the offline development and test sites that bin/wp-up creates. Not part of the plugin.
 *
 * @package Footprints
 */

// There is no sendmail here: record mail instead of failing on it.
add_filter(
	'pre_wp_mail',
	static function ( $short_circuit, $atts ) {
		error_log( 'wp_mail to ' . wp_json_encode( $atts['to'] ) . ': ' . $atts['subject'] ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
		return true;
	},
	10,
	2
);

// The emoji fallback loads images from a CDN this offline machine cannot
// reach; the failed request would show as a console error in e2e tests.
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
remove_action( 'admin_print_scripts', 'print_emoji_detection_script' );
