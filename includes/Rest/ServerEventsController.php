<?php
/**
 * ServerEventsController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Backend\ConnectedSites;
use Footprints\Collector\BatchValidator;
use Footprints\Collector\ConfigCompiler;
use Footprints\Events\EventIngest;
use Footprints\Hookable;

/**
 * POST footprints/v1/server-events: on a hub, where a connected site's
 * server sends the events it derived (footprints_track() through
 * RemoteEventSink), with the app ID and key this hub gave it. Unlike the
 * public collector it may record the server-only events (a sign-in, a
 * verified profile, an erasure), because the key says which site speaks;
 * and that site writes its own app ID's events only (EventIngest::
 * ingest_from_site()). Same batch bounds and same answer as collect.
 */
final class ServerEventsController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param EventIngest    $ingest Validates and stores events.
	 * @param ConfigCompiler $config The collector config (its limits).
	 * @param ConnectedSites $sites  Sites connected to this hub, each with its own key.
	 */
	public function __construct( private EventIngest $ingest, private ConfigCompiler $config, private ConnectedSites $sites ) {}

	/**
	 * Registers the route.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers POST /server-events.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'serverEvents' ),
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'receive' ),
				'permission_callback' => array( $this, 'can_send' ),
				'args'                => CollectController::batch_args( $this->config ),
			)
		);
	}

	/**
	 * Only a connected site, with its own key; 401 saying what is wrong.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function can_send( \WP_REST_Request $request ): bool|\WP_Error {
		if ( ! $this->sites->is_presented( $request ) ) {
			return new \WP_Error(
				'footprints_api_key_missing',
				__( 'Only a site connected to this hub may send server events: send its app ID in the X-Footprints-App-Id header and its API key as "Authorization: Bearer <key>".', 'footprints' ),
				array( 'status' => 401 )
			);
		}
		// Sending events is no sync: the hub's list shows them as the site's last event.
		return $this->sites->authenticate( $request, false );
	}

	/**
	 * Stores the valid events of the batch, as the site's, and reports the others.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function receive( \WP_REST_Request $request ): \WP_REST_Response {
		$validator = new BatchValidator( $this->config->current() );
		$result    = strlen( (string) $request->get_body() ) > $validator->config()->limit( 'body_bytes' )
			? $validator->too_large()
			: $this->ingest->ingest_from_site( (array) $request['events'], (string) $request->get_header( ConnectedSites::APP_HEADER ) );
		return CollectController::answer( $result );
	}
}
