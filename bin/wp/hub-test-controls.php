<?php
/**
 * Plugin Name: Footprints hub test controls
 * Description: Installed on the local `hub` instance only. Lets the contract test make this remote backend answer garbage, as a broken proxy or a misconfigured server would. Not part of the plugin.
 *
 * @package Footprints
 */

// POST footprints-test/v1/garbage {"on": true|false}, admins only.
add_action(
	'rest_api_init',
	static function () {
		register_rest_route(
			'footprints-test/v1',
			'/garbage',
			array(
				'methods'             => 'POST',
				'permission_callback' => static fn() => current_user_can( 'manage_options' ),
				'args'                => array(
					'on' => array(
						'type'     => 'boolean',
						'required' => true,
					),
				),
				'callback'            => static function ( WP_REST_Request $request ) {
					update_option( 'footprints_test_garbage', (bool) $request['on'] );
					return array( 'on' => (bool) $request['on'] );
				},
			)
		);
	}
);

// While on, reading the definitions answers an HTML page with status 200.
add_filter(
	'rest_pre_serve_request',
	static function ( $served, $result, WP_REST_Request $request ) {
		if ( ! get_option( 'footprints_test_garbage' ) || 'GET' !== $request->get_method() || ! str_starts_with( $request->get_route(), '/footprints/v1/definitions' ) ) {
			return $served;
		}
		status_header( 200 );
		header( 'Content-Type: text/html; charset=UTF-8' );
		echo '<!doctype html><title>Maintenance</title><p>Back soon.</p>';
		return true;
	},
	5,
	3
);
