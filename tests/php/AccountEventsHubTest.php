<?php
/**
 * A site whose backend is a hub records its server-only events there: its
 * footprints_track() posts to the hub's footprints/v1/server-events with
 * its app ID and key (caught by a real loopback server), and that very
 * request, handed to this site acting as the hub, is stored with the
 * site's app ID. A wrong key stores nothing, a site cannot write another
 * site's events, and the public collector still refuses server-only events.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Backend\RemoteBackendSettings;
use function Footprints\plugin;

final class AccountEventsHubTest extends TestCase {

	private const ROUTE = '/footprints/v1/server-events';

	private static LoopbackServer $hub;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$hub = new LoopbackServer( 'FOOTPRINTS_RECEIVER_PORT', 8893 );
		self::$hub->start();
	}

	public static function tearDownAfterClass(): void {
		self::$hub->stop();
		parent::tearDownAfterClass();
	}

	public function test_a_connected_sites_sign_in_is_sent_with_its_key_and_stored_on_the_hub_with_its_app_id(): void {
		$site = $this->connect_site( 'shop.example.com' );
		$user = $this->log_in_as( 'subscriber' );
		wp_set_current_user( 0 );
		$this->use_hub( $site['site']['app_id'], $site['api_key'] );
		self::$hub->answer( SyncTest::status( 200, '{"accepted":1,"duplicates":0,"rejected":[]}' ) );

		$id = footprints_track(
			'authentication',
			array( 'method' => 'password' ),
			array(
				'device_id' => 'dev_hubsent01',
				'wp_user'   => $user,
			)
		);

		$this->assertIsString( $id );
		$requests = self::$hub->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( 'POST', $requests[0]['method'] );
		$this->assertSame( '/?rest_route=' . self::ROUTE, $requests[0]['uri'] );
		$this->assertSame( 'Bearer ' . $site['api_key'], $requests[0]['headers']['authorization'] );
		$this->assertSame( $site['site']['app_id'], $requests[0]['headers']['x-footprints-app-id'] );
		$this->assertArrayNotHasKey( 'wp_user', json_decode( $requests[0]['body'], true )['events'][0], 'the hub has no users of this site' );

		// The hub's side: the same request, as it arrived.
		$stored = $this->send( $requests[0]['body'], $site['site']['app_id'], $requests[0]['headers']['authorization'] );

		$this->assertSame( 200, $stored->get_status() );
		$this->assertSame(
			array(
				'accepted'   => 1,
				'duplicates' => 0,
				'rejected'   => array(),
			),
			$stored->get_data()
		);
		$this->assertSame( array( $site['site']['app_id'] => 1 ), $this->stored( 'authentication' ) );
		$this->assertSame( 'dev_hubsent01', $this->column( 'device_id', $id ) );
		$listed = plugin()->connected_sites()->find( $site['site']['app_id'] );
		$this->assertNull( $listed['last_sync_at'], 'sending events is no sync' );
		$this->assertSame( 1, $listed['events_7d'] );
	}

	public function test_a_wrong_or_missing_key_is_a_401_that_says_so_and_stores_nothing(): void {
		$site   = $this->connect_site( 'shop.example.com' );
		$other  = $this->connect_site( 'blog.example.com' );
		$events = (string) wp_json_encode( array( 'events' => array( $this->event( 'evt_hub_wrongkey', 'authentication' ) ) ) );

		$wrong   = $this->send( $events, $site['site']['app_id'], 'Bearer ' . $other['api_key'] );
		$missing = $this->send( $events, $site['site']['app_id'], '' );
		$unknown = $this->send( $events, 'app_neveradded00', 'Bearer ' . $site['api_key'] );

		$this->assertSame( array( 401, 401, 401 ), array( $wrong->get_status(), $missing->get_status(), $unknown->get_status() ) );
		$this->assertSame( 'footprints_invalid_api_key', $wrong->as_error()->get_error_code() );
		$this->assertStringContainsString( 'not valid for the app ID ' . $site['site']['app_id'], $wrong->as_error()->get_error_message() );
		$this->assertSame( 'footprints_api_key_missing', $missing->as_error()->get_error_code() );
		$this->assertStringContainsString( 'Authorization: Bearer <key>', $missing->as_error()->get_error_message() );
		$this->assertSame( 'footprints_unknown_app', $unknown->as_error()->get_error_code() );
		$this->assertSame( array(), $this->stored( 'authentication' ) );
	}

	public function test_a_revoked_sites_key_stores_nothing(): void {
		$site = $this->connect_site( 'shop.example.com' );
		$this->log_in_as( 'administrator' );
		$this->assertSame( 200, $this->rest( 'POST', '/footprints/v1/sites/' . $site['site']['app_id'] . '/revoke' )->get_status() );
		wp_set_current_user( 0 );

		$refused = $this->send( (string) wp_json_encode( array( 'events' => array( $this->event( 'evt_hub_revoked', 'authentication' ) ) ) ), $site['site']['app_id'], 'Bearer ' . $site['api_key'] );

		$this->assertSame( 401, $refused->get_status() );
		$this->assertSame( 'footprints_site_revoked', $refused->as_error()->get_error_code() );
		$this->assertSame( array(), $this->stored( 'authentication' ) );
	}

	public function test_a_site_cannot_write_another_sites_events_and_its_good_events_still_count(): void {
		$shop    = $this->connect_site( 'shop.example.com' );
		$blog    = $this->connect_site( 'blog.example.com' );
		$foreign = array( 'app_id' => $blog['site']['app_id'] ) + $this->event( 'evt_hub_foreign', 'verified_conversion' );
		$own     = $this->event( 'evt_hub_ownevent', 'verified_conversion' );
		$hubs    = array( 'app_id' => (string) plugin()->connected_sites()->hub_app_id() ) + $this->event( 'evt_hub_hubs', 'verified_conversion' );

		$answer = $this->send( (string) wp_json_encode( array( 'events' => array( $foreign, $own, $hubs ) ) ), $shop['site']['app_id'], 'Bearer ' . $shop['api_key'] );

		$this->assertSame( 200, $answer->get_status() );
		$this->assertSame( 1, $answer->get_data()['accepted'] );
		$rejected = $answer->get_data()['rejected'];
		$this->assertSame( array( 0, 2 ), array_column( $rejected, 'index' ) );
		$this->assertSame( array( 'footprints_app_id_mismatch', 'footprints_app_id_mismatch' ), array_column( $rejected, 'code' ) );
		$this->assertStringContainsString( 'this key sends the events of the app ID ' . $shop['site']['app_id'] . ' only, not of "' . $blog['site']['app_id'] . '"', $rejected[0]['message'] );
		$this->assertSame( array( $shop['site']['app_id'] => 1 ), $this->stored( 'verified_conversion' ) );
	}

	public function test_the_hub_trusts_no_wordpress_user_of_another_site(): void {
		$site  = $this->connect_site( 'shop.example.com' );
		$event = array( 'wp_user' => 1 ) + $this->event( 'evt_hub_wpuser', 'authentication' );

		$answer = $this->send( (string) wp_json_encode( array( 'events' => array( $event ) ) ), $site['site']['app_id'], 'Bearer ' . $site['api_key'] );

		$this->assertSame( 0, $answer->get_data()['accepted'] );
		$this->assertSame( 'footprints_invalid_event', $answer->get_data()['rejected'][0]['code'] );
		$this->assertStringContainsString( 'unknown field "wp_user"', $answer->get_data()['rejected'][0]['message'] );
		$this->assertSame( array(), $this->stored( 'authentication' ) );
	}

	public function test_a_batch_has_the_collectors_bounds(): void {
		$site = $this->connect_site( 'shop.example.com' );
		$most = plugin()->collector_config()->current()->limit( 'events_per_batch' );
		$many = array_map( fn( int $i ) => $this->event( sprintf( 'evt_hub_many%04d', $i ), 'authentication' ), range( 0, $most ) );

		$too_many = $this->send( (string) wp_json_encode( array( 'events' => $many ) ), $site['site']['app_id'], 'Bearer ' . $site['api_key'] );
		$none     = $this->send( '{"events":[]}', $site['site']['app_id'], 'Bearer ' . $site['api_key'] );

		$this->assertSame( 51, $most + 1 );
		$this->assertSame( array( 400, 400 ), array( $too_many->get_status(), $none->get_status() ) );
		$this->assertSame( 'rest_invalid_param', $too_many->as_error()->get_error_code() );
		$this->assertSame( array(), $this->stored( 'authentication' ) );
	}

	public function test_the_public_collector_still_refuses_server_only_events(): void {
		$answer = $this->collect( array( $this->event( 'evt_hub_public', 'authentication' ) ) );

		$this->assertSame( 0, $answer['accepted'] );
		$this->assertSame( 'footprints_server_only_event', $answer['rejected'][0]['code'] );
		$this->assertSame( array(), $this->stored( 'authentication' ) );
	}

	public function test_the_key_is_not_sent_to_an_address_it_was_not_saved_for(): void {
		$site = $this->connect_site( 'shop.example.com' );
		$this->use_hub( $site['site']['app_id'], $site['api_key'] );
		// A plugin or a restored backup points the backend elsewhere without the key.
		update_option( RemoteBackendSettings::OPTION, array( 'url' => self::$hub->url( 'localhost' ) ) + plugin()->backend_settings()->get() );
		self::$hub->answer( SyncTest::status( 200, '{"accepted":1,"duplicates":0,"rejected":[]}' ) );

		$result = footprints_track( 'authentication', array( 'method' => 'password' ) );

		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'footprints_remote_key_missing', $result->get_error_code() );
		$this->assertSame( 401, $result->get_error_data()['status'] );
		$this->assertSame( array(), self::$hub->requests(), 'nothing was sent' );
	}

	public function test_a_hub_that_refuses_the_key_is_an_error_naming_it(): void {
		$this->use_hub( 'app_site_one', 'fpk_rotated_key' );
		self::$hub->answer( SyncTest::status( 401, '{"code":"footprints_invalid_api_key","message":"This API key is not valid for the app ID app_site_one.","data":{"status":401}}' ) );

		$result = footprints_track( 'authentication', array( 'method' => 'password' ) );

		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'footprints_remote_unauthorized', $result->get_error_code() );
		$this->assertSame( 401, $result->get_error_data()['status'] );
		$this->assertStringContainsString( 'refused this site\'s app ID or API key', $result->get_error_message() );
		$this->assertStringContainsString( 'not valid for the app ID app_site_one', $result->get_error_message() );
	}

	/**
	 * Connects a site to this one (the hub), as its admin does.
	 *
	 * @param string $name Site name.
	 * @return array{site: array<string, mixed>, api_key: string}
	 */
	private function connect_site( string $name ): array {
		$this->log_in_as( 'administrator' );
		$response = $this->rest( 'POST', '/footprints/v1/sites', array( 'name' => $name ) );
		wp_set_current_user( 0 );
		$this->assertSame( 201, $response->get_status() );
		return $response->get_data();
	}

	/**
	 * Makes the loopback server this site's remote backend.
	 *
	 * @param string $app_id App ID.
	 * @param string $key    API key.
	 */
	private function use_hub( string $app_id, string $key ): void {
		plugin()->backend_settings()->save(
			array(
				'mode'   => RemoteBackendSettings::REMOTE,
				'url'    => self::$hub->url(),
				'app_id' => $app_id,
			),
			$key
		);
	}

	/**
	 * Posts a body to the hub's server-events route with these credentials.
	 *
	 * @param string $body          JSON body.
	 * @param string $app_id        X-Footprints-App-Id.
	 * @param string $authorization Authorization header ('' for none).
	 */
	private function send( string $body, string $app_id, string $authorization ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'POST', self::ROUTE );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_header( 'X-Footprints-App-Id', $app_id );
		if ( '' !== $authorization ) {
			$request->set_header( 'Authorization', $authorization );
		}
		$request->set_body( $body );
		return rest_do_request( $request );
	}

	/**
	 * A minimal event.
	 *
	 * @param string $id   Event id.
	 * @param string $code Event code.
	 * @return array<string, mixed>
	 */
	private function event( string $id, string $code ): array {
		return array(
			'id'         => $id,
			'event'      => $code,
			'device_id'  => 'dev_hubtest01',
			'attributes' => 'authentication' === $code ? array( 'method' => 'password' ) : array( 'method' => 'email_link' ),
		);
	}

	/**
	 * Stored events of a code, counted per app ID.
	 *
	 * @param string $code Event code.
	 * @return array<string, int>
	 */
	private function stored( string $code ): array {
		global $wpdb;
		$table = plugin()->events()->table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$rows = (array) $wpdb->get_results( $wpdb->prepare( "SELECT app_id, COUNT(*) AS n FROM {$table} WHERE code = %s GROUP BY app_id ORDER BY app_id", $code ), ARRAY_A );
		return array_map( 'intval', array_column( $rows, 'n', 'app_id' ) );
	}

	/**
	 * One column of a stored event.
	 *
	 * @param string $column Column.
	 * @param string $id     Event id.
	 */
	private function column( string $column, string $id ): ?string {
		global $wpdb;
		$table = plugin()->events()->table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table and column names only.
		$value = $wpdb->get_var( $wpdb->prepare( "SELECT {$column} FROM {$table} WHERE event_id = %s", $id ) );
		return null === $value ? null : (string) $value;
	}
}
