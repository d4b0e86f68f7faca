<?php
/**
 * Form tracking settings: off by default; saved only when the schema
 * accepts them (a 400 names the field); when on, the client of every page
 * may send form_submission and gets the mapping, the same for every
 * visitor; off, or form_submission disabled, the client tracks no form.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Assets\Client;
use Footprints\Assets\ClientConsent;
use Footprints\Assets\ClientSettings;
use Footprints\Forms\ClientForms;
use Footprints\Forms\FormPlugins;
use Footprints\Forms\FormSettings;
use function Footprints\plugin;

final class FormSettingsTest extends TestCase {

	public function test_off_by_default_and_the_client_tracks_no_form(): void {
		delete_option( FormSettings::OPTION );
		$this->assertSame( FormSettings::defaults(), ( new FormSettings() )->get() );
		$settings = $this->client_settings();
		$this->assertArrayNotHasKey( 'forms', $settings );
		$this->assertNotContains( 'form_submission', $settings['events'] );
	}

	public function test_on_the_client_may_send_form_submission_with_the_mapping_only(): void {
		$saved = ( new FormSettings() )->save(
			array(
				'enabled' => true,
				'fields'  => array(
					'company'   => array( 'company', 'your-company' ),
					'phone'     => array(),
					'job_title' => array( 'Job title' ),
				),
			)
		);
		$this->assertIsArray( $saved );
		$settings = $this->client_settings();
		$this->assertContains( 'form_submission', $settings['events'] );
		$expected = array(
			'fields' => array(
				'company'   => array( 'company', 'your-company' ),
				'job_title' => array( 'Job title' ),
			),
		);
		// FormPluginHooksTest may have made Contact Form 7 look active in this process.
		$skip = ( new FormPlugins() )->skip_selector();
		$this->assertSame( '' === $skip ? $expected : array( 'skip' => $skip ) + $expected, $settings['forms'] );

		plugin()->definition_service()->set_enabled( 'form_submission', false );
		$settings = $this->client_settings();
		$this->assertArrayNotHasKey( 'forms', $settings, 'a disabled form_submission is the off switch too' );
		$this->assertNotContains( 'form_submission', $settings['events'] );
	}

	public function test_a_value_the_schema_refuses_is_not_saved_and_the_error_names_it(): void {
		$forms = new FormSettings();
		$forms->save( array( 'contact_forms' => array( 'contact' ) ) );
		foreach ( array(
			array( 'fields' => array( 'phone' => array( 'tel"' ) ) ),
			array( 'fields' => array( 'favourite_color' => array( 'color' ) ) ),
			array( 'contact_forms' => array( 'has space' ) ),
			array( 'enabled' => 'maybe' ),
		) as $bad ) {
			$error = $forms->save( $bad );
			$this->assertWPError( $error );
			$this->assertSame( 400, $error->get_error_data()['status'] );
			$this->assertStringContainsString( (string) array_key_first( $bad ), $error->get_error_message() );
		}
		$this->assertSame( array( 'contact' ), $forms->get()['contact_forms'] );
	}

	/**
	 * The settings JSON of a page whose only tracking is the forms'.
	 *
	 * @return array<string, mixed>
	 */
	private function client_settings(): array {
		$client = new Client( plugin()->tracking_settings() );
		( new ClientForms( plugin()->form_settings(), new FormPlugins(), $client ) )->enqueue();
		$settings = new ClientSettings( $client, new ClientConsent( plugin()->tracking_settings() ), plugin()->definitions(), plugin()->backend_settings(), plugin()->reachability() );
		return json_decode( (string) wp_json_encode( $settings->settings( array() ) ), true );
	}

	/**
	 * Asserts a value is a WP_Error.
	 *
	 * @param mixed $value The value.
	 * @phpstan-assert \WP_Error $value
	 */
	private function assertWPError( mixed $value ): void {
		$this->assertInstanceOf( \WP_Error::class, $value );
	}
}
