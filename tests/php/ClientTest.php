<?php
/**
 * The client's inline stub and settings: printed only where the client
 * loads, the same for every visitor, and carrying what the client needs.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Assets\Client;
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
		parent::tearDown();
	}

	public function test_a_page_without_triggers_gets_no_stub(): void {
		$this->render( '<!-- wp:paragraph --><p>Nothing tracked</p><!-- /wp:paragraph -->' );

		$this->assertSame( '', $this->printed_stub( $this->new_client() ) );
	}

	public function test_a_page_with_a_trigger_gets_the_stub_once_and_it_is_tiny(): void {
		$this->render( '[footprints event="trial_click"]Start[/footprints]' );
		$client = $this->new_client();

		$html = $this->printed_stub( $client );

		$this->assertMatchesRegularExpression( '#^<script>\s*' . preg_quote( Client::stub(), '#' ) . '\s*</script>\s*$#', $html );
		$this->assertLessThanOrEqual( 150, strlen( Client::stub() ) );
		$this->assertSame( '', $this->printed_stub( $client ), 'printed twice' );
	}

	public function test_every_visitor_gets_the_same_stub_and_settings(): void {
		$this->render( '[footprints event="trial_click"]Start[/footprints]' );
		$anonymous = array( $this->printed_stub( $this->new_client() ), wp_json_encode( $this->new_client()->settings( array() ) ) );

		$this->log_in_as( 'administrator' );
		$admin = array( $this->printed_stub( $this->new_client() ), wp_json_encode( $this->new_client()->settings( array() ) ) );

		$this->assertSame( $anonymous, $admin );
		$this->assertStringNotContainsString( 'nonce', implode( '', $admin ) );
	}

	public function test_settings_list_enabled_events_with_their_attribute_schemas(): void {
		$this->define_event( 'order_completed', array( 'total' => 'number' ) );
		$this->define_event( 'old_banner', array(), false );

		$settings = json_decode( (string) wp_json_encode( $this->new_client()->settings( array() ) ), true );

		$this->assertSame( array( 'total' => 'number' ), $settings['events']['order_completed'] );
		$this->assertSame( array( 'source' => 'string' ), $settings['events']['trial_click'] );
		$this->assertArrayNotHasKey( 'old_banner', $settings['events'] );
		$this->assertSame( rest_url( 'footprints/v1/collect' ), $settings['collect'] );
		$this->assertTrue( $settings['dnt'] );
		$this->assertTrue( $settings['anonymous'] );
		$this->assertArrayNotHasKey( 'debug', $settings );
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

		$json     = (string) wp_json_encode( $this->new_client()->settings( array() ) );
		$settings = json_decode( $json, true );

		$this->assertSame( 'https://hub.example.test/?rest_route=/footprints/v1/collect', $settings['collect'] );
		$this->assertSame( 'app_site_one', $settings['app_id'] );
		$this->assertStringNotContainsString( 'fpk_secret_key_123', $json );
	}

	public function test_on_its_own_backend_the_site_collects_its_events(): void {
		$settings = $this->new_client()->settings( array() );

		$this->assertSame( rest_url( 'footprints/v1/collect' ), $settings['collect'] );
		$this->assertArrayNotHasKey( 'app_id', $settings );
	}

	public function test_privacy_and_debug_settings_are_validated_and_reach_the_client(): void {
		$this->log_in_as( 'administrator' );

		$refused = $this->rest( 'POST', '/wp/v2/settings', array( TrackingSettings::WITHOUT_CONSENT => 'sometimes' ) );
		$saved   = $this->rest(
			'POST',
			'/wp/v2/settings',
			array(
				TrackingSettings::WITHOUT_CONSENT => 'none',
				TrackingSettings::HONOR_DNT       => false,
				TrackingSettings::DEBUG           => true,
			)
		);

		$this->assertSame( 400, $refused->get_status() );
		$this->assertSame( 200, $saved->get_status() );
		$settings = $this->new_client()->settings( array() );
		$this->assertFalse( $settings['anonymous'] );
		$this->assertFalse( $settings['dnt'] );
		$this->assertTrue( $settings['debug'] );
	}

	private function new_client(): Client {
		return new Client( plugin()->definitions(), plugin()->tracking_settings(), plugin()->backend_settings() );
	}

	private function printed_stub( Client $client ): string {
		ob_start();
		$client->print_stub();
		return (string) ob_get_clean();
	}
}
