<?php
/**
 * Timeline.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Database\JsonColumn;
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
		$answer = array(
			'events'      => array(),
			'sessions'    => array(),
			'total'       => 0,
			'gap_seconds' => Sessions::GAP_SECONDS,
		);
		if ( ! $devices ) {
			return $answer;
		}
		$wpdb         = $this->wpdb;
		$table        = $wpdb->prefix . 'footprints_events';
		$placeholders = implode( ',', array_fill( 0, count( $devices ), '%s' ) );
		$offset       = ( $page - 1 ) * $per_page;
		// The event before the page tells whether its first session began earlier.
		$before = $offset > 0 ? 1 : 0;
		// phpcs:disable WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name; one %s per device.
		$answer['total'] = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM $table WHERE device_id IN ($placeholders)", $devices ) );
		$rows            = (array) $wpdb->get_results(
			$wpdb->prepare(
				"SELECT id, event_id, code, app_id, device_id, attributes, page_url, referrer, occurred_at FROM $table WHERE device_id IN ($placeholders) ORDER BY occurred_at, id LIMIT %d OFFSET %d",
				array_merge( $devices, array( $per_page + $before, $offset - $before ) )
			),
			ARRAY_A
		);
		// phpcs:enable
		$previous = null;
		if ( $before && $rows ) {
			$previous = self::ms( (string) array_shift( $rows )['occurred_at'] );
		}
		$looks  = $this->labels->of( array_map( static fn( array $row ) => (string) $row['code'], $rows ) );
		$events = array();
		foreach ( $rows as $row ) {
			$code     = (string) $row['code'];
			$events[] = array(
				'id'         => (string) $row['event_id'],
				'code'       => $code,
				'name'       => $looks[ $code ]['name'],
				'color'      => $looks[ $code ]['color'],
				'app_id'     => (string) $row['app_id'],
				'device_id'  => (string) $row['device_id'],
				'attributes' => (object) JsonColumn::decode( (string) $row['attributes'] ),
				'page'       => (string) $row['page_url'],
				'referrer'   => (string) $row['referrer'],
				'time'       => PeopleQuery::iso( (string) $row['occurred_at'] ),
				'time_ms'    => self::ms( (string) $row['occurred_at'] ),
			);
		}
		$cut                = Sessions::cut( $events, $previous );
		$answer['events']   = $cut['events'];
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
	 * A stored UTC DATETIME(3) in milliseconds since 1970.
	 *
	 * @param string $mysql_time Stored time.
	 */
	private static function ms( string $mysql_time ): int {
		$seconds = (int) strtotime( substr( $mysql_time, 0, 19 ) . ' UTC' );
		return $seconds * 1000 + (int) substr( $mysql_time . '.000', 20, 3 );
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
