<?php
/**
 * Transaction.
 *
 * @package Footprints
 */

namespace Footprints\Database;

/**
 * Runs writes all-or-nothing. Inside a transaction opened through this
 * class (a caller's, or a test's) it uses a savepoint, because START
 * TRANSACTION would silently commit the outer one.
 *
 * The depth is counted here, per connection, rather than asked of the
 * server: `@@in_transaction` exists in MariaDB only, and MySQL has no
 * equivalent variable. Whoever opens a transaction that Footprints' writes
 * may run inside does it with begin(), so the count stays true.
 */
final class Transaction {

	/**
	 * Open levels per connection (spl_object_id of the wpdb).
	 *
	 * @var array<int, int>
	 */
	private static array $depth = array();

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * How many levels are open on this connection: 0 outside a transaction.
	 */
	public function depth(): int {
		return self::$depth[ spl_object_id( $this->wpdb ) ] ?? 0;
	}

	/**
	 * Opens a transaction, or a savepoint inside an open one.
	 *
	 * @throws \RuntimeException When the server refuses.
	 */
	public function begin(): void {
		$depth = $this->depth();
		$this->must( 0 === $depth ? 'START TRANSACTION' : 'SAVEPOINT ' . self::savepoint( $depth ) );
		self::$depth[ spl_object_id( $this->wpdb ) ] = $depth + 1;
	}

	/**
	 * Keeps the writes of the innermost level.
	 *
	 * @throws \RuntimeException When nothing is open, or the server refuses.
	 */
	public function commit(): void {
		$depth = $this->leave();
		$this->must( 0 === $depth ? 'COMMIT' : 'RELEASE SAVEPOINT ' . self::savepoint( $depth ) );
	}

	/**
	 * Undoes the writes of the innermost level.
	 *
	 * @throws \RuntimeException When nothing is open, or the server refuses.
	 */
	public function rollback(): void {
		$depth = $this->leave();
		$this->must( 0 === $depth ? 'ROLLBACK' : 'ROLLBACK TO SAVEPOINT ' . self::savepoint( $depth ) );
	}

	/**
	 * Runs the writes; rolls them back and rethrows when one throws.
	 *
	 * @param callable(): void $writes The writes.
	 * @throws \Throwable What the writes threw, after the rollback.
	 */
	public function run( callable $writes ): void {
		$this->begin();
		try {
			$writes();
		} catch ( \Throwable $error ) {
			$this->rollback();
			throw $error;
		}
		$this->commit();
	}

	/**
	 * Closes the innermost level in the count; returns the depth left.
	 *
	 * @throws \RuntimeException When nothing is open.
	 */
	private function leave(): int {
		$depth = $this->depth();
		if ( 0 === $depth ) {
			throw new \RuntimeException( 'No transaction is open on this connection.' );
		}
		self::$depth[ spl_object_id( $this->wpdb ) ] = $depth - 1;
		return $depth - 1;
	}

	/**
	 * Runs one fixed statement; throws when it fails.
	 *
	 * @param string $sql Statement.
	 * @throws \RuntimeException When the server refuses.
	 */
	private function must( string $sql ): void {
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- fixed statements.
		if ( false === $this->wpdb->query( $sql ) ) {
			throw new \RuntimeException( esc_html( $sql . ': ' . $this->wpdb->last_error ) );
		}
	}

	/**
	 * The savepoint of one level.
	 *
	 * @param int $depth Level, from 1.
	 */
	private static function savepoint( int $depth ): string {
		return 'footprints_tx_' . $depth;
	}
}
