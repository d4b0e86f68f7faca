<?php
/**
 * The footprints_track() function records events from PHP through the
 * collector's own validation.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class TrackFunctionTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->define_event(
			'order_completed',
			array(
				'total' => 'number',
				'gift'  => 'boolean',
			)
		);
	}

	public function test_an_event_from_code_is_stored_with_typed_attributes_and_its_context(): void {
		$id = footprints_track(
			'order_completed',
			array(
				'total' => '49.90',
				'gift'  => 'true',
			),
			array(
				'page'      => 'http://example.test/checkout/',
				'device_id' => 'device_0001',
			)
		);

		$this->assertIsString( $id );
		$stored = plugin()->events()->query( array( 'event' => 'order_completed' ) )['items'][0];
		$this->assertSame( $id, $stored['id'] );
		$this->assertSame(
			array(
				'total' => 49.9,
				'gift'  => true,
			),
			(array) $stored['attributes']
		);
		$this->assertSame( 'http://example.test/checkout/', $stored['page'] );
		$this->assertSame( 'device_0001', $stored['device_id'] );
		$this->assertSame( 1, plugin()->definitions()->find( 'order_completed' )['trigger_count'] );
	}

	public function test_a_bad_value_gets_the_same_answer_as_from_the_collector(): void {
		$error = footprints_track( 'order_completed', array( 'total' => 'free' ) );

		$batch = $this->collect(
			array(
				array(
					'id'         => 'evt_free_0001',
					'event'      => 'order_completed',
					'attributes' => array( 'total' => 'free' ),
				),
			)
		);

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'The event "order_completed" was not stored: attribute "total" is not a valid number.', $error->get_error_message() );
		$this->assertSame( $batch['rejected'][0]['message'], $error->get_error_message() );
		$this->assertSame( 0, plugin()->events()->query( array( 'event' => 'order_completed' ) )['total'] );
	}

	public function test_unknown_and_disabled_codes_and_bad_context_are_refused(): void {
		plugin()->definitions()->set_enabled( 'order_completed', false );

		$this->assertSame( 'footprints_unknown_event', footprints_track( 'never_defined' )->get_error_code() );
		$this->assertSame( 'footprints_disabled_event', footprints_track( 'order_completed' )->get_error_code() );
		$this->assertSame( 'footprints_invalid_event', footprints_track( 'trial_click', array(), array( 'colour' => 'red' ) )->get_error_code() );
	}

	public function test_the_same_event_id_is_stored_once(): void {
		$this->assertSame( 'evt_once_0001', footprints_track( 'trial_click', array(), array( 'id' => 'evt_once_0001' ) ) );

		$again = footprints_track( 'trial_click', array(), array( 'id' => 'evt_once_0001' ) );

		$this->assertSame( 'footprints_duplicate_event', $again->get_error_code() );
		$this->assertSame( 1, plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'] );
	}
}
