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
	 * Runs a write and answers how many rows it affected.
	 *
	 * @param \wpdb       $wpdb The connection.
	 * @param string|null $sql  The statement; null is what $wpdb->prepare() answers when placeholders and values do not match.
	 * @return int Rows affected (0 for a statement that matched nothing).
	 * @throws QueryFailed When the statement could not be prepared or the database refused it.
	 */
	public static function run( \wpdb $wpdb, ?string $sql ): int {
		if ( null === $sql ) {
			throw new QueryFailed( 'A statement could not be prepared: its placeholders do not match its values.' );
		}
		return self::check( $wpdb, $wpdb->query( $sql ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared by the caller.
	}

	/**
	 * What a write ($wpdb->query(), insert(), update(), delete()) returned, unless it failed.
	 *
	 * @param \wpdb    $wpdb   The connection that ran it.
	 * @param int|bool $result What it returned.
	 * @return int Rows affected.
	 * @throws QueryFailed When it failed.
	 */
	public static function check( \wpdb $wpdb, int|bool $result ): int {
		if ( false === $result ) {
			$message = '' !== $wpdb->last_error ? $wpdb->last_error : 'The database refused a write.';
			throw new QueryFailed( esc_html( $message ) );
		}
		return (int) $result;
	}
}
