<?php
/**
 * Migrator.
 *
 * @package Footprints
 */

namespace Footprints\Database;

/**
 * Applies the numbered schema migrations in migrations/, once each, in
 * order, under a lock scoped to this site so two requests never run them
 * together (and another site on the same server never waits for them).
 * The numbers applied are kept as a list, not only the highest: a
 * migration that arrives below one already applied (two branches merged
 * in another order than they were run) still runs. A site from before the
 * list counts every migration up to its version as applied.
 *
 * A migration is frozen SQL: the file returns a list of statements
 * (`{prefix}` is the table prefix, `{charset_collate}` the site's charset
 * clause), or a callable( \wpdb ) for a step that must look first. It never
 * calls the plugin's own classes, which later versions change. A migration
 * counts as applied only when every statement worked: on an error the
 * version stays, the error is kept for the admin, and the next load tries
 * again. Seeding (data that follows the code, like the system events) runs
 * after the schema is up to date, never inside a migration.
 */
final class Migrator {

	public const VERSION_OPTION = 'footprints_schema_version';
	public const ERROR_OPTION   = 'footprints_migration_error';

	/**
	 * Constructor.
	 *
	 * @param \wpdb         $wpdb           WordPress' database connection.
	 * @param string        $dir            Folder of NNNN-name.php files.
	 * @param \Closure|null $seed           Runs after migrations were applied.
	 * @param string        $version_option Option that records the applied version.
	 */
	public function __construct(
		private \wpdb $wpdb,
		private string $dir,
		private ?\Closure $seed = null,
		private string $version_option = self::VERSION_OPTION
	) {}

	/**
	 * Migrates when a migration file is not applied yet. Cheap: one
	 * autoloaded option compared with the folder's file names, on every
	 * request.
	 *
	 * @return list<int>|\WP_Error What migrate() returned; an empty list when up to date.
	 */
	public function migrate_if_needed(): array|\WP_Error {
		if ( ! is_array( get_option( $this->applied_option() ) ) ) {
			// Once, on a site from before the list: stored and autoloaded,
			// so no later request asks the database for a missing option.
			add_option( $this->applied_option(), $this->applied(), '', true );
		}
		if ( $this->pending() ) {
			return $this->migrate();
		}
		return array();
	}

	/**
	 * Applies every migration not applied yet, in order, then seeds.
	 *
	 * @return list<int>|\WP_Error The numbers applied now, or why one failed (those before it stay applied).
	 */
	public function migrate(): array|\WP_Error {
		$lock = Lock::for_site( $this->wpdb, 'migrate' );
		if ( ! $lock->acquire( 10 ) ) {
			// Another request is migrating; it will finish the job.
			return array();
		}
		try {
			// Read again under the lock: the other request may have finished.
			wp_cache_delete( $this->version_option, 'options' );
			wp_cache_delete( $this->applied_option(), 'options' );
			$done    = $this->applied();
			$applied = array();
			foreach ( $this->pending() as $number => $file ) {
				$error = $this->apply( $file );
				if ( null !== $error ) {
					return $this->failed( $number, $file, $error );
				}
				$done[] = $number;
				sort( $done );
				update_option( $this->applied_option(), $done, true );
				update_option( $this->version_option, max( $done ), true );
				$applied[] = $number;
			}
			delete_option( self::ERROR_OPTION );
		} finally {
			$lock->release();
		}//end try
		if ( $this->seed ) {
			( $this->seed )();
		}
		return $applied;
	}

	/**
	 * The highest migration applied on this site.
	 */
	public function version(): int {
		return (int) get_option( $this->version_option, 0 );
	}

	/**
	 * The migrations applied on this site, by number; on a site from
	 * before the list was kept, every migration up to its version.
	 *
	 * @return list<int>
	 */
	public function applied(): array {
		$applied = get_option( $this->applied_option() );
		if ( is_array( $applied ) ) {
			return array_values( array_map( 'intval', $applied ) );
		}
		$version = $this->version();
		return array_values( array_filter( array_keys( $this->migrations() ), static fn( int $number ): bool => $number <= $version ) );
	}

	/**
	 * The migrations not applied yet, by number, in order.
	 *
	 * @return array<int, string>
	 */
	private function pending(): array {
		return array_diff_key( $this->migrations(), array_flip( $this->applied() ) );
	}

	/**
	 * The option that lists the applied migrations, beside the version's.
	 */
	private function applied_option(): string {
		return $this->version_option . '_applied';
	}

	/**
	 * Runs one migration file; returns the database error, or null.
	 *
	 * @param string $file Migration file.
	 */
	private function apply( string $file ): ?string {
		$wpdb = $this->wpdb;
		// The error is ours to report (kept and logged), not to print into a page.
		$shown = $wpdb->suppress_errors( true );
		try {
			return $this->run_file( $file );
		} finally {
			$wpdb->suppress_errors( $shown );
		}
	}

	/**
	 * Runs the statements or the callable of one file; returns the error, or null.
	 *
	 * @param string $file Migration file.
	 */
	private function run_file( string $file ): ?string {
		$wpdb      = $this->wpdb;
		$migration = require $file;
		if ( is_callable( $migration ) ) {
			$wpdb->last_error = '';
			try {
				$migration( $wpdb );
			} catch ( \Throwable $error ) {
				return $error->getMessage();
			}
			return self::last_error( $wpdb );
		}
		foreach ( (array) $migration as $statement ) {
			$sql = strtr(
				(string) $statement,
				array(
					'{prefix}'          => $wpdb->prefix,
					'{charset_collate}' => $wpdb->get_charset_collate(),
				)
			);
			// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- frozen schema statements.
			if ( false === $wpdb->query( $sql ) ) {
				return self::last_error( $wpdb ) ?? __( 'The database refused the statement.', 'footprints' );
			}
		}
		return null;
	}

	/**
	 * The error of the connection's last statement, or null. Read here, after
	 * the migration ran, as the statements left it.
	 *
	 * @param \wpdb $wpdb The connection.
	 */
	private static function last_error( \wpdb $wpdb ): ?string {
		$error = (string) $wpdb->last_error;
		return '' === $error ? null : $error;
	}

	/**
	 * Keeps the failure for the admin and the log; the version stays.
	 *
	 * @param int    $number Migration number.
	 * @param string $file   Its file.
	 * @param string $error  The database error.
	 */
	private function failed( int $number, string $file, string $error ): \WP_Error {
		$message = sprintf(
			/* translators: 1: migration file, 2: database error. */
			__( 'Footprints could not update its database tables (%1$s): %2$s. It tries again on the next page load; if this stays, check the database user\'s rights (CREATE, ALTER, INDEX).', 'footprints' ),
			basename( $file ),
			$error
		);
		update_option(
			self::ERROR_OPTION,
			array(
				'migration' => $number,
				'message'   => $message,
				'at'        => gmdate( 'Y-m-d\TH:i:s\Z' ),
			),
			false
		);
		error_log( $message ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the site owner's log is where a failed upgrade must show.
		return new \WP_Error( 'footprints_migration_failed', $message, array( 'migration' => $number ) );
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
