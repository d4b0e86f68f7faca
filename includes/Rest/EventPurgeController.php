<?php
/**
 * EventPurgeController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Capabilities;
use Footprints\Definitions\DefinitionSchema;
use Footprints\Events\EventPurge;
use Footprints\Events\StoreFailed;
use Footprints\Hookable;

/**
 * GET /events/purge?event=code: how many events of a code a purge would
 * delete (the number the confirmation shows); POST /events/purge
 * {"event": code}: deletes them, for admins.
 */
final class EventPurgeController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param EventPurge $purge Purges a code's events.
	 */
	public function __construct( private EventPurge $purge ) {}

	/**
	 * Registers the route.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers GET and POST /events/purge.
	 */
	public function register_routes(): void {
		$args = array(
			'event' => array(
				'description' => __( 'The event code whose events are purged.', 'footprints' ),
				'type'        => 'string',
				'pattern'     => DefinitionSchema::code_pattern(),
				'required'    => true,
			),
		);
		foreach ( array(
			\WP_REST_Server::READABLE  => 'count',
			\WP_REST_Server::CREATABLE => 'purge',
		) as $methods => $callback ) {
			register_rest_route(
				Routes::namespace(),
				Routes::route( 'eventsPurge' ),
				array(
					'methods'             => $methods,
					'callback'            => array( $this, $callback ),
					'permission_callback' => array( Capabilities::class, 'current_user_manages' ),
					'args'                => $args,
				)
			);
		}
	}

	/**
	 * How many events of the code exist (buffer and stream drained first).
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function count( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		return $this->answer( fn() => array( 'count' => $this->purge->count( (string) $request['event'] ) ), (string) $request['event'] );
	}

	/**
	 * Deletes every event of the code.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function purge( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		return $this->answer( fn() => array( 'deleted' => $this->purge->purge( (string) $request['event'] ) ), (string) $request['event'] );
	}

	/**
	 * The answer, or a 503 when the events could not be drained or purged.
	 *
	 * @param callable $work What to do: returns the answer's figures.
	 * @param string   $code Event code.
	 */
	private function answer( callable $work, string $code ): \WP_REST_Response|\WP_Error {
		try {
			return new \WP_REST_Response( array( 'event' => $code ) + $work() );
		} catch ( StoreFailed | \Footprints\Database\QueryFailed $failure ) {
			return new \WP_Error( 'footprints_purge_failed', __( 'The events could not be counted or purged just now; nothing was deleted. Try again shortly.', 'footprints' ), array( 'status' => 503 ) );
		}
	}
}
