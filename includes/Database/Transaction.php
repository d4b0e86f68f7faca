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
	 * How many transactions of this class are open, to name savepoints.
	 *
	 * @var int
	 */
	private static int $depth = 0;

	/**
	 * Runs the writes; rolls them back and rethrows when one throws.
	 *
	 * @param callable(): void $writes The writes.
	 * @throws \Throwable What the writes threw, after the rollback.
	 */
	public function run( callable $writes ): void {
		$wpdb   = $this->wpdb;
		$nested = '1' === (string) $wpdb->get_var( 'SELECT @@in_transaction' );
		// Each level its own savepoint: a savepoint of the same name would
		// replace the outer one, and the outer rollback would then keep
		// what the outer level wrote before the inner one began.
		$savepoint = 'footprints_tx_' . ( ++self::$depth );
		$sql       = $nested
			? array( "SAVEPOINT $savepoint", "ROLLBACK TO SAVEPOINT $savepoint", "RELEASE SAVEPOINT $savepoint" )
			: array( 'START TRANSACTION', 'ROLLBACK', 'COMMIT' );
		// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- fixed statements.
		try {
			$wpdb->query( $sql[0] );
			try {
				$writes();
			} catch ( \Throwable $error ) {
				$wpdb->query( $sql[1] );
				throw $error;
			}
			$wpdb->query( $sql[2] );
		} finally {
			--self::$depth;
		}
		// phpcs:enable
	}
}
