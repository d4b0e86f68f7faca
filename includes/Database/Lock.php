<?php
/**
 * Lock.
 *
 * @package Footprints
 */

namespace Footprints\Database;

/**
 * A named database lock (GET_LOCK), held by this connection until released
 * or until the request ends, so work that must not run twice at once —
 * migrations, syncs — is serialized across PHP processes.
 */
final class Lock {

	/**
	 * Constructor.
	 *
	 * @param \wpdb  $wpdb WordPress' database connection.
	 * @param string $name Lock name.
	 */
	public function __construct( private \wpdb $wpdb, private string $name ) {}

	/**
	 * Takes the lock, waiting up to $timeout seconds. Returns whether it did.
	 *
	 * @param int $timeout Seconds to wait; 0 to give up at once.
	 */
	public function acquire( int $timeout ): bool {
		$wpdb = $this->wpdb;
		return '1' === (string) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', $this->name, $timeout ) );
	}

	/**
	 * Lets the next one in.
	 */
	public function release(): void {
		$wpdb = $this->wpdb;
		$wpdb->get_var( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $this->name ) );
	}
}
