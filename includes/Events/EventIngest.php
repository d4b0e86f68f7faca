<?php
/**
 * EventIngest.
 *
 * @package Footprints
 */

namespace Footprints\Events;

use Footprints\Collector\BatchValidator;
use Footprints\Collector\ConfigCompiler;
use Footprints\Collector\Refusal;

/**
 * How events get in through WordPress: the REST routes footprints/v1/collect
 * and footprints/v1/server-events (a hub's connected sites) and
 * footprints_track() hand what they received to the one validator
 * (BatchValidator, which the fast collector runs too), then write the
 * accepted events at once (EventWriter). A failed write is a 503 the
 * sender retries, never "duplicate"; rejected events are counted.
 */
final class EventIngest {

	/**
	 * Constructor.
	 *
	 * @param ConfigCompiler   $config     The collector config.
	 * @param EventWriter      $writer     Writes events and their totals.
	 * @param RejectionCounter $rejections Counts rejected events.
	 */
	public function __construct(
		private ConfigCompiler $config,
		private EventWriter $writer,
		private RejectionCounter $rejections
	) {}

	/**
	 * Ingests a raw request body, as a collector receives it.
	 *
	 * @param string $body         Raw body.
	 * @param string $content_type Content-Type header.
	 * @param int    $wp_user      The signed-in WordPress user who sent it (its sign-in cookie); 0 for nobody.
	 * @return array{accepted: int, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>}|Refusal
	 */
	public function ingest_body( string $body, string $content_type, int $wp_user = 0 ): array|Refusal {
		$now = self::now_ms();
		return $this->store( $this->validator()->validate_body( $body, $content_type, $now ), $now, $wp_user );
	}

	/**
	 * Ingests decoded events sent by code on the server (footprints_track()),
	 * which may record the server-only events. An event may carry
	 * `wp_user`, the WordPress user it happened to (a sign-in, a new
	 * account): trusted context that only the server can give, so the
	 * writer links the event's device to the person wp:<ID>. It is taken
	 * off before validation (it is no field of the event schema) and put
	 * back on the accepted event; anything but a positive integer stays
	 * on and is refused as an unknown field.
	 *
	 * @param array<mixed> $events Events, oldest first.
	 * @return array{accepted: int, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>}|Refusal
	 */
	public function ingest( array $events ): array|Refusal {
		$now   = self::now_ms();
		$users = array();
		foreach ( $events as $index => $event ) {
			if ( is_array( $event ) && is_int( $event['wp_user'] ?? null ) && $event['wp_user'] > 0 && is_string( $event['id'] ?? null ) ) {
				$users[ $event['id'] ] = $event['wp_user'];
				unset( $event['wp_user'] );
				$events[ $index ] = $event;
			}
		}
		$verdict = $this->validator()->validate_events( $events, $now, array(), true );
		if ( $users && ! $verdict instanceof Refusal ) {
			foreach ( $verdict['events'] as $key => $event ) {
				if ( isset( $users[ $event['id'] ] ) ) {
					$verdict['events'][ $key ] = array( 'wp_user' => $users[ $event['id'] ] ) + $event;
				}
			}
		}
		return $this->store( $verdict, $now );
	}

	/**
	 * Ingests the events a connected site's server sent this hub
	 * (footprints/v1/server-events, authenticated by that site's key). Like
	 * footprints_track() here, it may record the server-only events; the
	 * site's word counts for its own events only: an event without an app
	 * ID gets the site's, one naming another app is rejected
	 * (footprints_app_id_mismatch), and `wp_user` (a user of the sending
	 * site, none of this one) is refused as an unknown field.
	 *
	 * @param array<mixed> $events Events, oldest first.
	 * @param string       $app_id The authenticated site's app ID.
	 * @return array{accepted: int, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>}|Refusal
	 */
	public function ingest_from_site( array $events, string $app_id ): array|Refusal {
		$now     = self::now_ms();
		$foreign = array();
		foreach ( $events as $index => $event ) {
			if ( is_array( $event ) && ! array_is_list( $event ) ) {
				if ( isset( $event['app_id'] ) && $app_id !== $event['app_id'] ) {
					$foreign[ $index ] = is_string( $event['app_id'] ) ? $event['app_id'] : gettype( $event['app_id'] );
				}
				// The site's app ID stands in for a foreign one too, so the event's other faults are still told.
				$event['app_id']  = $app_id;
				$events[ $index ] = $event;
			}
		}
		$verdict = $this->validator()->validate_events( $events, $now, array(), true );
		return $this->store( $verdict instanceof Refusal ? $verdict : self::refuse_foreign( $verdict, $foreign, $app_id ), $now );
	}

