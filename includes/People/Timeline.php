<?php
/**
 * Timeline.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Database\JsonColumn;
use Footprints\Events\EventWriter;
use Footprints\Insights\DefinitionLabels;

/**
 * Every event of some devices (one device, or all of a person's) in time
 * order, with each event's name and color from its definition, its
 * attributes and page, cut into sessions (Sessions). Reads the events'
 * device_occurred key: one range per device.
 */
final class Timeline {

	public const MAX_PER_PAGE = 1000;

	/**
	 * Constructor.
	 *
	 * @param \wpdb            $wpdb   WordPress' database connection.
	 * @param DefinitionLabels $labels Names and colors of event codes.
	 */
	public function __construct( private \wpdb $wpdb, private DefinitionLabels $labels ) {}

	/**
	 * A page of the devices' events, oldest first, with its sessions.
	 *
	 * @param string[] $devices  Device ids.
	 * @param int      $per_page Events per page.
	 * @param int      $page     Page, from 1.
	 * @return array{events: list<array<string, mixed>>, sessions: list<array<string, mixed>>, total: int, gap_seconds: int}
	 */
	public function read( array $devices, int $per_page, int $page ): array {
		return $this->window( $devices, $per_page, ( $page - 1 ) * $per_page );
	}

	/**
	 * The devices' latest events (at most $limit), oldest first, with their
	 * sessions: what a bounded summary of a long journey reads.
	 *
	 * @param string[] $devices Device ids.
	 * @param int      $limit   Most events.
	 * @return array{events: list<array<string, mixed>>, sessions: list<array<string, mixed>>, total: int, gap_seconds: int}
	 */
	public function latest( array $devices, int $limit ): array {
		return $this->window( $devices, $limit, 0, true );
	}

	/**
	 * Some of the devices' events, oldest first, with their sessions.
	 *
	 * @param string[] $devices Device ids.
	 * @param int      $limit   Most events.
	 * @param int      $offset  Events skipped (when not the last ones).
	 * @param bool     $last    Whether to take the last events.
	 * @return array{events: list<array<string, mixed>>, sessions: list<array<string, mixed>>, total: int, gap_seconds: int}
	 */
	private function window( array $devices, int $limit, int $offset, bool $last = false ): array {
		$answer = array(
			'events'      => array(),
			'sessions'    => array(),
			'total'       => 0,
			'gap_seconds' => Sessions::GAP_SECONDS,
		);
		if ( ! $devices ) {
			return $answer;
		}
		if ( $last ) {
			// Read backwards on the index (no offset to step through), with the
			// event before them, which tells whether their first session began earlier.
			$events   = $this->events( $devices, '1=1', array(), $limit + 1, 0, true );
			$previous = count( $events ) > $limit ? (int) ( array_shift( $events )['time_ms'] ?? 0 ) : null;
			// Counted only when there are more than were read: a long journey's count is most of its cost.
			$answer['total'] = null === $previous ? count( $events ) : $this->count( $devices );
		} else {
			// The event before the page tells whether its first session began earlier.
			$before          = $offset > 0 ? 1 : 0;
			$answer['total'] = $this->count( $devices );
			$events          = $this->events( $devices, '1=1', array(), $limit + $before, $offset - $before );
			$previous        = $before && $events ? (int) array_shift( $events )['time_ms'] : null;
		}
		$cut = Sessions::cut( $events, $previous );
		// The row id and stored time are the export's cursor, not the screen's.
		$answer['events']   = array_map( static fn( array $event ) => array_diff_key( $event, array_flip( array( 'row', 'stored_time' ) ) ), $cut['events'] );
		$answer['sessions'] = array_map(
			static fn( array $session ) => array(
				'index'     => $session['index'],
				'start'     => self::iso_ms( $session['start'] ),
				'end'       => self::iso_ms( $session['end'] ),
				'events'    => $session['events'],
				'continued' => $session['continued'],
			),
			$cut['sessions']
		);
		return $answer;
	}

