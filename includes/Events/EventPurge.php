<?php
/**
 * EventPurge.
 *
 * @package Footprints
 */

namespace Footprints\Events;

use Footprints\Definitions\PendingEvents;
use Footprints\Database\QueryFailed;
use Footprints\Database\Transaction;
use Footprints\Definitions\DefinitionTable;

/**
 * Purges every event of one code (spam, test clicks): the stored events,
 * their daily totals and the definition's trigger count, after draining
 * what the collectors accepted, under the ingest gate, so nothing of the
 * code is left anywhere and a definition left with no events can then be
 * deleted.
 */
final class EventPurge {

	/**
	 * Constructor.
	 *
	 * @param \wpdb         $wpdb    WordPress' database connection.
	 * @param PendingEvents $pending Holds ingest still with everything drained.
	 */
	public function __construct( private \wpdb $wpdb, private PendingEvents $pending ) {}

	/**
	 * How many events of the code exist: stored, plus waiting in this node's
	 * buffer or the stream (drained first, so the count is the one purged).
	 *
	 * @param string $code Event code.
	 */
	public function count( string $code ): int {
		return $this->pending->hold( fn() => $this->stored( $code ) );
	}

	/**
	 * Deletes every event of the code. Returns how many.
	 *
	 * @param string $code Event code.
	 * @throws QueryFailed When the database refused; nothing was purged.
	 */
	public function purge( string $code ): int {
		return $this->pending->hold(
			function () use ( $code ): int {
				$wpdb    = $this->wpdb;
				$deleted = 0;
				( new Transaction( $wpdb ) )->run(
					function () use ( $wpdb, $code, &$deleted ): void {
						// Locks the definition: a REST batch of the code waits for the purge.
						$table = DefinitionTable::name( $wpdb );
						// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names only.
						$wpdb->get_var( $wpdb->prepare( "SELECT code FROM $table WHERE code = %s FOR UPDATE", $code ) );
						$deleted = QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM {$wpdb->prefix}footprints_events WHERE code = %s", $code ) );
						QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM {$wpdb->prefix}footprints_daily WHERE code = %s", $code ) );
						QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM {$wpdb->prefix}footprints_daily_devices WHERE code = %s", $code ) );
						QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE $table SET trigger_count = 0, first_triggered_at = NULL WHERE code = %s", $code ) );
						// phpcs:enable
					}
				);
				wp_cache_delete( $code, 'footprints_definitions' );
				return $deleted;
			}
		);
	}

	/**
	 * Events of the code in the table.
	 *
	 * @param string $code Event code.
	 */
	private function stored( string $code ): int {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}footprints_events WHERE code = %s", $code ) );
	}
}
