<?php
/**
 * LiveEvents.
 *
 * @package Footprints
 */

namespace Footprints\Insights;

use Footprints\Events\EventStore;

/**
 * The most recently received events, newest first, for the Live events
 * view. "Received" is the order they were stored in (the primary key), so
 * an event sent late with an old time still shows at the top when it
 * arrives. Each filter has an index that starts with its column (code,
 * device, site), and InnoDB keeps the primary key at the end of each, so
 * even 1,000 rows of one busy event never read the whole table.
 */
final class LiveEvents {

	public const MAX = 1000;

	/**
	 * Constructor.
	 *
	 * @param \wpdb            $wpdb   WordPress' database connection.
	 * @param EventStore       $events Stored events (the table, and how a row reads).
	 * @param DefinitionLabels $labels Names and colors of the events.
	 */
	public function __construct( private \wpdb $wpdb, private EventStore $events, private DefinitionLabels $labels ) {}

	/**
	 * Events newest first, optionally below an id (the next chunk).
	 *
	 * @param array{code?: string, device?: string, site?: string} $filters Exact matches; empty ones are ignored.
	 * @param int                                                  $limit   At most this many (1 to MAX).
	 * @param int                                                  $before  Only rows stored before this row id (0: from the newest).
	 * @return list<array<string, mixed>> Events as the API shows them, each with its row id as "row" and its event's name and color.
	 */
	public function recent( array $filters, int $limit = self::MAX, int $before = 0 ): array {
		$wpdb   = $this->wpdb;
		$where  = array( '1=1' );
		$values = array();
		foreach ( array(
			'code'      => $filters['code'] ?? '',
			'device_id' => $filters['device'] ?? '',
			'app_id'    => $filters['site'] ?? '',
		) as $column => $value ) {
			if ( '' !== $value ) {
				$where[]  = "$column = %s";
				$values[] = $value;
			}
		}
		if ( $before > 0 ) {
			$where[]  = 'id < %d';
			$values[] = $before;
		}
		$values[] = max( 1, min( self::MAX, $limit ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and our own conditions; every value is a placeholder.
		$sql    = $wpdb->prepare( "SELECT * FROM {$this->events->table()} WHERE " . implode( ' AND ', $where ) . ' ORDER BY id DESC LIMIT %d', $values );
		$rows   = InsightsQuery::rows( $wpdb, $sql );
		$labels = $this->labels->of( array_map( 'strval', array_column( $rows, 'code' ) ) );
		return array_map(
			static fn( array $row ): array => EventStore::from_row( $row ) + array( 'row' => (int) $row['id'] ) + ( $labels[ (string) $row['code'] ] ?? array() ),
			$rows
		);
	}
}
