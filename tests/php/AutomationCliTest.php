<?php
/**
 * `wp footprints automations run` works the queue in its own process (as
 * a system cron runs it), so this test works on committed data and
 * cleans up after itself.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Database\Transaction;
use function Footprints\plugin;

final class AutomationCliTest extends TestCase {

	use AutomationFixtures;
	use WithReceiver;

	private const CODE = 'automation_cli_test';

	/**
	 * The rule of this test.
	 *
	 * @var int
	 */
	private int $rule = 0;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		// WP-CLI's process must see what this test writes.
		( new Transaction( $wpdb ) )->commit();
		$this->define_event( self::CODE );
		$this->rule = (int) $this->add_webhook( self::CODE, self::$receiver->url() . '/cli' )['id'];
	}

	protected function tearDown(): void {
		global $wpdb;
		plugin()->rule_store()->delete( $this->rule );
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}footprints_automation_log WHERE rule_id = %d", $this->rule ) );
		foreach ( array( 'footprints_events', 'footprints_daily', 'footprints_daily_devices', 'footprints_definitions' ) as $table ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}{$table} WHERE code = %s", self::CODE ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		( new Transaction( $wpdb ) )->begin();
		parent::tearDown();
	}

	/**
	 * The command line of the WP-CLI worker on the test site.
	 *
	 * @param int $seconds Its --seconds.
	 */
	private static function command( int $seconds ): string {
		return sprintf( '%s --allow-root --path=%s --url=%s footprints automations run --seconds=%d 2>&1', escapeshellarg( dirname( __DIR__, 2 ) . '/vendor/bin/wp' ), escapeshellarg( (string) getenv( 'FOOTPRINTS_WP_DIR' ) ), escapeshellarg( (string) getenv( 'FOOTPRINTS_WP_URL' ) ), $seconds );
	}

	public function test_two_workers_at_once_send_each_delivery_exactly_once(): void {
		// Slow answers, so both workers are busy at the same time.
		self::$receiver->answer(
			array(
				'status'   => 200,
				'delay_ms' => 15,
			)
		);
		$events = array();
		foreach ( range( 1, 120 ) as $i ) {
			$events[] = array(
				'id'    => "evt_race_$i",
				'event' => self::CODE,
			);
		}
		foreach ( array_chunk( $events, 40 ) as $batch ) {
			$this->assertSame( 40, $this->collect( $batch )['accepted'] ?? null );
		}

		$workers = array();
		foreach ( array( 0, 1 ) as $n ) {
			$workers[ $n ] = popen( self::command( 20 ), 'r' ); // phpcs:ignore WordPress.WP.AlternativeFunctions, WordPress.PHP.DiscouragedPHPFunctions.system_calls_popen -- two WP-CLI processes at once.
		}
		$delivered = 0;
		foreach ( $workers as $worker ) {
			$output = (string) stream_get_contents( $worker );
			pclose( $worker ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			$this->assertMatchesRegularExpression( '/Success: (\d+) delivered, 0 to retry, 0 failed for good/', $output );
			preg_match( '/Success: (\d+) delivered/', $output, $match );
			$delivered += (int) $match[1];
		}

		$received = array_map( static fn( $request ) => json_decode( $request['body'], true )['event']['id'], self::$receiver->requests() );
		$this->assertCount( 120, $received );
		$this->assertCount( 120, array_unique( $received ), 'No delivery was sent twice.' );
		$this->assertSame( 120, $delivered );
	}

	public function test_wp_footprints_automations_run_sends_the_queue(): void {
		self::$receiver->answer( array( 'status' => 200 ) );
		$events = array();
		foreach ( array( 1, 2, 3 ) as $i ) {
			$events[] = array(
				'id'    => "evt_cli_$i",
				'event' => self::CODE,
			);
		}
		$this->assertSame( 3, $this->collect( $events )['accepted'] ?? null );

		exec( self::command( 5 ), $output, $exit ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- WP-CLI as a site owner runs it.

		$this->assertSame( 0, $exit, implode( "\n", $output ) );
		$this->assertMatchesRegularExpression( '/^Success: 3 delivered, 0 to retry, 0 failed for good in [0-9.]+ s; 0 waiting in the queue\.$/', (string) end( $output ) );
		$received = array_map( static fn( $request ) => json_decode( $request['body'], true )['event']['id'], self::$receiver->requests() );
		sort( $received );
		$this->assertSame( array( 'evt_cli_1', 'evt_cli_2', 'evt_cli_3' ), $received );
	}
}
