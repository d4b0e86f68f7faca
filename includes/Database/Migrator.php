<?php
/**
 * Migrator.
 *
 * @package Footprints
 */

namespace Footprints\Database;

/**
 * Applies the numbered schema migrations in migrations/, once each, in
 * order, under a database lock so two requests never run them together.
 */
final class Migrator {

	public const VERSION_OPTION = 'footprints_schema_version';

	private const LOCK = 'footprints_migrate';

	/**
	 * Constructor.
	 *
	 * @param \wpdb  $wpdb WordPress' database connection.
	 * @param string $dir  Folder of NNNN-name.php files, each returning a callable( \wpdb ).
	 */
	public function __construct( private \wpdb $wpdb, private string $dir ) {}

	/**
	 * Migrates when the stored schema version is behind the code. Cheap: one
	 * autoloaded option compared with a file count, on every request.
	 */
	public function migrate_if_needed(): void {
		if ( (int) get_option( self::VERSION_OPTION, 0 ) < $this->latest() ) {
			$this->migrate();
		}
	}

	/**
	 * Applies every migration newer than the stored version.
	 */
	public function migrate(): void {
		$lock = new Lock( $this->wpdb, self::LOCK );
		if ( ! $lock->acquire( 10 ) ) {
			return;
			// Another request is migrating; it will finish the job.
		}
		try {
			// Read again under the lock: the other request may have finished.
			wp_cache_delete( self::VERSION_OPTION, 'options' );
			$current = (int) get_option( self::VERSION_OPTION, 0 );
			foreach ( $this->migrations() as $number => $file ) {
				if ( $number <= $current ) {
					continue;
				}
				$migration = require $file;
				$migration( $this->wpdb );
				update_option( self::VERSION_OPTION, $number, true );
			}
		} finally {
			$lock->release();
		}
	}

	/**
	 * The newest migration number the code knows.
	 */
	public function latest(): int {
		$numbers = array_keys( $this->migrations() );
		return $numbers ? max( $numbers ) : 0;
	}

	/**
	 * Migration files by number.
	 *
	 * @return array<int, string>
	 */
	private function migrations(): array {
		$files = array();
		$found = glob( $this->dir . '/[0-9][0-9][0-9][0-9]-*.php' );
		foreach ( false === $found ? array() : $found as $file ) {
			$files[ (int) basename( $file ) ] = $file;
		}
		ksort( $files );
		return $files;
	}
}
