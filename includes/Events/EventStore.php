<?php
/**
 * EventStore.
 *
 * @package Footprints
 */

namespace Footprints\Events;

use Footprints\Database\JsonColumn;
use Footprints\Database\QueryFailed;

/**
 * Received events stored on this site (the embedded backend).
 */
final class EventStore {

	private const REJECTIONS_OPTION = 'footprints_rejected_events';

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * The table name, with the site's prefix.
	 */
	public function table(): string {
		$wpdb = $this->wpdb;
		return $wpdb->prefix . 'footprints_events';
	}

	/**
	 * Stores one validated event. Returns false when an event with the same
	 * id is already stored: a retried batch is never counted twice.
	 *
	 * @param array{id: string, event: string, attributes?: array<string, mixed>, time?: int, page?: string, referrer?: string, device_id?: string} $event Validated event.
	 */
	public function add( array $event ): bool {
		$wpdb     = $this->wpdb;
		$received = microtime( true );
		$occurred = isset( $event['time'] ) ? $event['time'] / 1000 : $received;
		// INSERT IGNORE turns the unique event_id into deduplication without a
		// read first. prepare() turns null into '': NULLIF keeps "no device" NULL.
		$sql = "INSERT IGNORE INTO {$this->table()} (event_id, code, device_id, attributes, page_url, referrer, occurred_at, received_at) VALUES (%s, %s, NULLIF(%s, ''), %s, %s, %s, %s, %s)";
		return 1 === QueryFailed::run(
			$wpdb,
			$wpdb->prepare(
				$sql, // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name only.
				$event['id'],
				$event['event'],
				$event['device_id'] ?? '',
				wp_json_encode( (object) ( $event['attributes'] ?? array() ) ),
				$event['page'] ?? '',
				$event['referrer'] ?? '',
				self::to_datetime( $occurred ),
				self::to_datetime( $received )
			)
		);
	}

	/**
	 * Stored events, newest first.
	 *
	 * @param array{event?: string, per_page?: int, page?: int} $query Filters and paging.
	 * @return array{items: list<array<string, mixed>>, total: int}
	 */
	public function query( array $query ): array {
		$wpdb   = $this->wpdb;
		$where  = '1=1';
		$params = array();
		if ( ! empty( $query['event'] ) ) {
			$where   .= ' AND code = %s';
			$params[] = $query['event'];
		}
		$per_page = $query['per_page'] ?? 20;
		$offset   = ( ( $query['page'] ?? 1 ) - 1 ) * $per_page;

		// phpcs:disable WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name and fixed clauses only; one placeholder per value.
		$count_sql = "SELECT COUNT(*) FROM {$this->table()} WHERE $where";
		$total     = (int) $wpdb->get_var( $params ? $wpdb->prepare( $count_sql, $params ) : $count_sql );
		$rows      = $wpdb->get_results(
			$wpdb->prepare( "SELECT * FROM {$this->table()} WHERE $where ORDER BY id DESC LIMIT %d OFFSET %d", array_merge( $params, array( $per_page, $offset ) ) ),
			ARRAY_A
		);
		// phpcs:enable

		return array(
			'items' => array_map( array( self::class, 'from_row' ), (array) $rows ),
			'total' => $total,
		);
	}

	/**
	 * Counts rejected events by reason, so a misconfigured trigger shows up
	 * in numbers instead of vanishing.
	 *
	 * @param array<string, int> $by_reason Rejected events by error code.
	 */
	public function count_rejections( array $by_reason ): void {
		$totals = get_option( self::REJECTIONS_OPTION, array() );
		$totals = is_array( $totals ) ? $totals : array();
		foreach ( $by_reason as $reason => $count ) {
			$totals[ $reason ] = ( $totals[ $reason ] ?? 0 ) + $count;
		}
		update_option( self::REJECTIONS_OPTION, $totals, false );
	}

	/**
	 * Rejected events so far, by reason.
	 *
	 * @return array<string, int>
	 */
	public function rejections(): array {
		$totals = get_option( self::REJECTIONS_OPTION, array() );
		return is_array( $totals ) ? $totals : array();
	}

	/**
	 * An event as the API shows it.
	 *
	 * @param array<string, string|null> $row Table row.
	 * @return array<string, mixed>
	 */
	private static function from_row( array $row ): array {
		return array(
			'id'          => (string) $row['event_id'],
			'event'       => (string) $row['code'],
			'device_id'   => $row['device_id'],
			'attributes'  => (object) JsonColumn::decode( (string) $row['attributes'] ),
			'page'        => (string) $row['page_url'],
			'referrer'    => (string) $row['referrer'],
			'time'        => self::iso_time( (string) $row['occurred_at'] ),
			'received_at' => self::iso_time( (string) $row['received_at'] ),
		);
	}

	/**
	 * UTC time with milliseconds, as DATETIME(3) takes it.
	 *
	 * @param float $seconds Seconds since 1970.
	 */
	private static function to_datetime( float $seconds ): string {
		return gmdate( 'Y-m-d H:i:s', (int) $seconds ) . sprintf( '.%03d', (int) round( fmod( $seconds, 1 ) * 1000 ) % 1000 );
	}

	/**
	 * A stored UTC DATETIME(3) as ISO 8601, milliseconds kept.
	 *
	 * @param string $mysql_time Stored time.
	 */
	private static function iso_time( string $mysql_time ): string {
		return str_replace( ' ', 'T', $mysql_time ) . 'Z';
	}
}
