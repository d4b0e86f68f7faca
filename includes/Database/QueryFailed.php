<?php
/**
 * QueryFailed.
 *
 * @package Footprints
 */

namespace Footprints\Database;

/**
 * A write the database refused. Thrown, never returned as false, so a
 * caller cannot mistake a failure for "nothing to do", a transaction rolls
 * back, and the REST layer answers 500 for the sender to retry.
 */
final class QueryFailed extends \RuntimeException {

	/**
	 * What $wpdb->query() (or insert/update/delete) returned, unless it failed.
	 *
	 * @param \wpdb    $wpdb   The connection that ran the query.
	 * @param int|bool $result What the query returned.
	 * @return int Rows affected (0 for a statement that matched nothing).
	 * @throws QueryFailed When the query failed.
	 */
	public static function unless_ok( \wpdb $wpdb, int|bool $result ): int {
		if ( false === $result ) {
			$message = '' !== $wpdb->last_error ? $wpdb->last_error : 'The database refused a write.';
			throw new QueryFailed( esc_html( $message ) );
		}
		return (int) $result;
	}
}
