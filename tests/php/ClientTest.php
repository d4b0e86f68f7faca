<?php
/**
 * The client's module, inline stub and settings: printed only where the
 * client loads, the same for every visitor, carrying only what the page
 * needs (its own event codes, no schemas) whatever the catalogue's size.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Assets\Client;
use Footprints\Assets\ClientConsent;
use Footprints\Assets\ClientSettings;
use Footprints\Assets\ClientStub;
use Footprints\Backend\RemoteBackendSettings;
use Footprints\Settings\TrackingSettings;
use function Footprints\plugin;

final class ClientTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		wp_dequeue_script_module( Client::MODULE );
	}

	protected function tearDown(): void {
		wp_dequeue_script_module( Client::MODULE );
		remove_all_filters( 'footprints_client_events' );
		unset( $_GET[ Client::DEBUG_PARAMETER ] ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the test's own request.
		parent::tearDown();
	}

	public function test_a_page_without_triggers_gets_no_stub(): void {
		$this->render( '<!-- wp:paragraph --><p>Nothing tracked</p><!-- /wp:paragraph -->' );

		$this->assertSame( '', $this->printed_stub( new Client( plugin()->tracking_settings() ) ) );
	}

	public function test_a_page_with_a_trigger_gets_the_stub_once_and_it_is_tiny(): void {
		$this->render( '[footprints event="trial_click"]Start[/footprints]' );
		$stub = new ClientStub( plugin()->client() );

		$html = $this->printed_stub( plugin()->client(), $stub );

		$this->assertMatchesRegularExpression( '#^<script>\s*' . preg_quote( ClientStub::source(), '#' ) . '\s*</script>\s*$#', $html );
		$this->assertLessThanOrEqual( 150, strlen( ClientStub::source() ) );
		$this->assertSame( '', $this->printed_stub( plugin()->client(), $stub ), 'printed twice' );
	}

	public function test_the_stub_is_read_from_data_which_a_release_ships(): void {
		$this->assertFileExists( FOOTPRINTS_DIR . ClientStub::FILE );
		$this->assertStringStartsWith( '/data/', ClientStub::FILE );
	}

	public function test_a_trigger_asks_for_its_own_code(): void {
		$this->render( '[footprints event="trial_click"]Start[/footprints]' );

		$this->assertContains( 'trial_click', plugin()->client()->codes() );
	}

	public function test_every_visitor_gets_the_same_stub_and_settings(): void {
		$client    = $this->client_with( 'trial_click' );
		$anonymous = array( $this->printed_stub( $client ), wp_json_encode( $this->settings_of( $client ) ) );

		$this->log_in_as( 'administrator' );
		$admin = array( $this->printed_stub( $client ), wp_json_encode( $this->settings_of( $client ) ) );

		$this->assertSame( $anonymous, $admin );
		$this->assertStringNotContainsString( 'nonce', implode( '', $admin ) );
	}

	public function test_settings_list_only_the_pages_enabled_codes_without_schemas(): void {
		$this->define_event( 'order_completed', array( 'total' => 'number' ) );
		$this->define_event( 'old_banner', array(), false );

		$settings = $this->settings_of( $this->client_with( 'order_completed', 'old_banner', 'never_defined' ) );

		$this->assertSame( array( 'custom_data_updated', 'order_completed' ), $settings['events'], 'identify() works on every page' );
		$this->assertSame( rest_url( 'footprints/v1/collect' ), $settings['collect'] );
		$this->assertTrue( $settings['dnt'] );
		$this->assertSame( 'anonymous', $settings['without_consent'] );
		$this->assertSame( array( 'collect', 'events', 'dnt', 'without_consent' ), array_keys( $settings ) );
	}

	public function test_page_viewed_is_listed_only_once_the_site_enables_it(): void {
		$before = $this->settings_of( $this->client_with( 'trial_click' ) )['events'];
		plugin()->definitions()->set_enabled( 'page_viewed', true );
		$after = $this->settings_of( $this->client_with( 'trial_click' ) )['events'];

		$this->assertSame( array( 'custom_data_updated', 'trial_click' ), $before );
		$this->assertEqualsCanonicalizing( array( 'custom_data_updated', 'trial_click', 'page_viewed' ), $after );
	}

	public function test_page_viewed_starts_disabled_and_seeding_again_keeps_the_sites_choice(): void {
		$definitions = plugin()->definitions();
		$seed        = static fn() => plugin()->default_definitions()->seed_system_events();

		$seed();
		$after_reseed = $definitions->find( 'page_viewed' );
		$definitions->set_enabled( 'page_viewed', true );
		$seed();

		$this->assertTrue( $after_reseed['system'] );
		$this->assertFalse( $after_reseed['enabled'], 'seeding again enabled it' );
		$this->assertTrue( $definitions->find( 'page_viewed' )['enabled'], 'seeding again disabled it' );
	}

	public function test_an_update_that_brings_a_system_event_writes_it_on_the_next_request(): void {
		global $wpdb;
		// A site seeded by an earlier version: no page_viewed row, an older catalogue revision.
		$wpdb->delete( \Footprints\Definitions\DefinitionTable::name( $wpdb ), array( 'code' => 'page_viewed' ) );
		update_option( \Footprints\Definitions\DefaultDefinitions::SEEDED_OPTION, 'an-earlier-catalogue' );
		plugin()->definitions()->set_enabled( 'authentication', false );
		wp_cache_flush();

		$on_each_request = array( plugin()->default_definitions(), 'seed_system_events_if_changed' );
		$this->assertSame( 2, has_action( 'init', $on_each_request ) );
		call_user_func( $on_each_request );

		$page_viewed = plugin()->definitions()->find( 'page_viewed' );
		$this->assertNotNull( $page_viewed, 'the new system event was not written' );
		$this->assertFalse( $page_viewed['enabled'] );
		$this->assertFalse( plugin()->definitions()->find( 'authentication' )['enabled'], 'the site\'s choice was overwritten' );
	}

	public function test_code_can_ask_for_more_codes_through_a_filter(): void {
		$this->define_event( 'signed_up' );
		add_filter( 'footprints_client_events', static fn( array $codes ) => array_merge( $codes, array( 'signed_up', 'constructor', '__proto__', 42 ) ) );

		$events = $this->settings_of( $this->client_with( 'trial_click' ) )['events'];

		$this->assertEqualsCanonicalizing( array( 'custom_data_updated', 'trial_click', 'signed_up' ), $events );
	}

	public function test_settings_stay_small_on_a_site_with_thousands_of_definitions(): void {
		for ( $i = 1; $i <= 300; $i++ ) {
			$this->define_event( sprintf( 'bulk_event_%03d', $i ), array( 'plan' => 'string' ) );
		}

		$json = (string) wp_json_encode( $this->settings_of( $this->client_with( 'trial_click' ) ) );

		$this->assertLessThanOrEqual( 300, strlen( $json ), $json );
		$this->assertStringNotContainsString( 'bulk_event', $json );
	}

	public function test_with_a_remote_backend_events_go_to_its_collector_with_the_app_id_and_never_the_key(): void {
		plugin()->backend_settings()->save(
			array(
				'mode'   => RemoteBackendSettings::REMOTE,
				'url'    => 'https://hub.example.test/',
				'app_id' => 'app_site_one',
			),
			'fpk_secret_key_123'
		);

		$json     = (string) wp_json_encode( $this->settings_of( $this->client_with( 'trial_click' ) ) );
		$settings = json_decode( $json, true );

		$this->assertSame( 'https://hub.example.test/?rest_route=/footprints/v1/collect', $settings['collect'] );
		$this->assertSame( 'app_site_one', $settings['app_id'] );
		$this->assertStringNotContainsString( 'fpk_secret_key_123', $json );
	}

	public function test_on_its_own_backend_the_site_collects_its_events(): void {
		$settings = $this->settings_of( $this->client_with( 'trial_click' ) );

		$this->assertSame( rest_url( 'footprints/v1/collect' ), $settings['collect'] );
		$this->assertArrayNotHasKey( 'app_id', $settings );
	}

	public function test_privacy_settings_are_validated_and_reach_the_client_under_one_name(): void {
		$this->log_in_as( 'administrator' );

		$refused = $this->rest( 'POST', '/wp/v2/settings', array( TrackingSettings::WITHOUT_CONSENT => 'sometimes' ) );
		$saved   = $this->rest(
			'POST',
			'/wp/v2/settings',
			array(
				TrackingSettings::WITHOUT_CONSENT => 'none',
				TrackingSettings::HONOR_DNT       => false,
			)
		);

		$this->assertSame( 400, $refused->get_status() );
		$this->assertSame( 200, $saved->get_status() );
		$settings = $this->settings_of( $this->client_with( 'trial_click' ) );
		$this->assertSame( 'none', $settings['without_consent'] );
		$this->assertFalse( $settings['dnt'] );
	}

	public function test_debug_mode_serves_the_debug_build_and_only_then(): void {
		$this->assertStringEndsWith( 'build/client/index.js', $this->registered_module_url() );

		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- the test's own request.
		$_GET[ Client::DEBUG_PARAMETER ] = '1';
		$by_url                          = $this->registered_module_url();
		unset( $_GET[ Client::DEBUG_PARAMETER ] );
		// phpcs:enable
		update_option( TrackingSettings::DEBUG, true );
		$by_setting = $this->registered_module_url();

		$this->assertStringEndsWith( 'build/client/debug.js', $by_url );
		$this->assertStringEndsWith( 'build/client/debug.js', $by_setting );
	}

	/**
	 * A client enqueued for these codes, as triggers enqueue it.
	 *
	 * @param string ...$codes Codes of the page's triggers.
	 */
	private function client_with( string ...$codes ): Client {
		$client = new Client( plugin()->tracking_settings() );
		$client->enqueue( ...$codes );
		return $client;
	}

	/**
	 * The settings JSON the page prints, decoded.
	 *
	 * @return array<string, mixed>
	 */
	private function settings_of( Client $client ): array {
		$settings = new ClientSettings( $client, new ClientConsent( plugin()->tracking_settings() ), plugin()->definitions(), plugin()->backend_settings(), plugin()->reachability() );
		return json_decode( (string) wp_json_encode( $settings->settings( array() ) ), true );
	}

	private function printed_stub( Client $client, ?ClientStub $stub = null ): string {
		ob_start();
		( $stub ?? new ClientStub( $client ) )->print();
		return (string) ob_get_clean();
	}

	private function registered_module_url(): string {
		wp_deregister_script_module( Client::MODULE );
		( new Client( plugin()->tracking_settings() ) )->register();
		$modules    = wp_script_modules();
		$registered = ( fn() => $this->registered )->call( $modules );
		return (string) $registered[ Client::MODULE ]['src'];
	}
}
