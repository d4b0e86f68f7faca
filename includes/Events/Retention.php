<?php
/**
 * Retention.
 *
 * @package Footprints
 */

namespace Footprints\Events;

use Footprints\Database\QueryFailed;

/**
 * Deletes events older than the retention (a setting, default 395 days) by
 * their own time, in small chunks so the table is never locked for long.
 * Daily totals stay: charts of past years keep their numbers.
 */
final class Retention {

	private const CHUNK = 5000;

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * Purges what is older than $days days before $now. Returns events deleted.
	 *
	 * @param int $days Days to keep.
	 * @param int $now  Now, in seconds.
	 * @throws QueryFailed When the database refused a delete.
	 */
	public function purge( int $days, int $now ): int {
		$wpdb    = $this->wpdb;
		$cutoff  = gmdate( 'Y-m-d 00:00:00', $now - $days * 86400 );
		$deleted = 0;
		do {
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
			$rows     = QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM {$wpdb->prefix}footprints_events WHERE occurred_at < %s LIMIT %d", $cutoff, self::CHUNK ) );
			$deleted += $rows;
		} while ( self::CHUNK === $rows );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names only.
		QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM {$wpdb->prefix}footprints_daily_devices WHERE day < %s", substr( $cutoff, 0, 10 ) ) );
		QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM {$wpdb->prefix}footprints_drained WHERE drained_at < %s", gmdate( 'Y-m-d H:i:s', $now - 7 * 86400 ) ) );
		// phpcs:enable
		return $deleted;
	}
}
