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
 *
 * GET_LOCK names are global to the database server, not to a database:
 * two sites on one server (another database, or another table prefix in
 * the same one, as each site of a multisite network) would wait on each
 * other. for_site() scopes the name to the database and table prefix.
 */
final class Lock {

	// MySQL and MariaDB refuse lock names longer than 64 characters.
	private const MAX_NAME = 64;

	/**
	 * Constructor.
	 *
	 * @param \wpdb  $wpdb WordPress' database connection.
	 * @param string $name Lock name, as the server sees it.
	 */
	public function __construct( private \wpdb $wpdb, private string $name ) {}

	/**
	 * The lock for one kind of work on this site (database + table prefix).
	 *
	 * @param \wpdb  $wpdb    WordPress' database connection.
	 * @param string $purpose What the lock serializes, e.g. "sync".
	 */
	public static function for_site( \wpdb $wpdb, string $purpose ): self {
		// dbname is protected; wpdb's __get() is its public way out.
		$site = md5( (string) $wpdb->__get( 'dbname' ) . '|' . $wpdb->prefix );
		return new self( $wpdb, substr( 'footprints_' . $purpose, 0, self::MAX_NAME - 33 ) . '_' . $site );
	}

	/**
	 * The name the server knows the lock by.
	 */
	public function name(): string {
		return $this->name;
	}

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
