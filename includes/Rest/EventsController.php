<?php
/**
 * EventsController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Capabilities;
use Footprints\Definitions\DefinitionSchema;
use Footprints\Events\EventStore;
use Footprints\Hookable;

/**
 * GET footprints/v1/events: the stored events, newest first, for admins.
 */
final class EventsController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param EventStore $events Stored events.
	 */
	public function __construct( private EventStore $events ) {}

	/**
	 * Registers the route.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers GET /events.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'events' ),
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'list_events' ),
				'permission_callback' => array( Capabilities::class, 'current_user_manages' ),
				'args'                => array(
					'event' => array(
						'description' => __( 'Only events with this code.', 'footprints' ),
						'type'        => 'string',
						'pattern'     => DefinitionSchema::code_pattern(),
					),
				) + Paging::args(),
			)
		);
	}

	/**
	 * Lists stored events; the total is in the X-WP-Total header.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function list_events( \WP_REST_Request $request ): \WP_REST_Response {
		$result = $this->events->query(
			array(
				'event'    => (string) $request['event'],
				'per_page' => (int) $request['per_page'],
				'page'     => (int) $request['page'],
			)
		);
		return Paging::response( $result['items'], $result['total'], (int) $request['per_page'] );
	}
}