	/**
	 * How many events the devices have.
	 *
	 * @param string[] $devices Device ids (at least one).
	 */
	private function count( array $devices ): int {
		$wpdb         = $this->wpdb;
		$placeholders = implode( ',', array_fill( 0, count( $devices ), '%s' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name; one %s per device.
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$this->table()} WHERE device_id IN ($placeholders)", $devices ) );
	}

	/**
	 * The devices' events after a point (keyset: time, then row id), oldest
	 * first, for an export that reads a timeline a chunk at a time.
	 *
	 * @param string[]                          $devices Device ids.
	 * @param array{time: string, id: int}|null $after   The last event of the chunk before (stored time and row id), or null.
	 * @param int                               $limit   Events in the chunk.
	 * @return list<array<string, mixed>> Events as read() gives them, with 'row' (the row id) and 'stored_time'.
	 */
	public function chunk( array $devices, ?array $after, int $limit ): array {
		if ( ! $devices ) {
			return array();
		}
		if ( null === $after ) {
			return $this->events( $devices, '1=1', array(), $limit, 0 );
		}
		return $this->events( $devices, '(occurred_at > %s OR (occurred_at = %s AND id > %d))', array( $after['time'], $after['time'], $after['id'] ), $limit, 0 );
	}

	/**
	 * Events of the devices, oldest first, with their definitions' names and colors.
	 *
	 * @param string[]         $devices Device ids.
	 * @param string           $where   More conditions, with placeholders.
	 * @param list<string|int> $values  Their values.
	 * @param int              $limit   Most events.
	 * @param int              $offset  Events skipped.
	 * @param bool             $newest  Whether to take them from the newest (they are still returned oldest first).
	 * @return list<array<string, mixed>>
	 */
	private function events( array $devices, string $where, array $values, int $limit, int $offset, bool $newest = false ): array {
		$wpdb         = $this->wpdb;
		$placeholders = implode( ',', array_fill( 0, count( $devices ), '%s' ) );
		$order        = $newest ? 'occurred_at DESC, id DESC' : 'occurred_at, id';
		// phpcs:disable WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name and fixed conditions; one placeholder per value.
		$rows = (array) $wpdb->get_results(
			$wpdb->prepare(
				"SELECT id, event_id, code, app_id, device_id, attributes, page_url, referrer, occurred_at FROM {$this->table()} WHERE device_id IN ($placeholders) AND $where ORDER BY $order LIMIT %d OFFSET %d",
				array_merge( $devices, $values, array( $limit, $offset ) )
			),
			ARRAY_A
		);
		// phpcs:enable
		$looks  = $this->labels->of( array_map( static fn( array $row ) => (string) $row['code'], $rows ) );
		$events = array();
		foreach ( $rows as $row ) {
			$code     = (string) $row['code'];
			$events[] = array(
				'id'          => (string) $row['event_id'],
				'code'        => $code,
				'name'        => $looks[ $code ]['name'],
				'color'       => $looks[ $code ]['color'],
				'app_id'      => (string) $row['app_id'],
				'device_id'   => (string) $row['device_id'],
				'attributes'  => (object) JsonColumn::decode( (string) $row['attributes'] ),
				'page'        => (string) $row['page_url'],
				'referrer'    => (string) $row['referrer'],
				'time'        => PeopleQuery::iso( (string) $row['occurred_at'] ),
				'time_ms'     => EventWriter::to_ms( (string) $row['occurred_at'] ),
				'row'         => (int) $row['id'],
				'stored_time' => (string) $row['occurred_at'],
			);
		}
		return $newest ? array_reverse( $events ) : $events;
	}

	/**
	 * The events table.
	 */
	private function table(): string {
		return $this->wpdb->prefix . 'footprints_events';
	}

	/**
	 * Milliseconds since 1970 as ISO 8601 UTC.
	 *
	 * @param int $ms Milliseconds.
	 */
	private static function iso_ms( int $ms ): string {
		return gmdate( 'Y-m-d\TH:i:s', intdiv( $ms, 1000 ) ) . sprintf( '.%03dZ', $ms % 1000 );
	}
}
