<?php
/**
 * TriggerCounter.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

use Footprints\Database\QueryFailed;

/**
 * Counts how often each definition was received, and when first: the
 * history that keeps a definition from being deleted.
 */
final class TriggerCounter {

	/**
	 * Constructor.
	 *
	 * @param \wpdb           $wpdb  WordPress' database connection.
	 * @param DefinitionCache $cache Cached copies and the revision.
	 */
	public function __construct( private \wpdb $wpdb, private DefinitionCache $cache ) {}

	/**
	 * Counts triggers for the codes of a stored batch.
	 *
	 * @param array<string, int> $counts New events by code.
	 * @throws QueryFailed When the database refused a count.
	 */
	public function record( array $counts ): void {
		$wpdb  = $this->wpdb;
		$table = DefinitionTable::name( $wpdb );
		$now   = current_time( 'mysql', true );
		foreach ( $counts as $code => $count ) {
			$this->cache->forget( array( (string) $code ) );
			QueryFailed::run(
				$wpdb,
				$wpdb->prepare(
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
					"UPDATE $table SET trigger_count = trigger_count + %d, first_triggered_at = COALESCE(first_triggered_at, %s) WHERE code = %s",
					$count,
					$now,
					$code
				)
			);
		}
	}
}
