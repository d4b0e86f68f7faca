<?php
/**
 * The events deidentification_requested (a visitor confirms an erasure request) and
 * deidentification (WordPress ran every eraser): once each, only for
 * erasure requests, on the person's device, and off when disabled.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- WordPress' own privacy hooks, run as core runs them.

use Footprints\Privacy\PersonalDataEraser;
use function Footprints\plugin;

final class PrivacyDeidentificationEventsTest extends TestCase {

	use PrivacyRequests;

	protected function setUp(): void {
		parent::setUp();
		// The admin's notification mail of a confirmation is core's business, not this test's.
		remove_action( 'user_request_action_confirmed', '_wp_privacy_send_request_confirmation_notification', 12 );
		$this->define_event( 'trial_click', array( 'plan' => 'string' ) );
		$this->store(
			array_merge(
				array( $this->identify_email( 'dev_dana_old', 0, 'dana@example.com' ) ),
				$this->clicks( 'dev_dana_old', 3, 1 ),
				array( $this->identify_email( 'dev_dana_new', 100, 'dana@example.com' ) ),
				$this->clicks( 'dev_dana_new', 2, 101 ),
				array( $this->identify_email( 'dev_eve_1', 0, 'eve@example.com' ) )
			)
		);
	}

	protected function tearDown(): void {
		add_action( 'user_request_action_confirmed', '_wp_privacy_send_request_confirmation_notification', 12 );
		parent::tearDown();
	}

	public function test_confirming_an_erasure_request_fires_deidentification_requested_once_on_the_device_used_last(): void {
		$request = $this->request( 'dana@example.com', 'remove_personal_data', 'pending' );

		do_action( 'user_request_action_confirmed', $request );
		// A second click on the link: the request is confirmed already.
		do_action( 'user_request_action_confirmed', $request );

		$this->assertSame( 'request-confirmed', get_post_status( $request ) );
		$fired = $this->events_of( 'deidentification_requested' );
		$this->assertCount( 1, $fired );
		$this->assertSame( 'dev_dana_new', $fired[0]['device_id'] );
		$this->assertSame( '{}', $fired[0]['attributes'] );
		$this->assertSame( home_url( '/' ), $fired[0]['page_url'] );
		$this->assertSame( array(), $this->events_of( 'deidentification' ) );
	}

	public function test_an_export_request_or_an_unknown_email_fires_nothing(): void {
		do_action( 'user_request_action_confirmed', $this->request( 'dana@example.com', 'export_personal_data', 'pending' ) );
		do_action( 'user_request_action_confirmed', $this->request( 'nobody@example.com', 'remove_personal_data', 'pending' ) );

		$this->assertSame( array(), $this->events_of( 'deidentification_requested' ) );
	}

	public function test_the_erasure_ends_with_deidentification_on_the_anonymous_device_after_the_request_on_the_same_timeline(): void {
		$request = $this->request( 'dana@example.com', 'remove_personal_data', 'pending' );
		do_action( 'user_request_action_confirmed', $request );

		$this->erase_through_wordpress( $request );

		$this->assertSame( 'request-completed', get_post_status( $request ) );
		$done = $this->events_of( 'deidentification' );
		$this->assertCount( 1, $done );
		$asked = $this->events_of( 'deidentification_requested' );
		$this->assertCount( 1, $asked );
		// The device used last, under its new id: the request moved there with it.
		$this->assertSame( $asked[0]['device_id'], $done[0]['device_id'] );
		$this->assertMatchesRegularExpression( '/^[a-z0-9]{24}$/D', $done[0]['device_id'] );
		$timeline = plugin()->timeline()->read( array( $done[0]['device_id'] ), 100, 1 );
		$this->assertSame( array( 'custom_data_updated', 'trial_click', 'trial_click', 'deidentification_requested', 'deidentification' ), array_column( $timeline['events'], 'code' ) );
		$this->assertSame( array( '{}', '{}' ), array( $asked[0]['attributes'], $done[0]['attributes'] ) );
		// Nothing is left on the request that leads to the anonymous device.
		$this->assertSame( '', get_post_meta( $request, PersonalDataEraser::DEVICE_META, true ) );
		// Eve is nobody's business here.
		$this->assertSame( 1, (int) $this->person_events( 'dev_eve_1' ) );
	}

	public function test_disabled_system_events_are_not_fired(): void {
		plugin()->definitions()->set_enabled( 'deidentification_requested', false );
		plugin()->definitions()->set_enabled( 'deidentification', false );
		plugin()->collector_config()->write();
		$request = $this->request( 'dana@example.com', 'remove_personal_data', 'pending' );

		do_action( 'user_request_action_confirmed', $request );
		$answers = $this->erase_through_wordpress( $request );

		$this->assertTrue( end( $answers )['done'] );
		$this->assertSame( 'request-completed', get_post_status( $request ) );
		$this->assertSame( array(), $this->events_of( 'deidentification_requested' ) );
		$this->assertSame( array(), $this->events_of( 'deidentification' ) );
		$this->assertSame( '', get_post_meta( $request, PersonalDataEraser::DEVICE_META, true ) );
	}

	/**
	 * Stored events of a code.
	 *
	 * @param string $code Event code.
	 * @return list<array<string, mixed>>
	 */
	private function events_of( string $code ): array {
		global $wpdb;
		return (array) $wpdb->get_results( $wpdb->prepare( "SELECT device_id, attributes, page_url FROM {$wpdb->prefix}footprints_events WHERE code = %s ORDER BY id", $code ), ARRAY_A );
	}

	/**
	 * A device's count of events.
	 *
	 * @param string $device Device id.
	 */
	private function person_events( string $device ): string {
		global $wpdb;
		return (string) $wpdb->get_var( $wpdb->prepare( "SELECT events FROM {$wpdb->prefix}footprints_person_devices WHERE device_id = %s", $device ) );
	}
}
