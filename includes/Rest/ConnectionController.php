<?php
/**
 * ConnectionController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Backend\AccessKey;
use Footprints\Backend\Connection;
use Footprints\Backend\RemoteClient;
use Footprints\Capabilities;
use Footprints\Hookable;

/**
 * Routes footprints/v1/connection (which backend, for admins; the API key is
 * write-only: answers only say whether one is stored),
 * footprints/v1/connection/test, and footprints/v1/access-key (this site as
 * a backend: a new app ID and key for connected sites, shown once).
 */
final class ConnectionController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param Connection $connection The backend settings.
	 * @param AccessKey  $access_key This site's key for connected sites.
	 */
	public function __construct( private Connection $connection, private AccessKey $access_key ) {}

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
			Connection::schema()['properties'],
			array(
				'api_key' => array(
					'description' => __( 'API key of the remote backend. Empty keeps the stored key.', 'footprints' ),
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
					'args'                => $args,
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
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'accessKey' ),
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn() => new \WP_REST_Response( $this->access_key->generate(), 201 ),
				'permission_callback' => $admin,
			)
		);
	}

	/**
	 * Saves the connection; a remote one needs a URL and an app ID.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function save( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$settings = $this->merged( $request );
		$has_key  = '' !== (string) $request['api_key'] || '' !== $this->connection->api_key();
		$error    = Connection::REMOTE === $settings['mode'] ? self::check_remote( $settings, $has_key ) : null;
		if ( $error ) {
			return $error;
		}
		$this->connection->save( $settings, $request['api_key'] );
		return new \WP_REST_Response( $this->describe() );
	}

	/**
	 * Reads the first definition of the given (or stored) remote backend.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function test( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$settings = $this->merged( $request );
		$key      = (string) ( $request['api_key'] ? $request['api_key'] : $this->connection->api_key() );
		$error    = self::check_remote( $settings, '' !== $key );
		if ( $error ) {
			return $error;
		}
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
		return $this->connection->get() + array(
			'has_api_key' => '' !== $this->connection->api_key(),
			'access'      => array( 'app_id' => $this->access_key->app_id() ),
		);
	}

	/**
	 * Stored settings overlaid with those the request sent.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return array{mode: string, url: string, app_id: string}
	 */
	private function merged( \WP_REST_Request $request ): array {
		$settings = $this->connection->get();
		foreach ( array_keys( $settings ) as $field ) {
			if ( $request->has_param( $field ) ) {
				$settings[ $field ] = $request->get_param( $field );
			}
		}
		return Connection::sanitize( $settings );
	}

	/**
	 * Why these remote settings cannot work, or null.
	 *
	 * @param array{mode: string, url: string, app_id: string} $settings Settings.
	 * @param bool                                             $has_key  Whether a key was given or is stored.
	 */
	private static function check_remote( array $settings, bool $has_key ): ?\WP_Error {
		if ( '' === $settings['url'] ) {
			return new \WP_Error(
				'footprints_invalid_connection',
				__( 'url: enter the remote backend\'s address, starting with http:// or https://.', 'footprints' ),
				array(
					'status' => 400,
					'field'  => 'url',
				)
			);
		}
		if ( '' === $settings['app_id'] ) {
			return new \WP_Error(
				'footprints_invalid_connection',
				__( 'app_id: enter the app ID from the remote backend\'s settings.', 'footprints' ),
				array(
					'status' => 400,
					'field'  => 'app_id',
				)
			);
		}
		if ( ! $has_key ) {
			return new \WP_Error(
				'footprints_invalid_connection',
				__( 'api_key: enter the API key from the remote backend\'s settings.', 'footprints' ),
				array(
					'status' => 400,
					'field'  => 'api_key',
				)
			);
		}
		return null;
	}
}
