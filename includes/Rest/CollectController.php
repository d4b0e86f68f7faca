<?php
/**
 * CollectController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Events\EventIngest;
use Footprints\Hookable;

/**
 * POST footprints/v1/collect: where the client delivers batches of events.
 *
 * Each event of a batch is validated on its own (EventIngest), so one bad
 * event never costs the good ones; the answer says, per rejected event,
 * what was wrong.
 *
 * The client posts its JSON as text/plain, a CORS-safelisted type, so a
 * remote backend receives each batch without a preflight round trip (which
 * a page that is going away may not live to finish).
 */
final class CollectController implements Hookable {

	public const MAX_BATCH = 100;

	/**
	 * Constructor.
	 *
	 * @param EventIngest $ingest Validates and stores events.
	 */
	public function __construct( private EventIngest $ingest ) {}

	/**
	 * Registers the route.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_pre_dispatch', array( $this, 'read_plain_text_json' ), 10, 3 );
	}

	/**
	 * Reads a text/plain body of the collector as the JSON it is, before
	 * WordPress validates the parameters (it parses application/json only).
	 *
	 * @param mixed            $result  A response already decided, or null.
	 * @param \WP_REST_Server  $server  The server.
	 * @param \WP_REST_Request $request The request.
	 * @return mixed $result, unchanged.
	 */
	public function read_plain_text_json( $result, \WP_REST_Server $server, \WP_REST_Request $request ) {
		if ( Routes::path( 'collect' ) === $request->get_route() && ! $request->is_json_content_type() ) {
			$body = json_decode( $request->get_body(), true );
			if ( is_array( $body ) ) {
				$request->set_body_params( $body );
			}
		}
		return $result;
	}

	/**
	 * Registers POST /collect.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'collect' ),
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'collect' ),
				// Visitors are anonymous: anyone may send events. What they send is
				// checked event by event against the schema and the definitions.
				'permission_callback' => '__return_true',
				'args'                => array(
					'events' => array(
						'description' => __( 'Events to store, oldest first.', 'footprints' ),
						'type'        => 'array',
						'required'    => true,
						'minItems'    => 1,
						'maxItems'    => self::MAX_BATCH,
					),
				),
			)
		);
	}

	/**
	 * Stores the valid events of a batch and reports the others.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function collect( \WP_REST_Request $request ): \WP_REST_Response {
		return new \WP_REST_Response( $this->ingest->ingest( (array) $request->get_param( 'events' ) ), 200 );
	}
}
