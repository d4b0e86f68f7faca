<?php
/**
 * The remote backend's key stays put and no admin can make this server
 * call what it should not: asserted on real loopback HTTP servers (two
 * hosts: 127.0.0.1 and localhost, two ports), so WordPress' own URL
 * validation runs on every request.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Backend\BackendUrl;
use Footprints\Backend\RemoteBackendSettings;
use function Footprints\plugin;

final class BackendKeyTest extends TestCase {

	private const KEY = 'fpk_saved_for_backend_a';

	private static LoopbackServer $backend;
	private static LoopbackServer $elsewhere;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$backend   = new LoopbackServer( 'FOOTPRINTS_RECEIVER_PORT', 8893 );
		self::$elsewhere = new LoopbackServer( 'FOOTPRINTS_RECEIVER_OTHER_PORT', 8894 );
		self::$backend->start();
		self::$elsewhere->start();
	}

	public static function tearDownAfterClass(): void {
		self::$backend->stop();
		self::$elsewhere->stop();
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		self::$backend->answer( SyncTest::page( array( SyncTest::definition( 'signed_up' ) ) ) );
		self::$elsewhere->answer( SyncTest::page( array( SyncTest::definition( 'stolen' ) ) ) );
		plugin()->backend_settings()->save(
			array(
				'mode'   => RemoteBackendSettings::REMOTE,
				'url'    => self::$backend->url(),
				'app_id' => 'app_a',
			),
			self::KEY
		);
		$this->log_in_as( 'administrator' );
	}

	public function test_testing_another_url_without_its_key_sends_nothing_there(): void {
		$response = $this->rest( 'POST', '/footprints/v1/connection/test', array( 'url' => self::$elsewhere->url() ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'api_key', $response->as_error()->get_error_data()['field'] );
		$this->assertStringContainsString( 'enter its API key again', $response->as_error()->get_error_message() );
		$this->assertSame( array(), self::$elsewhere->requests(), 'the stored key never reached the other URL' );
	}

	public function test_testing_another_app_id_without_its_key_sends_nothing(): void {
		$response = $this->rest( 'POST', '/footprints/v1/connection/test', array( 'app_id' => 'app_b' ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( array(), self::$backend->requests() );
	}

	public function test_saving_another_url_needs_the_key_again_and_changes_nothing_without_it(): void {
		$response = $this->rest( 'PUT', '/footprints/v1/connection', array( 'url' => self::$elsewhere->url() ) );
		plugin()->syncer()->sync();

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'api_key', $response->as_error()->get_error_data()['field'] );
		$this->assertSame( self::$backend->url(), plugin()->backend_settings()->url() );
		$this->assertSame( array(), self::$elsewhere->requests() );
		$this->assertSame( 'Bearer ' . self::KEY, self::$backend->requests()[0]['headers']['authorization'] );
	}

	public function test_a_url_changed_behind_the_settings_screen_gets_no_key(): void {
		// A plugin, a restored backup or a direct database edit moves the URL.
		update_option(
			RemoteBackendSettings::OPTION,
			array(
				'mode'   => RemoteBackendSettings::REMOTE,
				'url'    => self::$elsewhere->url(),
				'app_id' => 'app_a',
			)
		);

		$error = plugin()->syncer()->sync();

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'footprints_no_api_key', $error->get_error_code() );
		$this->assertSame( array(), self::$elsewhere->requests() );
	}

	public function test_a_new_url_with_a_new_key_gets_the_new_key_only(): void {
		$saved = $this->rest(
			'PUT',
			'/footprints/v1/connection',
			array(
				'url'     => self::$elsewhere->url(),
				'api_key' => 'fpk_for_elsewhere',
			)
		);
		plugin()->syncer()->sync( true );

		$this->assertSame( 200, $saved->get_status() );
		$sent = self::$elsewhere->requests();
		$this->assertCount( 1, $sent );
		$this->assertSame( 'Bearer fpk_for_elsewhere', $sent[0]['headers']['authorization'] );
		$this->assertStringNotContainsString( self::KEY, (string) wp_json_encode( $sent ) );
	}

	public function test_a_redirect_to_another_host_is_not_followed(): void {
		self::$backend->answer(
			array(
				'status'  => 302,
				'headers' => array( 'Location' => self::$elsewhere->url( 'localhost' ) . '/?rest_route=/footprints/v1/definitions' ),
			)
		);

		$error = plugin()->syncer()->sync();

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'footprints_remote_redirect_refused', $error->get_error_code() );
		$this->assertStringContainsString( 'redirected to ' . self::$elsewhere->url( 'localhost' ), $error->get_error_message() );
		$this->assertSame( array(), self::$elsewhere->requests(), 'the key was not re-sent to the other host' );
		$this->assertNull( plugin()->definitions()->find( 'stolen' ) );
	}

	public function test_a_redirect_within_the_backend_is_followed_with_the_key(): void {
		self::$backend->answer(
			array(
				'status'  => 301,
				'headers' => array( 'Location' => '/?rest_route=/footprints/v1/definitions&per_page=100&page=1&moved=1' ),
			),
			SyncTest::page( array( SyncTest::definition( 'signed_up' ) ) )
		);

		$status = plugin()->syncer()->sync();

		$this->assertIsArray( $status );
		$this->assertSame( 'synced', $status['result'] );
		$requests = self::$backend->requests();
		$this->assertCount( 2, $requests );
		$this->assertStringContainsString( 'moved=1', $requests[1]['uri'] );
		$this->assertSame( 'Bearer ' . self::KEY, $requests[1]['headers']['authorization'] );
	}

	/**
	 * @dataProvider refused_without_the_constant
	 *
	 * @param string $url   Base URL an admin enters.
	 * @param string $words Words of the refusal.
	 */
	public function test_private_hosts_and_other_ports_are_refused_without_the_constant( string $url, string $words ): void {
		$refusal = BackendUrl::check( $url, false );

		$this->assertInstanceOf( \WP_Error::class, $refusal );
		$this->assertStringContainsString( $words, $refusal->get_error_message() );
		$this->assertSame( 400, $refusal->get_error_data()['status'] );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function refused_without_the_constant(): array {
		$constant = "define( 'FOOTPRINTS_ALLOW_PRIVATE_BACKEND', true );";
		return array(
			'loopback'                => array( 'http://127.0.0.1', $constant ),
			'localhost'               => array( 'http://localhost', $constant ),
			'private network'         => array( 'https://10.0.0.5', $constant ),
			'home router'             => array( 'https://192.168.1.1', $constant ),
			'cloud metadata'          => array( 'https://169.254.169.254', $constant ),
			'carrier-grade NAT'       => array( 'https://100.64.0.1', $constant ),
			'IPv6 loopback'           => array( 'http://[::1]', $constant ),
			'IPv4-mapped private'     => array( 'https://[::ffff:10.0.0.1]', $constant ),
			'another port'            => array( 'https://203.0.114.10:8443', 'port 8443 is not a standard web port' ),
			'loopback on our port'    => array( 'http://127.0.0.1:8831', 'port 8831' ),
			'plain http'              => array( 'http://203.0.114.10', 'use https://' ),
			'a query'                 => array( 'https://203.0.114.10/?rest_route=/wp/v2/users', 'query' ),
			'a fragment'              => array( 'https://203.0.114.10/#x', 'fragment' ),
			'user info'               => array( 'https://admin:secret@203.0.114.10', 'user name, password' ),
			'not http'                => array( 'file:///etc/passwd', 'https://host' ),
			'user info hiding a host' => array( 'https://203.0.114.10@127.0.0.1', 'user name' ),
		);
	}

	public function test_the_constant_allows_private_hosts_but_never_clear_text_off_this_machine(): void {
		$this->assertNull( BackendUrl::check( 'http://127.0.0.1:8831', true ) );
		$this->assertNull( BackendUrl::check( 'https://10.0.0.5:8443/wordpress', true ) );
		$this->assertNull( BackendUrl::check( 'https://203.0.114.10', false ), 'a public https address needs nothing' );
		$this->assertStringContainsString( 'use https://', BackendUrl::check( 'http://10.0.0.5', true )->get_error_message() );
		$this->assertStringContainsString( 'query', BackendUrl::check( 'http://127.0.0.1/?x=1', true )->get_error_message() );
	}

	public function test_saving_a_refused_url_is_a_400_naming_the_field(): void {
		$response = $this->rest(
			'PUT',
			'/footprints/v1/connection',
			array(
				'url'     => 'https://backend.example.test/?rest_route=/x',
				'api_key' => 'fpk_new',
			)
		);

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'url', $response->as_error()->get_error_data()['field'] );
		$this->assertSame( self::$backend->url(), plugin()->backend_settings()->url() );
	}
}
