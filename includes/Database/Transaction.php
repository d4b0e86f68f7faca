<?php
/**
 * Transaction.
 *
 * @package Footprints
 */

namespace Footprints\Database;

/**
 * Runs writes all-or-nothing. Inside a transaction someone else opened
 * (a caller's, or a test's) it uses a savepoint, because START TRANSACTION
 * would silently commit theirs.
 */
final class Transaction {

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * Runs the writes; rolls them back and rethrows when one throws.
	 *
	 * @param callable(): void $writes The writes.
	 * @throws \Throwable What the writes threw, after the rollback.
	 */
	public function run( callable $writes ): void {
		$wpdb   = $this->wpdb;
		$nested = '1' === (string) $wpdb->get_var( 'SELECT @@in_transaction' );
		$sql    = $nested
			? array( 'SAVEPOINT footprints_tx', 'ROLLBACK TO SAVEPOINT footprints_tx', 'RELEASE SAVEPOINT footprints_tx' )
			: array( 'START TRANSACTION', 'ROLLBACK', 'COMMIT' );
		// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared -- fixed statements.
		$wpdb->query( $sql[0] );
		try {
			$writes();
		} catch ( \Throwable $error ) {
			$wpdb->query( $sql[1] );
			throw $error;
		}
		$wpdb->query( $sql[2] );
		// phpcs:enable
	}
}
