<?php
/**
 * InsightsQuery.
 *
 * @package Footprints
 */

namespace Footprints\Insights;

use Footprints\Database\QueryFailed;

/**
 * Runs the reads of the insights views: a read the database refused is an
 * error the screen shows (500), never an empty result that looks like
 * "no events yet".
 */
final class InsightsQuery {

	/**
	 * The rows of a read.
	 *
	 * @param \wpdb       $wpdb The connection.
	 * @param string|null $sql  The prepared query (null: $wpdb->prepare() refused it).
	 * @return list<array<string, mixed>>
	 * @throws QueryFailed When it could not be prepared or run.
	 */
	public static function rows( \wpdb $wpdb, ?string $sql ): array {
		if ( null === $sql ) {
			throw new QueryFailed( 'A query could not be prepared: its placeholders do not match its values.' );
		}
		$rows = $wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared by the caller.
		if ( '' !== $wpdb->last_error ) {
			throw new QueryFailed( esc_html( $wpdb->last_error ) );
		}
		/**
		 * ARRAY_A gives rows of column => value.
		 *
		 * @var list<array<string, mixed>> $rows
		 */
		$rows = (array) $rows;
		return $rows;
	}
}
