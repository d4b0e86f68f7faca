<?php
/**
 * A drain killed (SIGKILL) after each of its steps, then run again: no
 * event lost, none doubled, totals and rejection counts exact. The drain
 * runs in its own process (tests/php/bin/drain.php), so this test works
 * on committed data and cleans up after itself.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Database\Transaction;
use function Footprints\plugin;

final class DrainResumeTest extends TestCase {

	private const CODE = 'resume_test';

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		// The drain's own process must see what this test writes: end the
		// harness's transaction here, and open one again for its rollback.
		( new Transaction( $wpdb ) )->commit();
		$this->define_event( self::CODE, array( 'step' => 'string' ) );
		plugin()->collector_config()->write();
		FastCollector::forget_rates();
		$this->drain();
	}

	protected function tearDown(): void {
		global $wpdb;
		foreach ( array( 'footprints_events', 'footprints_daily', 'footprints_daily_devices', 'footprints_rejections', 'footprints_definitions' ) as $table ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}{$table} WHERE code = %s", self::CODE ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		$wpdb->query( "DELETE FROM {$wpdb->prefix}footprints_drained" );
		( new Transaction( $wpdb ) )->begin();
		parent::tearDown();
		plugin()->collector_config()->write();
		FastCollector::forget_rates();
	}

	public function test_a_drain_killed_after_any_step_loses_and_doubles_nothing_when_run_again(): void {
		$steps = array( 'claimed', 'read', 'written', 'committed', 'deleted' );
		foreach ( $steps as $round => $step ) {
			for ( $batch = 0; $batch < 2; $batch++ ) {
				$this->send( $step, $batch );
			}

			$killed = $this->drain( $step );
			$this->assertSame( 137, $killed['exit'], "the drain was killed after '$step'" );
			$this->assertSame( in_array( $step, array( 'committed', 'deleted' ), true ) ? 6 : 0, $this->stored( $step ), "events of this round stored when killed after '$step'" );
			$again = $this->drain();
			$this->assertSame( 0, $again['exit'], $again['output'] );

			$sent = 6 * ( $round + 1 );
			$this->assertSame( $sent, $this->total( 'SELECT COUNT(*) FROM %i WHERE code = %s', 'footprints_events' ), "after '$step': every event once" );
			$this->assertSame( $sent, $this->total( 'SELECT SUM(events) FROM %i WHERE code = %s', 'footprints_daily' ), "after '$step': daily events" );
			$this->assertSame( 2, $this->total( 'SELECT SUM(devices) FROM %i WHERE code = %s', 'footprints_daily' ), "after '$step': the same two devices all along" );
			$this->assertSame( 2 * ( $round + 1 ), $this->total( 'SELECT SUM(count) FROM %i WHERE code = %s', 'footprints_rejections' ), "after '$step': rejections" );
			$this->assertSame( $sent, plugin()->definitions()->find( self::CODE )['trigger_count'] ?? null );
			$this->assertSame( array(), glob( plugin()->collector_config()->data_dir()->buffer_dir() . '/{busy,buffer}-*.php', GLOB_BRACE ), "after '$step': no buffer file left" );
			wp_cache_flush();
		}
	}

	public function test_wp_footprints_drain_moves_the_buffer_into_the_events_table(): void {
		$this->send( 'cli', 0 );

		$command = sprintf( '%s --allow-root --path=%s --url=%s footprints drain 2>&1', escapeshellarg( dirname( __DIR__, 2 ) . '/vendor/bin/wp' ), escapeshellarg( (string) getenv( 'FOOTPRINTS_WP_DIR' ) ), escapeshellarg( (string) getenv( 'FOOTPRINTS_WP_URL' ) ) );
		exec( $command, $output, $exit ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- WP-CLI as a site owner runs it.

		$this->assertSame( 0, $exit, implode( "\n", $output ) );
		$this->assertMatchesRegularExpression( '/^Success: Drained 3 events \(3 new\) from 1 buffer files in [0-9.]+ s\.$/', (string) end( $output ) );
		$this->assertSame( 3, $this->stored( 'cli' ) );
	}

	/**
	 * Posts one batch: three good events from two devices, one refused.
	 *
	 * @param string $step  The round.
	 * @param int    $batch Batch number in the round.
	 */
	private function send( string $step, int $batch ): void {
		$events = array();
		for ( $i = 0; $i < 3; $i++ ) {
			$events[] = array(
				'id'         => "resume_{$step}_{$batch}_{$i}",
				'event'      => self::CODE,
				'device_id'  => 0 === $i ? 'device_resume_a' : 'device_resume_b',
				'attributes' => array( 'step' => $step ),
			);
		}
		$events[] = array(
			'id'         => "resume_{$step}_{$batch}_bad",
			'event'      => self::CODE,
			'attributes' => array( 'Bad Name' => 1 ),
		);
		$answer   = FastCollector::post( (string) wp_json_encode( array( 'events' => $events ) ) );
		$this->assertSame( 3, $answer['body']['accepted'] ?? null, (string) wp_json_encode( $answer ) );
	}

	/**
	 * Runs a drain in its own process.
	 *
	 * @param string $kill_at Step after which it is killed, or '' to finish.
	 * @return array{exit: int, output: string}
	 */
	private function drain( string $kill_at = '' ): array {
		exec( 'php ' . escapeshellarg( __DIR__ . '/bin/drain.php' ) . ' ' . escapeshellarg( $kill_at ) . ' 2>&1', $output, $exit ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- the drain must run, and die, in its own process.
		wp_cache_flush();
		return array(
			'exit'   => $exit,
			'output' => implode( "\n", $output ),
		);
	}

	/**
	 * Events of one round stored so far.
	 *
	 * @param string $step The round.
	 */
	private function stored( string $step ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}footprints_events WHERE event_id LIKE %s", 'resume\_' . $step . '\_%' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * A number from a table of this test's code.
	 *
	 * @param string $sql   Query with %i (table) and %s (code).
	 * @param string $table Table without prefix.
	 */
	private function total( string $sql, string $table ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( $sql, $wpdb->prefix . $table, self::CODE ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}
}
