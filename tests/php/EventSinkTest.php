<?php
/**
 * One way out for server-side events: footprints_track() sends to the
 * backend that collects, this site or the remote one (a real loopback
 * server here), with this site's app ID and key (AccountEventsHubTest
 * follows such a request into the hub).
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Backend\LocalEventSink;
use Footprints\Backend\RemoteBackendSettings;
use Footprints\Backend\RemoteEventSink;
use function Footprints\plugin;

final class EventSinkTest extends TestCase {

	private static LoopbackServer $collector;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$collector = new LoopbackServer( 'FOOTPRINTS_RECEIVER_PORT', 8893 );
		self::$collector->start();
	}

	public static function tearDownAfterClass(): void {
		self::$collector->stop();
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		$this->define_event( 'order_completed', array( 'total' => 'number' ) );
	}

	public function test_on_its_own_backend_the_site_stores_the_event_itself(): void {
		$this->assertInstanceOf( LocalEventSink::class, plugin()->event_sink() );

		$id = footprints_track( 'order_completed', array( 'total' => '12.50' ) );

		$this->assertIsString( $id );
		$this->assertSame( 1, plugin()->events()->query( array( 'event' => 'order_completed' ) )['total'] );
	}

	public function test_with_a_remote_backend_the_event_goes_to_its_server_events_route_with_the_app_id_and_key(): void {
		$this->connect_remote();
		self::$collector->answer(
			SyncTest::status(
				200,
				'{"accepted":1,"duplicates":0,"rejected":[]}'
			)
		);

		$id = footprints_track( 'order_completed', array( 'total' => '12.50' ), array( 'device_id' => 'device_0001' ) );

		$this->assertInstanceOf( RemoteEventSink::class, plugin()->event_sink() );
		$this->assertIsString( $id );
		$requests = self::$collector->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( 'POST', $requests[0]['method'] );
		$this->assertSame( '/?rest_route=/footprints/v1/server-events', $requests[0]['uri'] );
		$this->assertSame( 'app_site_one', $requests[0]['headers']['x-footprints-app-id'] );
		$this->assertSame( 'Bearer fpk_secret_key', $requests[0]['headers']['authorization'], 'the hub knows this site by its key, which lets it send server-only events' );
		$sent = json_decode( $requests[0]['body'], true )['events'][0];
		$this->assertSame( $id, $sent['id'] );
		$this->assertSame( 'order_completed', $sent['event'] );
		$this->assertSame( 'app_site_one', $sent['app_id'] );
		$this->assertSame( 'device_0001', $sent['device_id'] );
		$this->assertSame( 0, plugin()->events()->query( array( 'event' => 'order_completed' ) )['total'], 'nothing stored on this site' );
	}

	public function test_the_remote_collectors_refusal_is_the_callers_error(): void {
		$this->connect_remote();
		self::$collector->answer( SyncTest::status( 200, '{"accepted":0,"duplicates":0,"rejected":[{"index":0,"id":null,"code":"footprints_unknown_event","message":"No event is defined with the code \"order_completed\"."}]}' ) );

		$result = footprints_track( 'order_completed' );

		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'footprints_unknown_event', $result->get_error_code() );
	}

	public function test_a_remote_collector_that_fails_is_an_error_to_retry_never_a_silent_success(): void {
		$this->connect_remote();
		self::$collector->answer( SyncTest::status( 503, '{"message":"Maintenance"}' ) );

		$result = footprints_track( 'order_completed' );

		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'footprints_remote_collect_failed', $result->get_error_code() );
		$this->assertStringContainsString( 'HTTP 503', $result->get_error_message() );
		$this->assertStringContainsString( 'Send them again later', $result->get_error_message() );
	}

	/**
	 * Connects this site to the loopback collector as its remote backend.
	 */
	private function connect_remote(): void {
		plugin()->backend_settings()->save(
			array(
				'mode'   => RemoteBackendSettings::REMOTE,
				'url'    => self::$collector->url(),
				'app_id' => 'app_site_one',
			),
			'fpk_secret_key'
		);
	}
}
