<?php
/**
 * WordPress' account system events, emitted where they happen: a sign-in
 * (`authentication`), the sign-in and registration forms (the load trigger
 * of `authentication_started`), a visitor's own new or verified account
 * (`verified_conversion`, once per person) and the gated-content prompt
 * (`blur_screen`). Each is switched off by disabling its definition.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- the test fires WordPress' own hooks, as WordPress does.

use Footprints\Assets\Client;
use Footprints\SystemEvents\AccountVerified;
use Footprints\SystemEvents\AuthStartedTrigger;
use Footprints\SystemEvents\DeviceHandoff;
use Footprints\SystemEvents\LoadTrigger;
use Footprints\SystemEvents\LoginPageClient;
use Footprints\Triggers\TriggerMarkup;
use function Footprints\plugin;

final class AccountEventsTest extends TestCase {

	private const DEVICE = 'dev_account_0001';

	private const PASSWORD = 'correct horse battery staple';

	protected function setUp(): void {
		parent::setUp();
		add_filter( 'send_auth_cookies', '__return_false' );
		$_SERVER['REQUEST_URI'] = '/wp-login.php?action=login&key=secret-reset-key';
	}

	protected function tearDown(): void {
		remove_filter( 'send_auth_cookies', '__return_false' );
		unset( $_COOKIE[ DeviceHandoff::COOKIE ], $_SERVER['HTTP_REFERER'] );
		$_SERVER['REQUEST_URI'] = '/';
		wp_dequeue_script_module( Client::MODULE );
		parent::tearDown();
	}

	public function test_signing_in_stores_authentication_with_the_handoff_device_and_links_it_to_the_user(): void {
		$user                             = $this->user( 'lena', 'lena@example.test' );
		$_COOKIE[ DeviceHandoff::COOKIE ] = self::DEVICE;

		$signed_in = wp_signon(
			array(
				'user_login'    => 'lena',
				'user_password' => self::PASSWORD,
			)
		);

		$this->assertInstanceOf( \WP_User::class, $signed_in );
		$this->assertSame(
			self::from_login( 'authentication', 'password' ),
			$this->stored( 'authentication' )
		);
		$person = $this->person_of( self::DEVICE );
		$this->assertSame( (string) $user, (string) $person['wp_user_id'] );
		$this->assertSame( 'lena@example.test', $person['email'] );
	}

	public function test_a_sign_in_without_the_handoff_cookie_is_counted_without_a_device(): void {
		$this->user( 'nodevice', 'nodevice@example.test' );
		$_COOKIE[ DeviceHandoff::COOKIE ] = 'not a device id; path=/';

		wp_signon(
			array(
				'user_login'    => 'nodevice',
				'user_password' => self::PASSWORD,
			)
		);

		$this->assertSame( array( null ), array_column( $this->stored( 'authentication' ), 'device_id' ) );
	}

	public function test_a_single_sign_on_plugin_names_its_method(): void {
		$this->user( 'sso', 'sso@example.test' );
		$_COOKIE[ DeviceHandoff::COOKIE ] = self::DEVICE;
		$method                           = static fn( string $method, \WP_User $user ): string => 'sso' === $user->user_login ? 'google' : $method;
		add_filter( 'footprints_authentication_method', $method, 10, 2 );

		wp_signon(
			array(
				'user_login'    => 'sso',
				'user_password' => self::PASSWORD,
			)
		);
		remove_filter( 'footprints_authentication_method', $method );

		$this->assertSame( array( array( 'method' => 'google' ) ), array_column( $this->stored( 'authentication' ), 'attributes' ) );
	}

	public function test_the_page_is_the_referring_page_of_this_site_without_its_query(): void {
		$this->user( 'ajax', 'ajax@example.test' );
		$this->user( 'foreign', 'foreign@example.test' );
		$_COOKIE[ DeviceHandoff::COOKIE ] = self::DEVICE;
		$_SERVER['REQUEST_URI']           = '/wp-admin/admin-ajax.php?action=sign_in';

		$_SERVER['HTTP_REFERER'] = home_url( '/members/?redirect=%2Fguide%2F' );
		wp_signon(
			array(
				'user_login'    => 'ajax',
				'user_password' => self::PASSWORD,
			)
		);
		$_SERVER['HTTP_REFERER'] = 'https://elsewhere.example/members/';
		wp_signon(
			array(
				'user_login'    => 'foreign',
				'user_password' => self::PASSWORD,
			)
		);

		$this->assertSame( array( home_url( '/members/' ), home_url( '/wp-admin/admin-ajax.php' ) ), array_column( $this->stored( 'authentication' ), 'page' ) );
	}

	public function test_authenticating_without_signing_in_and_checking_a_cookie_again_store_nothing(): void {
		$user                             = $this->user( 'api', 'api@example.test' );
		$_COOKIE[ DeviceHandoff::COOKIE ] = self::DEVICE;

		// What application passwords, XML-RPC and basic auth go through.
		$this->assertInstanceOf( \WP_User::class, wp_authenticate( 'api', self::PASSWORD ) );
		// A signed-in visitor's next request.
		$cookie = wp_generate_auth_cookie( $user, time() + HOUR_IN_SECONDS, 'logged_in' );
		$this->assertSame( $user, wp_validate_auth_cookie( $cookie, 'logged_in' ) );
		// A wrong password.
		$this->assertInstanceOf(
			\WP_Error::class,
			wp_signon(
				array(
					'user_login'    => 'api',
					'user_password' => 'wrong',
				)
			)
		);

		$this->assertSame( array(), $this->stored( 'authentication' ) );
	}

	public function test_a_disabled_authentication_event_is_switched_off_and_counts_no_refusal(): void {
		$this->user( 'off', 'off@example.test' );
		plugin()->definitions()->set_enabled( 'authentication', false );
		$_COOKIE[ DeviceHandoff::COOKIE ] = self::DEVICE;

		wp_signon(
			array(
				'user_login'    => 'off',
				'user_password' => self::PASSWORD,
			)
		);

		$this->assertSame( array(), $this->stored( 'authentication' ) );
		$this->assertSame( 0, $this->refused( 'authentication' ) );
	}

	public function test_footprints_track_takes_wp_user_as_trusted_context_and_refuses_a_wrong_one(): void {
		$user = $this->user( 'code', 'code@example.test' );

		$id    = footprints_track(
			'authentication',
			array( 'method' => 'sso' ),
			array(
				'device_id' => 'dev_account_0002',
				'wp_user'   => $user,
			)
		);
		$wrong = footprints_track(
			'authentication',
			array(),
			array(
				'device_id' => 'dev_account_0003',
				'wp_user'   => '1',
			)
		);
		$gone  = footprints_track(
			'authentication',
			array(),
			array(
				'device_id' => 'dev_account_0003',
				'wp_user'   => 999999,
			)
		);

		$this->assertIsString( $id );
		$this->assertSame( (string) $user, (string) $this->person_of( 'dev_account_0002' )['wp_user_id'] );
		$this->assertSame( 'context[wp_user] must be the ID (an integer) of an existing WordPress user; "1" is not.', $wrong->get_error_message() );
		$this->assertSame( 400, $wrong->get_error_data()['status'] );
		$this->assertSame( 'context[wp_user] must be the ID (an integer) of an existing WordPress user; "999999" is not.', $gone->get_error_message() );
		$this->assertSame( array( 'dev_account_0002' ), array_column( $this->stored( 'authentication' ), 'device_id' ) );
	}

	public function test_the_ingest_takes_only_a_user_id_as_trusted_context(): void {
		$user = $this->user( 'ingest', 'ingest@example.test' );

		$result = plugin()->ingest()->ingest(
			array(
				array(
					'id'        => 'evt_account_001',
					'event'     => 'authentication',
					'device_id' => 'dev_account_0005',
					'wp_user'   => $user,
				),
				array(
					'id'        => 'evt_account_002',
					'event'     => 'authentication',
					'device_id' => 'dev_account_0006',
					'wp_user'   => (string) $user,
				),
			)
		);

		$this->assertSame( 1, $result['accepted'] );
		$this->assertSame( array( 1 ), array_column( $result['rejected'], 'index' ) );
		$this->assertStringStartsWith( 'event has an unknown field "wp_user"', $result['rejected'][0]['message'] );
		$this->assertSame( (string) $user, (string) $this->person_of( 'dev_account_0005' )['wp_user_id'] );
	}

	public function test_a_visitors_own_registration_is_verified_once_and_names_the_device(): void {
		$_COOKIE[ DeviceHandoff::COOKIE ] = self::DEVICE;

		$user = $this->user( 'newbie', 'newbie@example.test' );
		// The emailed link to set a password, then a second registration hook (a plugin's).
		reset_password( get_userdata( $user ), 'another password 1' );
		do_action( 'user_register', $user, array() );

		$this->assertSame(
			self::from_login( 'verified_conversion', 'register' ),
			$this->stored( 'verified_conversion' )
		);
		$this->assertSame( AccountVerified::event_id( $user ), plugin()->events()->query( array( 'event' => 'verified_conversion' ) )['items'][0]['id'] );
		$person = $this->person_of( self::DEVICE );
		$this->assertSame( (string) $user, (string) $person['wp_user_id'] );
		$this->assertSame( 'newbie@example.test', $person['email'] );
	}

	public function test_an_account_an_admin_creates_is_not_verified_until_its_owner_sets_the_password_from_the_email(): void {
		$this->log_in_as( 'administrator' );
		$_COOKIE[ DeviceHandoff::COOKIE ] = 'dev_admin_00001';
		$user                             = $this->user( 'invited', 'invited@example.test' );
		$this->assertSame( array(), $this->stored( 'verified_conversion' ), 'the admin created it' );

		wp_set_current_user( 0 );
		$_COOKIE[ DeviceHandoff::COOKIE ] = self::DEVICE;
		reset_password( get_userdata( $user ), 'invited password 1' );
		reset_password( get_userdata( $user ), 'invited password 2' );

		$this->assertSame(
			self::from_login( 'verified_conversion', 'email_link' ),
			$this->stored( 'verified_conversion' )
		);
	}

	public function test_a_person_who_has_the_event_from_other_code_gets_no_second(): void {
		$user = $this->user( 'known', 'known@example.test', true );
		footprints_track(
			'verified_conversion',
			array( 'method' => 'double_opt_in' ),
			array(
				'device_id' => 'dev_account_0004',
				'wp_user'   => $user,
			)
		);
		$_COOKIE[ DeviceHandoff::COOKIE ] = self::DEVICE;

		reset_password( get_userdata( $user ), 'known password 1' );

		$this->assertSame( array( 'dev_account_0004' ), array_column( $this->stored( 'verified_conversion' ), 'device_id' ) );
	}

	public function test_an_account_made_without_a_visitors_browser_is_not_verified(): void {
		// A payment provider's webhook, an import: nobody signed in, no handoff cookie.
		$user = $this->user( 'webhook', 'webhook@example.test' );
		reset_password( get_userdata( $user ), 'webhook password 1' );

		$this->assertSame( array(), $this->stored( 'verified_conversion' ) );
	}

	public function test_a_disabled_verified_conversion_is_switched_off(): void {
		plugin()->definitions()->set_enabled( 'verified_conversion', false );
		$_COOKIE[ DeviceHandoff::COOKIE ] = self::DEVICE;

		$this->user( 'quiet', 'quiet@example.test' );

		$this->assertSame( array(), $this->stored( 'verified_conversion' ) );
		$this->assertSame( 0, $this->refused( 'verified_conversion' ) );
	}

	public function test_the_sign_in_and_registration_forms_print_the_load_trigger_of_authentication_started(): void {
		$this->assertSame( '<span hidden data-footprints-event="authentication_started" data-footprints-on="load" data-footprints-attrs="{&quot;method&quot;:&quot;password&quot;}"></span>', $this->output( 'login_form' ) );
		$this->assertSame( '<span hidden data-footprints-event="authentication_started" data-footprints-on="load" data-footprints-attrs="{&quot;method&quot;:&quot;register&quot;}"></span>', $this->output( 'register_form' ) );
		$this->assertContains( 'authentication_started', plugin()->client()->codes() );

		plugin()->definitions()->set_enabled( 'authentication_started', false );
		$this->assertSame( '', $this->output( 'login_form' ) );
	}

	public function test_the_login_screen_prints_the_client_with_its_data_the_same_for_everyone(): void {
		$anonymous = $this->login_screen();
		$this->log_in_as( 'administrator' );
		$admin = $this->login_screen();

		$this->assertSame( $anonymous, $admin );
		$this->assertStringContainsString( '<script id="@footprints/client-js-module" src="' . plugins_url( 'build/client/index.js', FOOTPRINTS_FILE ), $anonymous ); // phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- the printed tag, read.
		$this->assertStringContainsString( 'self.footprints||', $anonymous, 'the stub' );
		$this->assertMatchesRegularExpression( '#<script id="wp-script-module-data-@footprints/client" type="application/json">\s*(\{.*\})\s*</script>#', $anonymous );
		preg_match( '#<script id="wp-script-module-data-@footprints/client" type="application/json">\s*(\{.*\})\s*</script>#', $anonymous, $data );
		$this->assertContains( 'authentication_started', json_decode( $data[1], true )['events'] );
		$this->assertStringNotContainsString( 'nonce', $anonymous );
	}

	public function test_the_login_screen_loads_no_client_when_every_account_event_is_off(): void {
		foreach ( array( 'authentication', 'authentication_started', 'verified_conversion' ) as $code ) {
			plugin()->definitions()->set_enabled( $code, false );
		}
		// A page's own client (the shared one knows of earlier tests' triggers).
		$client = new Client( plugin()->tracking_settings() );
		$screen = new LoginPageClient( $client, plugin()->server_events() );
		$form   = new AuthStartedTrigger( new LoadTrigger( new TriggerMarkup( plugin()->definitions(), $client, plugin()->coercer() ) ) );

		$screen->enqueue();
		ob_start();
		$form->sign_in_form();
		$screen->print();

		$this->assertSame( '', (string) ob_get_clean() );
		$this->assertFalse( $client->is_enqueued() );
	}

	public function test_the_prompt_auth_hook_prints_the_load_trigger_of_blur_screen(): void {
		$this->assertSame( '<span hidden data-footprints-event="blur_screen" data-footprints-on="load"></span>', $this->output( 'footprints_prompt_auth' ) );
		$this->assertSame( '<span hidden data-footprints-event="blur_screen" data-footprints-on="load" data-footprints-attrs="{&quot;content&quot;:&quot;\u0022\u003E\u003Cb\u003E&quot;}"></span>', $this->output( 'footprints_prompt_auth', array( 'content' => '"><b>' ) ) );
		$this->assertContains( 'blur_screen', plugin()->client()->codes() );

		plugin()->definitions()->set_enabled( 'blur_screen', false );
		$this->assertSame( '', $this->output( 'footprints_prompt_auth' ) );
	}

	/**
	 * A user made while nobody (or the admin) is signed in, as a
	 * registration or the Add User screen makes them.
	 *
	 * @param string $login  Login name.
	 * @param string $email  Email.
	 * @param bool   $quiet  Whether to make them without the registration hook's event (an earlier user).
	 */
	private function user( string $login, string $email, bool $quiet = false ): int {
		if ( $quiet ) {
			plugin()->definitions()->set_enabled( 'verified_conversion', false );
		}
		$id = wp_insert_user(
			array(
				'user_login' => $login,
				'user_email' => $email,
				'user_pass'  => self::PASSWORD,
			)
		);
		if ( $quiet ) {
			plugin()->definitions()->set_enabled( 'verified_conversion', true );
		}
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * What a site owner reads of the one event sent from the sign-in screen by self::DEVICE.
	 *
	 * @param string $code   Event code.
	 * @param string $method Its method attribute.
	 * @return list<array{event: string, device_id: string|null, attributes: array<string, mixed>, page: string}>
	 */
	private static function from_login( string $code, string $method ): array {
		return array(
			array(
				'event'      => $code,
				'device_id'  => self::DEVICE,
				'attributes' => array( 'method' => $method ),
				'page'       => home_url( '/wp-login.php' ),
			),
		);
	}

	/**
	 * The stored events of a code, oldest first, as a site owner reads them.
	 *
	 * @param string $code Event code.
	 * @return list<array{event: string, device_id: string|null, attributes: array<string, mixed>, page: string}>
	 */
	private function stored( string $code ): array {
		$items = plugin()->events()->query( array( 'event' => $code ) )['items'];
		return array_reverse(
			array_map(
				static fn( array $event ) => array(
					'event'      => $event['event'],
					'device_id'  => $event['device_id'],
					'attributes' => (array) $event['attributes'],
					'page'       => $event['page'],
				),
				$items
			)
		);
	}

	/**
	 * How many events of a code were refused.
	 *
	 * @param string $code Event code.
	 */
	private function refused( string $code ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COALESCE(SUM(count), 0) FROM {$wpdb->prefix}footprints_rejections WHERE code = %s", $code ) );
	}

	/**
	 * The person row of a device.
	 *
	 * @param string $device Device id.
	 * @return array<string, mixed>
	 */
	private function person_of( string $device ): array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT p.* FROM {$wpdb->prefix}footprints_people p JOIN {$wpdb->prefix}footprints_person_devices d ON d.person_id = p.id WHERE d.device_id = %s", $device ), ARRAY_A );
		$this->assertIsArray( $row, "device $device has a person" );
		return $row;
	}

	/**
	 * What an action prints.
	 *
	 * @param string $action Action.
	 * @param mixed  ...$args Its arguments.
	 */
	private function output( string $action, mixed ...$args ): string {
		ob_start();
		do_action( $action, ...$args );
		return (string) ob_get_clean();
	}

	/**
	 * Our part of what the login screen prints: its hooks, in WordPress' order.
	 */
	private function login_screen(): string {
		wp_dequeue_script_module( Client::MODULE );
		// A new page: nothing printed yet.
		$forget = function (): void {
			$this->done = array();
		};
		$forget->call( wp_script_modules() );
		do_action( 'login_enqueue_scripts' );
		ob_start();
		do_action( 'login_form' );
		do_action( 'login_footer' );
		return (string) ob_get_clean();
	}
}
