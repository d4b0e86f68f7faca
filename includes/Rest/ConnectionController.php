<?php
/**
 * ConnectionController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Backend\BackendUrl;
use Footprints\Backend\RemoteBackendSettings;
use Footprints\Backend\RemoteClient;
use Footprints\Capabilities;
use Footprints\Hookable;

/**
 * Routes footprints/v1/connection (which backend, for admins; the API key is
 * write-only: answers only say whether one is stored) and
 * footprints/v1/connection/test. A stored key is only ever sent to the URL
 * and app ID it was saved with: changing either needs the key again.
 */
final class ConnectionController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param RemoteBackendSettings $settings The backend settings.
	 */
	public function __construct( private RemoteBackendSettings $settings ) {}

	/**
	 * Registers the routes.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the routes, admins only.
	 */
	public function register_routes(): void {
		$admin = array( Capabilities::class, 'current_user_manages' );
		$args  = array_merge(
			RemoteBackendSettings::schema()['properties'],
			array(
				'api_key' => array(
					'description' => __( 'API key of the remote backend, for this URL and app ID. Empty keeps the stored key (only while the URL and app ID stay the same).', 'footprints' ),
					'type'        => 'string',
					'maxLength'   => 200,
				),
			)
		);
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'connection' ),
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => fn() => new \WP_REST_Response( $this->describe() ),
					'permission_callback' => $admin,
				),
				array(
					'methods'             => 'PUT',
					'callback'            => array( $this, 'save' ),
					'permission_callback' => $admin,
					'args'                => $args + array(
						'remove_api_key' => array(
							'description' => __( 'Deletes the stored API key.', 'footprints' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					),
				),
			)
		);
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'connectionTest' ),
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'test' ),
				'permission_callback' => $admin,
				'args'                => $args,
			)
		);
	}

	/**
	 * Saves the connection; a remote one needs a URL the server may call, an
	 * app ID, and a key saved for both.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function save( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$settings = $this->merged( $request );
		$new_key  = RemoteBackendSettings::sanitize_key( $request['api_key'] );
		$remove   = (bool) $request['remove_api_key'];
		$error    = $this->settings->check( $settings, $new_key, $remove );
		if ( $error ) {
			return $error;
		}
		$this->settings->save( $settings, $new_key, $remove );
		return new \WP_REST_Response( $this->describe() );
	}

	/**
	 * Reads the first definition of the given (or stored) remote backend,
	 * with the key given now, or the stored one if it was saved for exactly
	 * this URL and app ID.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function test( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$settings         = $this->merged( $request );
		$settings['mode'] = RemoteBackendSettings::REMOTE;
		$new_key          = RemoteBackendSettings::sanitize_key( $request['api_key'] );
		$error            = $this->settings->check( $settings, $new_key, false );
		if ( $error ) {
			return $error;
		}
		$key    = '' !== $new_key ? $new_key : $this->settings->api_key_for( $settings );
		$result = ( new RemoteClient( $settings['url'], $settings['app_id'], $key ) )->page( 1, null, 1 );
		if ( is_wp_error( $result ) ) {
			$result->add_data( array( 'status' => 502 ) );
			return $result;
		}
		return new \WP_REST_Response(
			array(
				'ok'    => true,
				'total' => $result['total'],
			)
		);
	}

	/**
	 * The settings an admin may see.
	 *
	 * @return array<string, mixed>
	 */
	private function describe(): array {
		return $this->settings->get() + array(
			'has_api_key'              => '' !== $this->settings->api_key(),
			'private_backends_allowed' => BackendUrl::private_allowed(),
			// What sites connecting to this one as their hub enter as its URL.
			'site_url'                 => untrailingslashit( home_url() ),
		);
	}

	/**
	 * Stored settings overlaid with those the request sent.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return array{mode: string, url: string, app_id: string}
	 */
	private function merged( \WP_REST_Request $request ): array {
		$settings = $this->settings->get();
		foreach ( array_keys( $settings ) as $field ) {
			if ( $request->has_param( $field ) ) {
				$settings[ $field ] = $request->get_param( $field );
			}
		}
		return RemoteBackendSettings::sanitize( $settings );
	}
}