	/**
	 * Moves the accepted events that named another app than the sender's
	 * into the rejected ones.
	 *
	 * @param array{events: list<array<string, mixed>>, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>, tally: array<string, array<string, int>>, indexes: array<string, int>} $verdict The validator's verdict.
	 * @param array<int, string>                                                                                                                                                                                                   $foreign The app ID each foreign event named, by index.
	 * @param string                                                                                                                                                                                                               $app_id  The sender's app ID.
	 * @return array{events: list<array<string, mixed>>, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>, tally: array<string, array<string, int>>, indexes: array<string, int>}
	 */
	private static function refuse_foreign( array $verdict, array $foreign, string $app_id ): array {
		foreach ( $verdict['events'] as $key => $event ) {
			$index = $verdict['indexes'][ $event['id'] ];
			if ( ! isset( $foreign[ $index ] ) ) {
				continue;
			}
			$verdict['rejected'][] = array(
				'index'   => $index,
				'id'      => $event['id'],
				'code'    => 'footprints_app_id_mismatch',
				/* translators: 1: app ID the event named, 2: the sender's app ID. */
				'message' => sprintf( __( 'app_id: this key sends the events of the app ID %2$s only, not of "%1$s". Leave app_id out (the event gets %2$s) or send the other site\'s events with its own key.', 'footprints' ), mb_substr( $foreign[ $index ], 0, 64 ), $app_id ),
			);
			$verdict['tally'][ $event['event'] ]['footprints_app_id_mismatch'] = ( $verdict['tally'][ $event['event'] ]['footprints_app_id_mismatch'] ?? 0 ) + 1;
			unset( $verdict['events'][ $key ] );
		}
		$verdict['events'] = array_values( $verdict['events'] );
		return $verdict;
	}

	/**
	 * Writes what the validator accepted and reports per event.
	 *
	 * @param array<string, mixed>|Refusal $verdict     The validator's verdict.
	 * @param int                          $received_ms When the batch arrived.
	 * @param int                          $wp_user     The signed-in WordPress user who sent it; 0 for nobody.
	 * @return array{accepted: int, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>}|Refusal
	 */
	private function store( array|Refusal $verdict, int $received_ms, int $wp_user = 0 ): array|Refusal {
		if ( $verdict instanceof Refusal ) {
			return $verdict;
		}
		$events = $verdict['events'];
		if ( $wp_user > 0 ) {
			$events = array_map( static fn( array $event ) => array( 'wp_user' => $wp_user ) + $event, $events );
		}
		try {
			$written = $this->writer->write( $events, $received_ms );
		} catch ( StoreFailed $failure ) {
			return Refusal::store_failed();
		}
		$rejected = $verdict['rejected'];
		// Refused after the fact (the definition went while they travelled): in batch order.
		$tally   = $verdict['tally'];
		$missing = array_flip( $written['missing'] );
		foreach ( $verdict['events'] as $event ) {
			if ( isset( $missing[ $event['id'] ] ) ) {
				$rejected[] = array(
					'index'   => $verdict['indexes'][ $event['id'] ],
					'id'      => $event['id'],
					'code'    => 'footprints_unknown_event',
					/* translators: %s: event code. */
					'message' => sprintf( __( 'No event is defined with the code "%s". Define it in Footprints, or fix the code in the trigger.', 'footprints' ), $event['event'] ),
				);
				$tally[ $event['event'] ]['footprints_unknown_event'] = ( $tally[ $event['event'] ]['footprints_unknown_event'] ?? 0 ) + 1;
			}
		}
		usort( $rejected, static fn( array $a, array $b ) => $a['index'] <=> $b['index'] );
		$this->rejections->add( $tally );
		$stored = array_count_values( array_map( 'intval', $written['stored'] ) );
		return array(
			'accepted'   => $stored[1] ?? 0,
			'duplicates' => ( $stored[0] ?? 0 ) + $verdict['duplicates'],
			'rejected'   => $rejected,
		);
	}

	/**
	 * The validator over the config as it stands.
	 */
	private function validator(): BatchValidator {
		return new BatchValidator( $this->config->current() );
	}

	/**
	 * Now, in milliseconds since 1970.
	 */
	private static function now_ms(): int {
		return (int) floor( microtime( true ) * 1000 );
	}
}
