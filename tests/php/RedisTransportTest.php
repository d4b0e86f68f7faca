<?php
/**
 * Several web nodes, one MariaDB, one real redis-server (started here):
 * batches sent round robin to two `php -S` nodes of the test site go
 * through the Redis stream and are all stored exactly once, also when the
 * consumer is killed in the middle of a batch; Site Health warns when
 * Redis may evict the stream.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Database\Transaction;
use Footprints\Collector\RedisStream;
use function Footprints\plugin;

final class RedisTransportTest extends TestCase {

	private const CODE = 'multi_node';

	/**
	 * Process groups of the servers this class started.
	 *
	 * @var list<int>
	 */
	private static array $servers = array();

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$servers[] = TestServers::start_redis();
		foreach ( TestServers::node_ports() as $port ) {
			self::$servers[] = TestServers::start_node( $port );
		}
	}

	public static function tearDownAfterClass(): void {
		array_map( array( TestServers::class, 'stop' ), self::$servers );
		self::$servers = array();
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		// The drain's own process must see what this test writes: end the
		// harness's transaction here, and open one again for its rollback.
		( new Transaction( $wpdb ) )->commit();
		$this->define_event( self::CODE );
		add_filter( 'footprints_redis_settings', array( TestServers::class, 'redis_settings' ) );
		add_filter( 'footprints_collector_limits', static fn( array $limits ) => array( 'rate_requests' => 100000 ) + $limits );
		do_action( 'footprints_collector_config_changed' );
		putenv( 'FOOTPRINTS_TEST_USE_REDIS=1' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv -- tells the drain's own process to use Redis.
	}

	protected function tearDown(): void {
		global $wpdb;
		foreach ( array( 'footprints_events', 'footprints_daily', 'footprints_daily_devices', 'footprints_rejections', 'footprints_definitions' ) as $table ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}{$table} WHERE code = %s", self::CODE ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		$wpdb->query( "DELETE FROM {$wpdb->prefix}footprints_drained" );
		putenv( 'FOOTPRINTS_TEST_USE_REDIS' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv
		remove_all_filters( 'footprints_redis_settings' );
		remove_all_filters( 'footprints_collector_limits' );
		$this->redis()->del( TestServers::redis_settings()['stream'] );
		( new Transaction( $wpdb ) )->begin();
		parent::tearDown();
		do_action( 'footprints_collector_config_changed' );
		FastCollector::forget_rates();
	}

	public function test_batches_sent_round_robin_to_two_nodes_are_all_stored_once(): void {
		for ( $batch = 0; $batch < 20; $batch++ ) {
			$this->send( $batch, $batch % 2 );
		}
		$this->send( 0, 1 ); // Retries that reach the other node.
		$this->send( 1, 0 );
		$this->assertSame( 22, $this->redis()->xLen( TestServers::redis_settings()['stream'] ) );
		$this->assertSame( array(), glob( plugin()->collector_config()->data_dir()->buffer_dir() . '/buffer-*.php' ), 'nothing in the file buffer' );

		$report = plugin()->drainer()->drain();

		$this->assertSame( 110, $report['events'] );
		$this->assertSame( 100, $report['stored'] );
		$this->assertStored( 100, 20 + 2 );
		$this->assertSame( 0, $this->redis()->xLen( TestServers::redis_settings()['stream'] ) );
	}

	public function test_a_consumer_killed_mid_batch_loses_and_doubles_nothing(): void {
		for ( $batch = 0; $batch < 10; $batch++ ) {
			$this->send( $batch, $batch % 2 );
		}

		$inside = $this->drain( 'written' ); // Killed inside the transaction.
		$this->assertSame( 137, $inside['exit'], $inside['output'] );
		$this->assertStored( 0, 0 );
		$after = $this->drain( 'committed' ); // Killed after the commit, before XACK.
		$this->assertSame( 137, $after['exit'], $after['output'] );
		$this->assertStored( 50, 10 );
		$this->assertSame( 10, $this->redis()->xLen( TestServers::redis_settings()['stream'] ), 'not acknowledged yet' );
		$last = $this->drain();

		$this->assertSame( 0, $last['exit'], $last['output'] );
		$this->assertStored( 50, 10 );
		$this->assertSame( 0, $this->redis()->xLen( TestServers::redis_settings()['stream'] ) );
		$this->assertSame( array(), $this->redis()->xPending( TestServers::redis_settings()['stream'], RedisStream::GROUP, '-', '+', 10 ) );
	}

	public function test_site_health_warns_when_redis_may_evict_the_stream(): void {
		$this->redis()->config( 'SET', 'maxmemory-policy', 'allkeys-lru' );
		$evicting = plugin()->collector_health()->result();
		$this->redis()->config( 'SET', 'maxmemory-policy', 'noeviction' );
		$keeping = plugin()->collector_health()->result();

		$this->assertSame( 'critical', $evicting['status'] );
		$this->assertSame( 'Redis may evict Footprints\' waiting events (maxmemory-policy allkeys-lru)', $evicting['label'] );
		$this->assertNotSame( 'critical', $keeping['status'] );
		$this->assertStringContainsString( 'Redis stream', $keeping['description'] );
	}

	/**
	 * Posts a batch of five events (and one refused) to one node.
	 *
	 * @param int $batch Batch number.
	 * @param int $node  Node index.
	 */
	private function send( int $batch, int $node ): void {
		$events = array();
		for ( $i = 0; $i < 5; $i++ ) {
			$events[] = array(
				'id'        => sprintf( 'node_%02d_%d', $batch, $i ),
				'event'     => self::CODE,
				'device_id' => 'device_node_' . ( $i % 2 ),
			);
		}
		$events[] = array(
			'id'         => sprintf( 'node_%02d_bad', $batch ),
			'event'      => self::CODE,
			'attributes' => array( 'Bad Name' => 1 ),
		);
		$url      = sprintf( 'http://127.0.0.1:%d/wp-content/plugins/footprints/collect.php', TestServers::node_ports()[ $node ] );
		$answer   = FastCollector::post( (string) wp_json_encode( array( 'events' => $events ) ), 'text/plain', array(), $url );
		$this->assertSame( 5, $answer['body']['accepted'] ?? null, (string) wp_json_encode( $answer ) );
	}

	/**
	 * Asserts what is stored: events, daily totals, devices, refused counts.
	 *
	 * @param int $events   Events stored.
	 * @param int $refused  Refused events counted.
	 */
	private function assertStored( int $events, int $refused ): void {
		global $wpdb;
		$daily = $wpdb->get_row( $wpdb->prepare( "SELECT SUM(events) AS events, SUM(devices) AS devices FROM {$wpdb->prefix}footprints_daily WHERE code = %s", self::CODE ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( (string) $events, (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}footprints_events WHERE code = %s", self::CODE ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( (string) $events, (string) ( $daily['events'] ?? '0' ) );
		$this->assertSame( $events ? '2' : '0', (string) ( $daily['devices'] ?? '0' ) );
		$this->assertSame( (string) $refused, (string) ( $wpdb->get_var( $wpdb->prepare( "SELECT SUM(count) FROM {$wpdb->prefix}footprints_rejections WHERE code = %s", self::CODE ) ) ?? '0' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		wp_cache_flush();
		$this->assertSame( $events, plugin()->definitions()->find( self::CODE )['trigger_count'] ?? null );
	}

	/**
	 * Runs a drain in its own process (tests/php/bin/drain.php).
	 *
	 * @param string $kill_at Step after which it is killed, or '' to finish.
	 * @return array{exit: int, output: string}
	 */
	private function drain( string $kill_at = '' ): array {
		exec( 'php ' . escapeshellarg( __DIR__ . '/bin/drain.php' ) . ' ' . escapeshellarg( $kill_at ) . ' 2>&1', $output, $exit ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- the consumer must die in its own process.
		return array(
			'exit'   => $exit,
			'output' => implode( "\n", $output ),
		);
	}

	/**
	 * A connection to the test's redis-server.
	 */
	private function redis(): \Redis {
		$redis = new \Redis();
		$redis->connect( '127.0.0.1', TestServers::redis_port(), 1.0 );
		return $redis;
	}
}
