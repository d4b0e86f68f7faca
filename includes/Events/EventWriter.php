<?php
/**
 * EventWriter.
 *
 * @package Footprints
 */

namespace Footprints\Events;

use Footprints\Database\QueryFailed;
use Footprints\Database\Transaction;
use Footprints\Definitions\DefinitionTable;
use Footprints\Definitions\TriggerCounter;
use Footprints\People\IdentityLedger;

/**
 * Writes validated events, in one transaction with everything derived from
 * them: the definitions' trigger counts and the daily totals per code, day
 * and app (events, and unique devices through the daily_devices table).
 * Every total is an increment by the rows this very transaction added, so
 * concurrent writers never read-modify-write, and a retried event adds
 * nothing. People (IdentityLedger) are kept in the same transaction. Any failed query rolls it all back and throws StoreFailed.
 */
final class EventWriter {

	private const CHUNK = 500;

	/**
	 * Constructor.
	 *
	 * @param \wpdb                  $wpdb      WordPress' database connection.
	 * @param TriggerCounter         $triggers  Counts received events per definition.
	 * @param IdentityLedger|null    $people    Keeps people and their devices (made here when not given).
	 * @param EventDeriver[]         $derivers  Derive further events from those stored now (system events from a form).
	 * @param StoredEventsListener[] $listeners Hear of every event stored now (automations queue deliveries).
	 */
	public function __construct(
		private \wpdb $wpdb,
		private TriggerCounter $triggers,
		private ?IdentityLedger $people = null,
		private array $derivers = array(),
		private array $listeners = array()
	) {
		$this->people ??= new IdentityLedger( $wpdb );
	}

