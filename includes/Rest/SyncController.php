<?php
/**
 * SyncController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Backend\SyncStatus;
use Footprints\Backend\Syncer;
use Footprints\Capabilities;
use Footprints\Hookable;

/**
 * Route footprints/v1/sync: GET is the sync status, POST syncs now. Admins only.
 */
final class SyncController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param Syncer     $syncer Runs syncs.
	 * @param SyncStatus $status The last sync's result.
	 */
	public function __construct( private Syncer $syncer, private SyncStatus $status ) {}

	/**
	 * Registers the route.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers GET and POST /sync.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'sync' ),
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => fn() => new \WP_REST_Response( $this->status->get() ),
					'permission_callback' => array( Capabilities::class, 'current_user_manages' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => fn() => rest_ensure_response( $this->syncer->sync() ),
					'permission_callback' => array( Capabilities::class, 'current_user_manages' ),
				),
			)
		);
	}
}
