<?php
/**
 * EventIngest.
 *
 * @package Footprints
 */

namespace Footprints\Events;

use Footprints\Definitions\AttributeCoercer;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Definitions\TriggerCounter;

/**
 * The one way events get in: the collector (footprints/v1/collect) and
 * footprints_track() both hand their events here. Each event is validated
 * on its own against the event schema, the site's definitions and the
 * definition's attribute schema, so one bad event never costs the good
 * ones; stored events count as triggers, refused ones are counted by reason.
 */
final class EventIngest {

	private const MAX_FUTURE_MS = DAY_IN_SECONDS * 1000;

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
	 * @param TriggerCounter       $triggers    Counts received events per definition.
	 * @param EventStore           $events      Stored events.
	 * @param AttributeCoercer     $coercer     Types attribute values by schema.
	 */
	public function __construct(
		private DefinitionRepository $definitions,
		private TriggerCounter $triggers,
		private EventStore $events,
		private AttributeCoercer $coercer
	) {}

	/**
	 * Stores the valid events of a batch and reports the others.
	 *
	 * @param array<mixed> $batch Events, oldest first.
	 * @return array{accepted: int, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>}
	 */
	public function ingest( array $batch ): array {
		$definitions = $this->definitions->find_many( array_column( array_filter( $batch, 'is_array' ), 'event' ) );

		$accepted   = 0;
		$duplicates = 0;
		$rejected   = array();
		$triggers   = array();
		foreach ( array_values( $batch ) as $index => $event ) {
			$event = $this->validate( $event, $definitions );
			if ( is_wp_error( $event ) ) {
				$rejected[] = array(
					'index'   => $index,
					'id'      => is_array( $batch[ $index ] ) && is_string( $batch[ $index ]['id'] ?? null ) ? $batch[ $index ]['id'] : null,
					'code'    => (string) $event->get_error_code(),
					'message' => $event->get_error_message(),
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

		$this->triggers->record( $triggers );
		if ( $rejected ) {
			$this->events->count_rejections( array_count_values( array_column( $rejected, 'code' ) ) );
		}
		return array(
			'accepted'   => $accepted,
			'duplicates' => $duplicates,
			'rejected'   => $rejected,
		);
	}

	/**
	 * The event ready to store (attributes typed by the schema), or why it
	 * cannot be stored.
	 *
	 * @param mixed                               $event       One event of the batch.
	 * @param array<string, array<string, mixed>> $definitions Definitions of the batch's codes.
	 * @return array{id: string, event: string, attributes?: array<string, mixed>, time?: int, page?: string, referrer?: string, device_id?: string}|\WP_Error
	 */
	private function validate( mixed $event, array $definitions ): array|\WP_Error {
		$valid = rest_validate_value_from_schema( $event, $this->event_schema(), 'event' );
		if ( is_wp_error( $valid ) ) {
			return new \WP_Error( 'footprints_invalid_event', $valid->get_error_message() );
		}
		/**
		 * The schema checked its shape (data/schema/event.json).
		 *
		 * @var array{id: string, event: string, attributes?: array<string, mixed>, time?: int, page?: string, referrer?: string, device_id?: string} $event
		 */
		$code       = $event['event'];
		$definition = $definitions[ $code ] ?? null;
		if ( ! $definition ) {
			return new \WP_Error(
				'footprints_unknown_event',
				/* translators: %s: event code. */
				sprintf( __( 'No event is defined with the code "%s". Define it in Footprints, or fix the code in the trigger.', 'footprints' ), $code )
			);
		}
		if ( ! $definition['enabled'] ) {
			return new \WP_Error(
				'footprints_disabled_event',
				/* translators: %s: event code. */
				sprintf( __( 'The event "%s" is disabled, so it is not tracked. Enable it in Footprints to track it again.', 'footprints' ), $code )
			);
		}
		if ( isset( $event['time'] ) && $event['time'] > microtime( true ) * 1000 + self::MAX_FUTURE_MS ) {
			return new \WP_Error( 'footprints_invalid_event', __( 'event[time] is more than a day in the future; send milliseconds since 1970 (UTC).', 'footprints' ) );
		}
		$attributes = $this->coercer->coerce( (array) $definition['attributes'], (array) ( $event['attributes'] ?? array() ) );
		if ( is_wp_error( $attributes ) ) {
			return new \WP_Error(
				$attributes->get_error_code(),
				/* translators: 1: event code, 2: what is wrong, e.g. 'attribute "price" is not a valid number'. */
				sprintf( __( 'The event "%1$s" was not stored: %2$s.', 'footprints' ), $code, $attributes->get_error_message() )
			);
		}
		$event['attributes'] = $attributes;
		return $event;
	}

	/**
	 * The shared event schema (data/schema/event.json).
	 *
	 * @return array<string, mixed>
	 */
	private function event_schema(): array {
		return $this->event_schema ??= (array) wp_json_file_decode( FOOTPRINTS_DIR . '/data/schema/event.json', array( 'associative' => true ) );
	}
}
