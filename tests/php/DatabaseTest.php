<?php
/**
 * Database hygiene: lock names scoped to the site, transactions counted by
 * depth in PHP (no server-specific variable), migrations recorded only
 * when they worked and retried on the next load, frozen SQL, seeding after
 * migrating. MySQL 8 is not in Debian's archive here, so the depth logic is
 * tested directly on MariaDB, using only statements both servers share.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Backend\RemoteBackendSettings;
use Footprints\Database\Lock;
use Footprints\Database\Migrator;
use Footprints\Database\Transaction;

final class DatabaseTest extends TestCase {

	private const VERSION_OPTION = 'footprints_test_schema_version';

	/**
	 * Folder of the test's migrations.
	 *
	 * @var string
	 */
	private string $dir = '';

	protected function tearDown(): void {
		if ( $this->dir ) {
			array_map( 'unlink', (array) glob( $this->dir . '/*' ) );
			rmdir( $this->dir );
		}
		parent::tearDown();
	}

	public function test_lock_names_are_scoped_to_the_database_and_table_prefix(): void {
		global $wpdb;
		$same_prefix  = new \wpdb( DB_USER, DB_PASSWORD, DB_NAME, DB_HOST );
		$other_prefix = new \wpdb( DB_USER, DB_PASSWORD, DB_NAME, DB_HOST );
		$same_prefix->set_prefix( $wpdb->prefix );
		$other_prefix->set_prefix( 'wp_7_' );

		$this->assertSame( Lock::for_site( $wpdb, 'migrate' )->name(), Lock::for_site( $same_prefix, 'migrate' )->name() );
		$this->assertNotSame( Lock::for_site( $wpdb, 'migrate' )->name(), Lock::for_site( $other_prefix, 'migrate' )->name() );
		$this->assertNotSame( Lock::for_site( $wpdb, 'migrate' )->name(), Lock::for_site( $wpdb, 'sync' )->name() );
		$this->assertLessThanOrEqual( 64, strlen( Lock::for_site( $wpdb, str_repeat( 'x', 80 ) )->name() ), 'servers refuse longer names' );

		$held = Lock::for_site( $other_prefix, 'migrate' );
		$this->assertTrue( $held->acquire( 0 ) );
		$this->assertTrue( Lock::for_site( $wpdb, 'migrate' )->acquire( 0 ), 'another site\'s migration does not block this one' );
		$this->assertFalse( Lock::for_site( $same_prefix, 'migrate' )->acquire( 0 ), 'the same site\'s does' );
		Lock::for_site( $wpdb, 'migrate' )->release();
		$held->release();
		$same_prefix->close();
		$other_prefix->close();
	}

	public function test_transactions_nest_as_savepoints_by_depth_counted_in_php(): void {
		$db          = new \wpdb( DB_USER, DB_PASSWORD, DB_NAME, DB_HOST );
		$transaction = new Transaction( $db );
		$db->query( 'CREATE TEMPORARY TABLE footprints_tx_probe (id int NOT NULL) ENGINE=InnoDB' );
		$ids = static fn() => array_map( 'intval', $db->get_col( 'SELECT id FROM footprints_tx_probe ORDER BY id' ) );

		$transaction->run( static fn() => $db->query( 'INSERT INTO footprints_tx_probe VALUES (1)' ) );
		$this->assertSame( 0, $transaction->depth() );

		$this->throws(
			static fn() => $transaction->run(
				static function () use ( $db ): void {
				$db->query( 'INSERT INTO footprints_tx_probe VALUES (2)' );
				throw new \RuntimeException( 'write failed' );
				}
			)
		);
		$this->assertSame( array( 1 ), $ids(), 'a failed transaction leaves nothing' );
		$this->assertSame( 0, $transaction->depth() );

		$transaction->run(
			function () use ( $db, $transaction ): void {
				$db->query( 'INSERT INTO footprints_tx_probe VALUES (3)' );
				$this->assertSame( 1, $transaction->depth() );
				$this->throws(
					static fn() => $transaction->run(
						static function () use ( $db ): void {
						$db->query( 'INSERT INTO footprints_tx_probe VALUES (4)' );
						throw new \RuntimeException( 'inner write failed' );
						}
					)
				);
				$this->assertSame( 1, $transaction->depth(), 'the inner level closed, the outer is open' );
				$transaction->run( static fn() => $db->query( 'INSERT INTO footprints_tx_probe VALUES (5)' ) );
			}
		);
		$this->assertSame( array( 1, 3, 5 ), $ids(), 'the inner failure undid only its own write' );
		$this->assertSame( 0, $transaction->depth() );

		$transaction->begin();
		$db->query( 'INSERT INTO footprints_tx_probe VALUES (6)' );
		$transaction->rollback();
		$this->assertSame( array( 1, 3, 5 ), $ids() );
		$this->throws( static fn() => $transaction->commit(), 'No transaction is open' );
		$db->close();
	}

	public function test_inside_a_callers_transaction_a_failure_rolls_back_to_its_savepoint_only(): void {
		global $wpdb;
		// The test itself runs in a transaction opened through Transaction (TestCase).
		$transaction = new Transaction( $wpdb );
		$this->assertSame( 1, $transaction->depth() );
		$this->define_event( 'kept_event' );

		$this->throws(
			fn() => $transaction->run(
				function (): void {
					$this->define_event( 'lost_event' );
					throw new \RuntimeException( 'write failed' );
				}
			)
		);

		$this->assertNotNull( \Footprints\plugin()->definitions()->find( 'kept_event' ) );
		wp_cache_flush();
		$this->assertNull( \Footprints\plugin()->definitions()->find( 'lost_event' ) );
		$this->assertSame( 1, $transaction->depth() );
	}

	public function test_a_failed_migration_is_not_recorded_and_is_retried_on_the_next_load(): void {
		global $wpdb;
		$this->migrations(
			array(
				'0001-probe.php' => "<?php return array( 'INSERT INTO {prefix}footprints_migration_probe (id) VALUES (7)' );",
			)
		);
		$seeded   = 0;
		$migrator = new Migrator(
			$wpdb,
			$this->dir,
			static function () use ( &$seeded ): void {
				++$seeded;
			},
			self::VERSION_OPTION
		);

		$failed = $migrator->migrate_if_needed();

		$this->assertInstanceOf( \WP_Error::class, $failed );
		$this->assertStringContainsString( "footprints_migration_probe' doesn't exist", $failed->get_error_message() );
		$this->assertStringContainsString( 'It tries again on the next page load', $failed->get_error_message() );
		$this->assertSame( 0, $migrator->version(), 'not recorded' );
		$this->assertSame( 0, $seeded, 'no seeding over a schema that is not there' );
		$this->assertSame( 1, get_option( Migrator::ERROR_OPTION )['migration'] );

		// The cause goes away (the owner grants a right, the table appears).
		$wpdb->query( "CREATE TEMPORARY TABLE {$wpdb->prefix}footprints_migration_probe (id int NOT NULL)" );
		$retried = $migrator->migrate_if_needed();

		$this->assertSame( array( 1 ), $retried );
		$this->assertSame( 1, $migrator->version() );
		$this->assertSame( '7', $wpdb->get_var( "SELECT id FROM {$wpdb->prefix}footprints_migration_probe" ) );
		$this->assertSame( 1, $seeded, 'seeded once, after migrating' );
		$this->assertFalse( get_option( Migrator::ERROR_OPTION ) );
		$this->assertSame( array(), $migrator->migrate_if_needed(), 'nothing left to do' );
	}

	public function test_a_migration_that_arrives_below_one_already_applied_still_runs_once(): void {
		global $wpdb;
		$this->migrations(
			array(
				'0001-first.php' => "<?php return array( 'CREATE TEMPORARY TABLE {prefix}footprints_migration_order (id int NOT NULL)' );",
				'0003-third.php' => "<?php return array( 'INSERT INTO {prefix}footprints_migration_order (id) VALUES (3)' );",
			)
		);
		$migrator = new Migrator( $wpdb, $this->dir, null, self::VERSION_OPTION );
		$this->assertSame( array( 1, 3 ), $migrator->migrate_if_needed() );

		// Another branch brings 0002 after this site ran 0003.
		file_put_contents( $this->dir . '/0002-second.php', "<?php return array( 'INSERT INTO {prefix}footprints_migration_order (id) VALUES (2)' );" );

		$this->assertSame( array( 2 ), $migrator->migrate_if_needed() );
		$this->assertSame( array( 1, 2, 3 ), $migrator->applied() );
		$this->assertSame( 3, $migrator->version() );
		$this->assertSame( array( '2', '3' ), $wpdb->get_col( "SELECT id FROM {$wpdb->prefix}footprints_migration_order ORDER BY id" ) );
		$this->assertSame( array(), $migrator->migrate_if_needed(), 'nothing left to do' );
		$wpdb->query( "DROP TEMPORARY TABLE {$wpdb->prefix}footprints_migration_order" );
	}

	public function test_a_site_from_before_the_list_counts_every_migration_up_to_its_version_as_applied(): void {
		global $wpdb;
		$this->migrations(
			array(
				'0001-first.php'  => "<?php return array( 'CREATE TEMPORARY TABLE {prefix}footprints_migration_legacy (id int NOT NULL)' );",
				'0002-second.php' => "<?php return array( 'INSERT INTO {prefix}footprints_migration_legacy (id) VALUES (2)' );",
				'0003-third.php'  => "<?php return array( 'INSERT INTO {prefix}footprints_migration_legacy (id) VALUES (3)' );",
			)
		);
		$wpdb->query( "CREATE TEMPORARY TABLE {$wpdb->prefix}footprints_migration_legacy (id int NOT NULL)" );
		update_option( self::VERSION_OPTION, 2 );
		$migrator = new Migrator( $wpdb, $this->dir, null, self::VERSION_OPTION );

		$this->assertSame( array( 1, 2 ), $migrator->applied() );
		$this->assertSame( array( 3 ), $migrator->migrate_if_needed() );
		$this->assertSame( array( '3' ), $wpdb->get_col( "SELECT id FROM {$wpdb->prefix}footprints_migration_legacy" ) );
		$wpdb->query( "DROP TEMPORARY TABLE {$wpdb->prefix}footprints_migration_legacy" );
	}

	public function test_a_callable_migration_that_fails_midway_is_not_recorded(): void {
		global $wpdb;
		$this->migrations(
			array(
				'0001-two-steps.php' => '<?php return static function ( \wpdb $wpdb ): void { $wpdb->query( "SELECT * FROM {$wpdb->prefix}footprints_no_such_table" ); };',
			)
		);
		$migrator = new Migrator( $wpdb, $this->dir, null, self::VERSION_OPTION );

		$this->assertInstanceOf( \WP_Error::class, $migrator->migrate() );
		$this->assertSame( 0, $migrator->version() );
	}

	public function test_migration_0004_turns_the_single_key_of_earlier_versions_into_a_connected_site(): void {
		// The hub's one key and the remote key as earlier versions stored them.
		update_option(
			'footprints_access_key',
			array(
				'app_id' => 'app_legacy000000',
				'hash'   => hash( 'sha256', 'fpk_legacy' ),
			)
		);
		update_option(
			RemoteBackendSettings::OPTION,
			array(
				'mode'   => 'remote',
				'url'    => 'https://hub.example.test',
				'app_id' => 'app_fromhub00000',
			)
		);
		update_option( RemoteBackendSettings::KEY_OPTION, 'fpk_plain_old_key' );
		// Its own connection and table prefix: the CREATE TABLE would end the test's transaction.
		$other = new \wpdb( DB_USER, DB_PASSWORD, DB_NAME, DB_HOST );
		$other->set_prefix( 'wpmigration_' );
		$migration = require FOOTPRINTS_DIR . '/migrations/0004-connected-sites.php';

		$migration( $other );
		$row = $other->get_row( 'SELECT app_id, name, key_hash, revoked_at FROM wpmigration_footprints_sites', ARRAY_A );
		$other->query( 'DROP TABLE wpmigration_footprints_sites' );
		$other->close();

		$this->assertSame(
			array(
				'app_id'     => 'app_legacy000000',
				'name'       => 'Connected site',
				'key_hash'   => hash( 'sha256', 'fpk_legacy' ),
				'revoked_at' => null,
			),
			$row,
			'the site using the old key keeps syncing'
		);
		$this->assertFalse( get_option( 'footprints_access_key' ) );
		$this->assertSame( 'fpk_plain_old_key', \Footprints\plugin()->backend_settings()->api_key(), 'bound to the URL and app ID of the time' );
		$this->assertSame(
			'',
			\Footprints\plugin()->backend_settings()->api_key_for(
				array(
					'mode'   => 'remote',
					'url'    => 'https://elsewhere.example.test',
					'app_id' => 'app_fromhub00000',
				)
			)
		);
	}

	public function test_migrations_are_frozen_sql_that_never_call_the_plugins_classes(): void {
		foreach ( (array) glob( FOOTPRINTS_DIR . '/migrations/*.php' ) as $file ) {
			$code = (string) file_get_contents( (string) $file );
			$this->assertDoesNotMatchRegularExpression( '/Footprints\\\\|plugin\(\)/', $code, basename( (string) $file ) . ' uses live code' );
		}
	}

	/**
	 * Writes migration files into a folder of their own.
	 *
	 * @param array<string, string> $files Name => PHP.
	 */
	private function migrations( array $files ): void {
		$this->dir = sys_get_temp_dir() . '/footprints-migrations-' . wp_generate_password( 8, false );
		mkdir( $this->dir );
		foreach ( $files as $name => $php ) {
			file_put_contents( $this->dir . '/' . $name, $php );
		}
	}

	/**
	 * Asserts that the call throws (with these words).
	 *
	 * @param callable $call  Call.
	 * @param string   $words Words of the message.
	 */
	private function throws( callable $call, string $words = '' ): void {
		try {
			$call();
		} catch ( \RuntimeException $error ) {
			$this->assertStringContainsString( $words, $error->getMessage() );
			return;
		}
		$this->fail( 'Expected an exception.' );
	}
}
