<?php
/**
 * RejectionCounter.
 *
 * @package Footprints
 */

namespace Footprints\Events;

/**
 * Rejected events counted per event code and reason, so a misconfigured
 * trigger shows up in numbers instead of vanishing. Each count is one
 * atomic increment in the database: concurrent collectors never lose one.
 */
final class RejectionCounter {

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
		return $this->wpdb->prefix . 'footprints_rejections';
	}

	/**
	 * Adds rejections. Returns whether they were counted.
	 *
	 * @param array<string, array<string, int>> $tally Counts by event code ('' when the code itself was unreadable), then reason.
	 */
	public function add( array $tally ): bool {
		$wpdb = $this->wpdb;
		$rows = array();
		$now  = gmdate( 'Y-m-d H:i:s' );
		foreach ( $tally as $code => $reasons ) {
			foreach ( $reasons as $reason => $count ) {
				$rows[] = $wpdb->prepare( '(%s, %s, %d, %s)', (string) $code, (string) $reason, $count, $now );
			}
		}
		if ( ! $rows ) {
			return true;
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and rows prepared above.
		return false !== $wpdb->query( "INSERT INTO {$this->table()} (code, reason, count, last_at) VALUES " . implode( ',', $rows ) . ' ON DUPLICATE KEY UPDATE count = count + VALUES(count), last_at = VALUES(last_at)' );
	}

	/**
	 * Every count, the most frequent first.
	 *
	 * @return list<array{event: string, reason: string, count: int, last_at: string}>
	 */
	public function all(): array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$rows = (array) $wpdb->get_results( "SELECT code, reason, count, last_at FROM {$this->table()} ORDER BY count DESC, code, reason LIMIT 500", ARRAY_A );
		return array_map(
			static fn( array $row ) => array(
				'event'   => (string) $row['code'],
				'reason'  => (string) $row['reason'],
				'count'   => (int) $row['count'],
				'last_at' => str_replace( ' ', 'T', (string) $row['last_at'] ) . 'Z',
			),
			$rows
		);
	}

	/**
	 * Totals by reason, all codes together.
	 *
	 * @return array<string, int>
	 */
	public function by_reason(): array {
		$totals = array();
		foreach ( $this->all() as $row ) {
			$totals[ $row['reason'] ] = ( $totals[ $row['reason'] ] ?? 0 ) + $row['count'];
		}
		return $totals;
	}
}