	/**
	 * Stores events; returns, per event id, whether it was stored now (true)
	 * or already there (false). With $definitions_required, events whose
	 * definition is gone (deleted while they travelled) are left out and
	 * listed under 'missing': the definition rows are locked first, so a
	 * delete racing this write either waits and then sees the new triggers,
	 * or went first and these events are refused.
	 *
	 * @param list<array<string, mixed>> $events               Validated events.
	 * @param int                        $received_ms          When they arrived, ms since 1970 (an event's own 'received' wins: the drain keeps each batch's).
	 * @param bool                       $definitions_required Whether to refuse events whose definition is gone.
	 * @return array{stored: array<string, bool>, missing: list<string>}
	 * @throws StoreFailed When a query failed; nothing was written.
	 */
	public function write( array $events, int $received_ms, bool $definitions_required = true ): array {
		$result = array(
			'stored'  => array(),
			'missing' => array(),
		);
		if ( ! $events ) {
			return $result;
		}
		// A retried batch buffered twice holds the same ids twice: the first counts.
		$unique = array();
		foreach ( $events as $event ) {
			$unique[ $event['id'] ] ??= $event;
		}
		$events = array_values( $unique );
		try {
			( new Transaction( $this->wpdb ) )->run(
				function () use ( $events, $received_ms, $definitions_required, &$result ): void {
					$defined = $this->lock_definitions( array_unique( array_column( $events, 'event' ) ) );
					if ( $definitions_required ) {
						foreach ( $events as $key => $event ) {
							if ( ! isset( $defined[ $event['event'] ] ) ) {
								$result['missing'][] = $event['id'];
								unset( $events[ $key ] );
							}
						}
					}
					$result['stored'] = $this->store( array_values( $events ), $received_ms, $defined );
					$new              = array_values( array_filter( $events, static fn( $event ) => $result['stored'][ $event['id'] ] ?? false ) );
					$derived          = array();
					foreach ( $this->derivers as $deriver ) {
						array_push( $derived, ...$deriver->derive( $new ) );
					}
					if ( $derived ) {
						$stored = $this->store( $derived, $received_ms, $this->lock_definitions( array_unique( array_column( $derived, 'event' ) ) ) );
						array_push( $new, ...array_values( array_filter( $derived, static fn( $event ) => $stored[ $event['id'] ] ?? false ) ) );
					}
					foreach ( $this->listeners as $listener ) {
						$listener->stored( $new );
					}
				}
			);
		} catch ( StoreFailed $failure ) {
			throw $failure;
		} catch ( \Throwable $error ) {
			throw new StoreFailed( esc_html( $error->getMessage() ), 0, $error ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- escaped.
		}//end try
		return $result;
	}

	/**
	 * Inserts events and adds the new ones to every total: trigger counts,
	 * daily rollups and people.
	 *
	 * @param list<array<string, mixed>> $events      Events.
	 * @param int                        $received_ms When they arrived.
	 * @param array<string, true>        $defined     The codes whose definitions exist (locked).
	 * @return array<string, bool> Per id: stored now, or already there.
	 */
	private function store( array $events, int $received_ms, array $defined ): array {
		$stored = array();
		foreach ( array_chunk( $events, self::CHUNK ) as $chunk ) {
			$stored += $this->insert( $chunk, $received_ms );
		}
		$new = array_values( array_filter( $events, static fn( $event ) => $stored[ $event['id'] ] ?? false ) );
		$this->triggers->record( array_intersect_key( array_count_values( array_column( $new, 'event' ) ), $defined ) );
		$this->count_days( $new );
		$this->people?->record( $new );
		return $stored;
	}

	/**
	 * Locks the definition rows of these codes until the commit.
	 *
	 * @param string[] $codes Event codes.
	 * @return array<string, true> The codes that still exist.
	 */
	private function lock_definitions( array $codes ): array {
		$wpdb         = $this->wpdb;
		$placeholders = implode( ',', array_fill( 0, count( $codes ), '%s' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name and one %s per code.
		$found = $wpdb->get_col( $wpdb->prepare( 'SELECT code FROM ' . DefinitionTable::name( $wpdb ) . " WHERE code IN ($placeholders) FOR UPDATE", $codes ) );
		$this->must( '' === $wpdb->last_error );
		return array_fill_keys( array_map( 'strval', $found ), true );
	}

	/**
	 * Inserts a chunk in one statement, after locking the ids already
	 * stored (a concurrent writer of the same id waits), so the result
	 * says exactly which events are new.
	 *
	 * @param list<array<string, mixed>> $events      Events.
	 * @param int                        $received_ms When they arrived.
	 * @return array<string, bool> Per id: stored now, or already there.
	 */
	private function insert( array $events, int $received_ms ): array {
		$wpdb         = $this->wpdb;
		$table        = $wpdb->prefix . 'footprints_events';
		$ids          = array_column( $events, 'id' );
		$placeholders = implode( ',', array_fill( 0, count( $ids ), '%s' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table name and one %s per id.
		$existing = $wpdb->get_col( $wpdb->prepare( "SELECT event_id FROM $table WHERE event_id IN ($placeholders) FOR UPDATE", $ids ) );
		$this->must( '' === $wpdb->last_error );
		$stored = array_fill_keys( $ids, true );
		foreach ( $existing as $id ) {
			$stored[ $id ] = false;
		}
		$rows = array();
		foreach ( $events as $event ) {
			if ( ! $stored[ $event['id'] ] ) {
				continue;
			}
			$rows[] = $wpdb->prepare(
				"(%s, %s, %s, NULLIF(%s, ''), %s, %s, %s, %s, %s)",
				$event['id'],
				$event['event'],
				$event['app_id'],
				$event['device_id'] ?? '',
				self::json( $event['attributes'] ),
				$event['page'],
				$event['referrer'],
				self::to_datetime( $event['time'] ),
				self::to_datetime( $event['received'] ?? $received_ms )
			);
		}
		if ( $rows ) {
			// IGNORE as a second guard: the ids were locked above, so none is skipped.
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and rows prepared above.
			$this->must( $wpdb->query( "INSERT IGNORE INTO $table (event_id, code, app_id, device_id, attributes, page_url, referrer, occurred_at, received_at) VALUES " . implode( ',', $rows ) ) );
		}
		return $stored;
	}

	/**
	 * Adds the new events to the daily totals of their code, day (the
	 * event's own time, UTC) and app: events, and devices not seen that day.
	 *
	 * @param list<array<string, mixed>> $events Events stored now.
	 */
	private function count_days( array $events ): void {
		$wpdb   = $this->wpdb;
		$groups = array();
		foreach ( $events as $event ) {
			$day              = gmdate( 'Y-m-d', intdiv( $event['time'], 1000 ) );
			$key              = $event['event'] . "\n" . $day . "\n" . $event['app_id'];
			$groups[ $key ] ??= array(
				'code'    => $event['event'],
				'day'     => $day,
				'app_id'  => $event['app_id'],
				'events'  => 0,
				'devices' => array(),
			);
			++$groups[ $key ]['events'];
			if ( null !== $event['device_id'] ) {
				$groups[ $key ]['devices'][ $event['device_id'] ] = true;
			}
		}
		foreach ( $groups as $group ) {
			$new_devices = 0;
			if ( $group['devices'] ) {
				$rows = array();
				foreach ( array_keys( $group['devices'] ) as $device ) {
					$rows[] = $wpdb->prepare( '(%s, %s, %s, %s)', $group['day'], $group['code'], $group['app_id'], $device );
				}
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and rows prepared above.
				$new_devices = QueryFailed::run( $wpdb, "INSERT IGNORE INTO {$wpdb->prefix}footprints_daily_devices (day, code, app_id, device_id) VALUES " . implode( ',', $rows ) );
			}
			QueryFailed::run(
				$wpdb,
				$wpdb->prepare(
						// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
					"INSERT INTO {$wpdb->prefix}footprints_daily (code, day, app_id, events, devices) VALUES (%s, %s, %s, %d, %d) ON DUPLICATE KEY UPDATE events = events + VALUES(events), devices = devices + VALUES(devices)",
					$group['code'],
					$group['day'],
					$group['app_id'],
					$group['events'],
					(int) $new_devices
				)
			);
		}//end foreach
	}

	/**
	 * Attributes as stored: unescaped unicode and slashes, the bytes sent.
	 *
	 * @param array<string, mixed> $attributes Typed attributes.
	 */
	private static function json( array $attributes ): string {
		return (string) json_encode( (object) $attributes, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- wp_json_encode would escape unicode.
	}

	/**
	 * UTC time with milliseconds, as DATETIME(3) takes it.
	 *
	 * @param int $ms Milliseconds since 1970.
	 */
	public static function to_datetime( int $ms ): string {
		return gmdate( 'Y-m-d H:i:s', intdiv( $ms, 1000 ) ) . sprintf( '.%03d', $ms % 1000 );
	}

	/**
	 * A stored DATETIME(3) (UTC) back in milliseconds since 1970.
	 *
	 * @param string $datetime Stored time, e.g. 2026-11-23 12:00:00.123.
	 */
	public static function to_ms( string $datetime ): int {
		return (int) strtotime( substr( $datetime, 0, 19 ) . ' UTC' ) * 1000 + (int) substr( $datetime . '.000', 20, 3 );
	}

	/**
	 * Throws when a query failed, so the transaction rolls back.
	 *
	 * @param int|bool $result What $wpdb->query() returned, or whether a read succeeded.
	 * @throws StoreFailed When it failed.
	 */
	private function must( int|bool $result ): void {
		if ( false === $result ) {
			throw new StoreFailed( esc_html( $this->wpdb->last_error ? $this->wpdb->last_error : 'query failed' ) );
		}
	}
}
