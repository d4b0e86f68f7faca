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
