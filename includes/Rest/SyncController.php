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
 * Route footprints/v1/sync: GET is the sync status (and what a first sync
 * would put at stake), POST syncs now. Admins only.
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
					'callback'            => fn() => new \WP_REST_Response( $this->status->get() + $this->syncer->outlook() ),
					'permission_callback' => array( Capabilities::class, 'current_user_manages' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'sync' ),
					'permission_callback' => array( Capabilities::class, 'current_user_manages' ),
					'args'                => array(
						'confirm' => array(
							'description' => __( 'Confirms the first sync from a backend while this site has events with recorded history.', 'footprints' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					),
				),
			)
		);
	}

	/**
	 * Syncs now; the new status, or the error with the status in its data.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function sync( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$result = $this->syncer->sync( (bool) $request['confirm'] );
		return is_wp_error( $result ) ? $result : new \WP_REST_Response( $result + $this->syncer->outlook() );
	}
}
