<?php
/**
 * The ability footprints/track-event stores an event through footprints_track(),
 * answers what was stored, and refuses an unknown or switched-off code and
 * a bad attribute with the collectors' own messages.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class AbilitiesTrackTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->define_event(
			'agent_order',
			array(
				'total' => 'number',
				'gift'  => 'boolean',
			)
		);
		$this->log_in_as( 'administrator' );
	}

	public function test_an_event_is_stored_with_typed_attributes_and_its_context(): void {
		$user   = $this->factory_user();
		$answer = wp_get_ability( 'footprints/track-event' )->execute(
			array(
				'code'       => 'agent_order',
				'attributes' => array(
					'total' => '49.90',
					'gift'  => 'true',
				),
				'device_id'  => 'agent_device_1',
				'page'       => 'http://example.test/checkout/',
				'wp_user'    => $user,
			)
		);

		$stored = plugin()->events()->query( array( 'event' => 'agent_order' ) );
		$this->assertSame( 1, $stored['total'] );
		$this->assertSame(
			array(
				'id'         => $stored['items'][0]['id'],
				'code'       => 'agent_order',
				'attributes' => array(
					'total' => 49.9,
					'gift'  => true,
				),
				'device_id'  => 'agent_device_1',
			),
			array_replace( $answer, array( 'attributes' => (array) $answer['attributes'] ) )
		);
		$this->assertSame(
			array(
				'total' => 49.9,
				'gift'  => true,
			),
			(array) $stored['items'][0]['attributes']
		);
		$this->assertSame( 'http://example.test/checkout/', $stored['items'][0]['page'] );
		$this->assertSame( $user, plugin()->people_query()->find( (int) plugin()->people_query()->person_of_device( 'agent_device_1' ) )['wp_user_id'] );
	}

	public function test_unknown_switched_off_and_badly_typed_events_are_refused_with_the_collectors_message(): void {
		plugin()->definitions()->add_if_missing(
			array(
				'code'    => 'agent_paused',
				'name'    => 'Agent Paused',
				'enabled' => false,
			)
		);
		$track = wp_get_ability( 'footprints/track-event' );

		$bad      = $track->execute(
			array(
				'code'       => 'agent_order',
				'attributes' => array( 'total' => 'free' ),
			)
		);
		$unknown  = $track->execute( array( 'code' => 'never_defined' ) );
		$disabled = $track->execute( array( 'code' => 'agent_paused' ) );

		$this->assertSame( 'The event "agent_order" was not stored: attribute "total" is not a valid number.', $bad->get_error_message() );
		$this->assertSame( 400, $bad->get_error_data()['status'] );
		$this->assertSame( 'footprints_unknown_event', $unknown->get_error_code() );
		$this->assertSame( footprints_track( 'never_defined' )->get_error_message(), $unknown->get_error_message() );
		$this->assertSame( 'footprints_disabled_event', $disabled->get_error_code() );
		$this->assertSame( 0, plugin()->events()->query( array( 'event' => 'agent_order' ) )['total'] );
	}

	public function test_an_id_of_the_callers_makes_a_retry_safe_and_time_back_dates(): void {
		$input = array(
			'code' => 'agent_order',
			'id'   => 'agent_retry_0001',
			'time' => 1763900000000,
		);

		$first = wp_get_ability( 'footprints/track-event' )->execute( $input );
		$retry = wp_get_ability( 'footprints/track-event' )->execute( $input );

		$this->assertSame( 'agent_retry_0001', $first['id'] );
		$this->assertSame( 'footprints_duplicate_event', $retry->get_error_code() );
		$this->assertSame( 'An event with the id "agent_retry_0001" is stored already.', $retry->get_error_message() );
		$this->assertSame( 409, $retry->get_error_data()['status'] );
		$stored = plugin()->events()->query( array( 'event' => 'agent_order' ) );
		$this->assertSame( 1, $stored['total'] );
		$this->assertSame( '2025-11-23T12:13:20.000Z', $stored['items'][0]['time'] );
	}

	/**
	 * A WordPress user with an email, for the wp_user context.
	 */
	private function factory_user(): int {
		$user = wp_insert_user(
			array(
				'user_login' => 'agent_buyer_' . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
				'user_email' => 'buyer@example.com',
				'role'       => 'subscriber',
			)
		);
		$this->assertIsInt( $user );
		return $user;
	}
}
