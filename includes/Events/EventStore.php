<?php
/**
 * EventStore.
 *
 * @package Footprints
 */

namespace Footprints\Events;

use Footprints\Database\JsonColumn;

/**
 * Received events stored on this site (the embedded backend), as read
 * back; EventWriter writes them.
 */
final class EventStore {

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
	 * An event as the API shows it.
	 *
	 * @param array<string, string|null> $row Table row.
	 * @return array<string, mixed>
	 */
	public static function from_row( array $row ): array {
		return array(
			'id'          => (string) $row['event_id'],
			'event'       => (string) $row['code'],
			'app_id'      => (string) $row['app_id'],
			'device_id'   => $row['device_id'],
			'attributes'  => (object) JsonColumn::decode( (string) $row['attributes'] ),
			'page'        => (string) $row['page_url'],
			'referrer'    => (string) $row['referrer'],
			'time'        => self::iso_time( (string) $row['occurred_at'] ),
			'received_at' => self::iso_time( (string) $row['received_at'] ),
		);
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
