<?php
/**
 * CollectController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Definitions\DefinitionRepository;
use Footprints\Events\EventStore;
use Footprints\Hookable;

/**
 * POST footprints/v1/collect: where the client delivers batches of events.
 *
 * Each event of a batch is validated on its own against the event schema
 * and the site's definitions, so one bad event never costs the good ones;
 * the answer says, per rejected event, what was wrong.
 */
final class CollectController implements Hookable {

	public const NAMESPACE   = 'footprints/v1';
	public const MAX_BATCH   = 100;
	private const MAX_FUTURE = DAY_IN_SECONDS * 1000;

	/**
	 * The event schema, read once per request.
	 *
	 * @var array<string, mixed>|null
	 */
	private ?array $event_schema = null;

	/**
	 * Constructor.
	 *
	 * @param DefinitionRepository $definitions Stored definitions.
	 * @param EventStore           $events      Stored events.
	 */
	public function __construct( private DefinitionRepository $definitions, private EventStore $events ) {}

	/**
	 * Registers the route.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers POST /collect.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/collect',
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
		$batch       = (array) $request->get_param( 'events' );
		$definitions = $this->definitions->find_many( array_column( array_filter( $batch, 'is_array' ), 'event' ) );

		$accepted   = 0;
		$duplicates = 0;
		$rejected   = array();
		$triggers   = array();
		foreach ( array_values( $batch ) as $index => $event ) {
			$error = $this->validate( $event, $definitions );
			if ( $error ) {
				$rejected[] = array(
					'index'   => $index,
					'id'      => is_array( $event ) && is_string( $event['id'] ?? null ) ? $event['id'] : null,
					'code'    => $error->get_error_code(),
					'message' => $error->get_error_message(),
				);
				continue;
			}
			if ( $this->events->add( $event ) ) {
				++$accepted;
				$triggers[ $event['event'] ] = ( $triggers[ $event['event'] ] ?? 0 ) + 1;
			} else {
				++$duplicates;
			}
		}

		$this->definitions->record_triggers( $triggers );
		if ( $rejected ) {
			$this->events->count_rejections( array_count_values( array_column( $rejected, 'code' ) ) );
		}

		return new \WP_REST_Response(
			array(
				'accepted'   => $accepted,
				'duplicates' => $duplicates,
				'rejected'   => $rejected,
			),
			200
		);
	}

	/**
	 * Why an event cannot be stored, or null when it can.
	 *
	 * @param mixed                               $event       One event of the batch.
	 * @param array<string, array<string, mixed>> $definitions Definitions of the batch's codes.
	 */
	private function validate( mixed $event, array $definitions ): ?\WP_Error {
		$valid = rest_validate_value_from_schema( $event, $this->event_schema(), 'event' );
		if ( is_wp_error( $valid ) ) {
			return new \WP_Error( 'footprints_invalid_event', $valid->get_error_message() );
		}
		$definition = $definitions[ $event['event'] ] ?? null;
		if ( ! $definition ) {
			return new \WP_Error(
				'footprints_unknown_event',
				/* translators: %s: event code. */
				sprintf( __( 'No event is defined with the code "%s". Define it in Footprints, or fix the code in the trigger.', 'footprints' ), $event['event'] )
			);
		}
		if ( ! $definition['enabled'] ) {
			return new \WP_Error(
				'footprints_disabled_event',
				/* translators: %s: event code. */
				sprintf( __( 'The event "%s" is disabled, so it is not tracked. Enable it in Footprints to track it again.', 'footprints' ), $event['event'] )
			);
		}
		if ( isset( $event['time'] ) && $event['time'] > microtime( true ) * 1000 + self::MAX_FUTURE ) {
			return new \WP_Error( 'footprints_invalid_event', __( 'event[time] is more than a day in the future; send milliseconds since 1970 (UTC).', 'footprints' ) );
		}
		return null;
	}

	/**
	 * The shared event schema (src/shared/schema/event.json).
	 *
	 * @return array<string, mixed>
	 */
	private function event_schema(): array {
		return $this->event_schema ??= (array) wp_json_file_decode( FOOTPRINTS_DIR . '/src/shared/schema/event.json', array( 'associative' => true ) );
	}
}
