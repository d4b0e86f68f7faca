<?php
/**
 * Deleting the plugin leaves nothing of it in the database. uninstall.php
 * runs on a site of its own, in a process of its own
 * (tests/php/bin/uninstall-site.php): its DROP TABLE would commit the
 * transaction this harness rolls every test back with.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class UninstallTest extends TestCase {

	public function test_uninstall_removes_the_tables_and_options_and_only_on_its_own_site(): void {
		global $wpdb;
		$database = (string) getenv( 'FOOTPRINTS_UNINSTALL_DB_NAME' );
		$this->assertNotSame( '', $database, 'FOOTPRINTS_UNINSTALL_DB_NAME (set by bin/test-php)' );
		$site = array( (string) getenv( 'FOOTPRINTS_WP_DIR' ), (string) getenv( 'FOOTPRINTS_WP_URL' ) );

		$provision = self::run_script( array_merge( array( FOOTPRINTS_DIR . '/bin/wp/provision.php' ), $site ), $database );
		$this->assertSame( 0, $provision['status'], $provision['output'] );
		$uninstall = self::run_script( array_merge( array( __DIR__ . '/bin/uninstall-site.php' ), $site ), $database );
		$this->assertSame( 0, $uninstall['status'], $uninstall['output'] );
		$result = json_decode( $uninstall['output'], true );

		$this->assertIsArray( $result, $uninstall['output'] );
		$this->assertTrue( $result['stored'], 'an event was stored before the uninstall' );
		$this->assertSame( 'footprints_unknown_event', $result['rejected_code'] );
		$this->assertContains( $wpdb->prefix . 'footprints_definitions', $result['before']['tables'] );
		$this->assertContains( $wpdb->prefix . 'footprints_events', $result['before']['tables'] );
		$this->assertContains( $wpdb->prefix . 'footprints_automation_deliveries', $result['before']['tables'] );
		$this->assertTrue( $result['before']['automations_cron'] );
		$this->assertContains( 'footprints_definitions_revision', $result['before']['options'] );
		$this->assertSame( array( 'administrator' ), $result['before']['insights_roles'] );
		$this->assertSame(
			array(
				'tables'         => array(),
				'options'        => array(),
				'insights_roles' => array(),
			),
			$result['after']
		);
		$this->assertContains( 'footprints_automations_active', $result['before']['options'] );
		$this->assertFalse( $result['sync_cron'] );
		$this->assertSame(
			array(
				'run'   => false,
				'purge' => false,
			),
			$result['automations']
		);
		// This site (the harness's database) was not touched.
		$this->assertNotNull( \Footprints\plugin()->definitions()->find( 'trial_click' ) );
	}

	/**
	 * Runs a PHP script of the site with its database set to this one.
	 *
	 * @param list<string> $args     Script and arguments.
	 * @param string       $database Database name.
	 * @return array{status: int, output: string}
	 */
	private static function run_script( array $args, string $database ): array {
		$command = 'FOOTPRINTS_DB_NAME=' . escapeshellarg( $database ) . ' ' . escapeshellarg( PHP_BINARY ) . ' ' . implode( ' ', array_map( 'escapeshellarg', $args ) ) . ' 2>&1';
		exec( $command, $lines, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- a separate process is the point.
		return array(
			'status' => $status,
			'output' => implode( "\n", $lines ),
		);
	}
}
