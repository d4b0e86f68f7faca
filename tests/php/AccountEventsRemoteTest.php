<?php
/**
 * The user an account event happened to (footprints_track()'s wp_user) is
 * this site's to link: a remote backend (a real loopback server here) gets
 * the event without it; the hub, which has no users of this site, would
 * refuse it as an unknown field otherwise (AccountEventsHubTest).
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Backend\RemoteBackendSettings;
use function Footprints\plugin;

final class AccountEventsRemoteTest extends TestCase {

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

	public function test_a_remote_backend_gets_the_event_without_the_wordpress_user(): void {
		$user = $this->log_in_as( 'subscriber' );
		wp_set_current_user( 0 );
		plugin()->backend_settings()->save(
			array(
				'mode'   => RemoteBackendSettings::REMOTE,
				'url'    => self::$collector->url(),
				'app_id' => 'app_site_one',
			),
			'fpk_secret_key'
		);
		self::$collector->answer( SyncTest::status( 200, '{"accepted":1,"duplicates":0,"rejected":[]}' ) );

		$id = footprints_track(
			'authentication_started',
			array( 'method' => 'sso' ),
			array(
				'device_id' => 'dev_remote_0001',
				'wp_user'   => $user,
			)
		);

		$this->assertIsString( $id );
		$requests = self::$collector->requests();
		$this->assertCount( 1, $requests );
		$sent = array_diff_key( json_decode( $requests[0]['body'], true )['events'][0], array( 'time' => true ) );
		ksort( $sent );
		$this->assertSame(
			array(
				'app_id'     => 'app_site_one',
				'attributes' => array( 'method' => 'sso' ),
				'device_id'  => 'dev_remote_0001',
				'event'      => 'authentication_started',
				'id'         => $id,
			),
			$sent
		);
	}
}
