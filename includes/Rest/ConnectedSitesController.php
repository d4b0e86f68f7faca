<?php
/**
 * ConnectedSitesController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Backend\ConnectedSites;
use Footprints\Capabilities;
use Footprints\Hookable;

/**
 * Routes footprints/v1/sites: the sites connected to this one as their hub.
 * List, add (201 with the key, shown once), rotate a key (the new key,
 * shown once), revoke. Admins only; the key hashes never leave the server.
 */
final class ConnectedSitesController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param ConnectedSites $sites The hub's connected sites.
	 */
	public function __construct( private ConnectedSites $sites ) {}

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
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'sites' ),
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'list_sites' ),
					'permission_callback' => $admin,
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'add' ),
					'permission_callback' => $admin,
					'args'                => array(
						'name' => array(
							'description' => __( 'What you call the site, e.g. its address.', 'footprints' ),
							'type'        => 'string',
							'required'    => true,
							'minLength'   => 1,
							'maxLength'   => 191,
						),
					),
				),
			)
		);
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'siteKey' ),
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn( \WP_REST_Request $request ) => rest_ensure_response( $this->sites->rotate( self::app_id( $request ) ) ),
				'permission_callback' => $admin,
			)
		);
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'siteRevoke' ),
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn( \WP_REST_Request $request ) => rest_ensure_response( $this->sites->revoke( self::app_id( $request ) ) ),
				'permission_callback' => $admin,
			)
		);
	}

	/**
	 * This site (the hub) first, then the connected sites.
	 */
	public function list_sites(): \WP_REST_Response {
		$hub = $this->sites->hub();
		return new \WP_REST_Response( array_merge( $hub ? array( $hub ) : array(), $this->sites->all() ) );
	}

	/**
	 * Connects a site; 201 with its app ID and its key, this once.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function add( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$added = $this->sites->add( (string) $request['name'] );
		return is_wp_error( $added ) ? $added : new \WP_REST_Response( $added, 201 );
	}

	/**
	 * The app ID in the route.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	private static function app_id( \WP_REST_Request $request ): string {
		return (string) $request->get_url_params()['app_id'];
	}
}
