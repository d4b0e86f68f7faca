<?php
/**
 * POST footprints/v1/collect stores valid events and explains the others.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class CollectTest extends TestCase {

	public function test_an_anonymous_visitor_event_is_stored_with_its_attributes(): void {
		$response = $this->rest(
			'POST',
			'/footprints/v1/collect',
			array(
				'events' => array(
					array(
						'id'         => 'evt_0000000001',
						'event'      => 'trial_click',
						'attributes' => array( 'source' => 'hero' ),
						'time'       => 1763800000123,
						'page'       => 'http://example.test/pricing/',
					),
				),
			)
		);

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 1, $response->get_data()['accepted'] );
		$stored = plugin()->events()->query( array( 'event' => 'trial_click' ) )['items'][0];
		$this->assertSame( 'evt_0000000001', $stored['id'] );
		$this->assertSame( array( 'source' => 'hero' ), (array) $stored['attributes'] );
		$this->assertSame( 'http://example.test/pricing/', $stored['page'] );
		$this->assertSame( '2025-11-22T08:26:40.123Z', $stored['time'] );
		$this->assertNull( $stored['device_id'], 'sent without a device id: stored without one' );
		$this->assertSame( plugin()->site_app_id()->get(), $stored['app_id'], 'sent without an app ID: this site\'s' );
		$this->assertSame( 1, plugin()->definitions()->find( 'trial_click' )['trigger_count'] );
		$this->assertSame( array( array( '2025-11-22', '1', '0' ) ), $this->daily( 'trial_click' ) );
	}

	public function test_a_bad_event_is_reported_and_the_good_ones_of_its_batch_are_kept(): void {
		$response = $this->rest(
			'POST',
			'/footprints/v1/collect',
			array(
				'events' => array(
					array(
						'id'    => 'evt_good_0001',
						'event' => 'trial_click',
					),
					array(
						'id'    => 'evt_unknown_1',
						'event' => 'never_defined',
					),
					'not an event',
					array(
						'id'         => 'evt_badattr_1',
						'event'      => 'trial_click',
						'attributes' => array( 'Bad-Name' => 1 ),
					),
					array(
						'id'    => 'evt_good_0002',
						'event' => 'trial_click',
					),
				),
			)
		);

		$data = $response->get_data();
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 2, $data['accepted'] );
		$this->assertSame( 0, $data['duplicates'] );
		$this->assertSame(
			array(
				array(
					'index'   => 1,
					'id'      => 'evt_unknown_1',
					'code'    => 'footprints_unknown_event',
					'message' => 'No event is defined with the code "never_defined". Define it in Footprints, or fix the code in the trigger.',
				),
				array(
					'index'   => 2,
					'id'      => null,
					'code'    => 'footprints_invalid_event',
					'message' => 'Each event must be a JSON object with at least "id" and "event".',
				),
				array(
					'index'   => 3,
					'id'      => 'evt_badattr_1',
					'code'    => 'footprints_invalid_attribute',
					'message' => 'The event "trial_click" was not stored: attribute "Bad-Name" is not a valid snake_case name.',
				),
			),
			$data['rejected']
		);
		$this->assertSame( 2, plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'] );
		$this->assertSame(
			array(
				'footprints_invalid_attribute' => 1,
				'footprints_invalid_event'     => 1,
				'footprints_unknown_event'     => 1,
			),
			$this->sorted( plugin()->rejections()->by_reason() )
		);
		$this->assertSame( 2, plugin()->definitions()->find( 'trial_click' )['trigger_count'] );
	}

	public function test_attributes_are_typed_by_the_schema_and_an_uncoercible_one_is_refused_with_its_reason(): void {
		$this->define_event( 'plan_chosen', array( 'price' => 'number' ) );

		$data = $this->collect(
			array(
				array(
					'id'         => 'evt_price_0001',
					'event'      => 'plan_chosen',
					'attributes' => array(
						'price' => '199',
						'plan'  => 'pro',
					),
				),
				array(
					'id'         => 'evt_price_0002',
					'event'      => 'plan_chosen',
					'attributes' => array( 'price' => 'a lot' ),
				),
			)
		);

		$this->assertSame( 1, $data['accepted'] );
		$this->assertSame(
			array(
				array(
					'index'   => 1,
					'id'      => 'evt_price_0002',
					'code'    => 'footprints_invalid_attribute',
					'message' => 'The event "plan_chosen" was not stored: attribute "price" is not a valid number.',
				),
			),
			$data['rejected']
		);
		$stored = plugin()->events()->query( array( 'event' => 'plan_chosen' ) )['items'];
		$this->assertSame(
			array(
				'price' => 199,
				'plan'  => 'pro',
			),
			(array) $stored[0]['attributes']
		);
	}

	public function test_a_retried_event_is_stored_once(): void {
		$batch = array(
			'events' => array(
				array(
					'id'    => 'evt_retried_01',
					'event' => 'trial_click',
				),
			),
		);

		$this->rest( 'POST', '/footprints/v1/collect', $batch );
		$again = $this->rest( 'POST', '/footprints/v1/collect', $batch )->get_data();

		$this->assertSame( 0, $again['accepted'] );
		$this->assertSame( 1, $again['duplicates'] );
		$this->assertSame( 1, plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'] );
		$this->assertSame( 1, plugin()->definitions()->find( 'trial_click' )['trigger_count'] );
	}

	public function test_a_disabled_event_is_refused_with_how_to_fix_it(): void {
		plugin()->definitions()->set_enabled( 'trial_click', false );

		$data = $this->rest(
			'POST',
			'/footprints/v1/collect',
			array(
				'events' => array(
					array(
						'id'    => 'evt_disabled_1',
						'event' => 'trial_click',
					),
				),
			)
		)->get_data();

		$this->assertSame( 0, $data['accepted'] );
		$this->assertSame( 'footprints_disabled_event', $data['rejected'][0]['code'] );
		$this->assertSame( 'The event "trial_click" is disabled, so it is not tracked. Enable it in Footprints to track it again.', $data['rejected'][0]['message'] );
		$this->assertSame( 0, plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'] );
	}

	public function test_a_batch_sent_as_text_plain_is_read_as_json_so_remote_sites_need_no_preflight(): void {
		$response = $this->post_as_text(
			(string) wp_json_encode(
				array(
					'events' => array(
						array(
							'id'    => 'evt_plain_0001',
							'event' => 'trial_click',
						),
					),
				)
			)
		);

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 1, $response->get_data()['accepted'] );
		$this->assertSame( 1, plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'] );
	}

	public function test_a_text_plain_body_that_is_not_json_is_a_400_that_names_the_parameter(): void {
		$response = $this->post_as_text( 'events=1' );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$this->assertSame( 'Invalid parameter(s): events. The body must be a JSON object like {"events": [...]}.', $response->get_data()['message'] );
	}

	public function test_a_request_without_events_is_a_400_that_names_the_parameter(): void {
		$response = $this->rest( 'POST', '/footprints/v1/collect', array( 'events' => array() ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'Invalid parameter(s): events. Send "events" as a list of 1 to 50 event objects; send more in another request.', $response->get_data()['message'] );
	}

	public function test_only_admins_can_list_stored_events(): void {
		$this->assertSame( 401, $this->rest( 'GET', '/footprints/v1/events' )->get_status() );

		$this->log_in_as( 'editor' );
		$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/events' )->get_status() );

		$this->log_in_as( 'administrator' );
		$this->assertSame( 200, $this->rest( 'GET', '/footprints/v1/events' )->get_status() );
	}

	/**
	 * A code's daily totals: day, events, devices.
	 *
	 * @param string $code Event code.
	 * @return list<list<string>>
	 */
	private function daily( string $code ): array {
		global $wpdb;
		return $wpdb->get_results( $wpdb->prepare( "SELECT day, events, devices FROM {$wpdb->prefix}footprints_daily WHERE code = %s ORDER BY day", $code ), ARRAY_N );
	}

	/**
	 * An array sorted by key, for comparing.
	 *
	 * @param array<string, int> $counts Counts by name.
	 * @return array<string, int>
	 */
	private function sorted( array $counts ): array {
		ksort( $counts );
		return $counts;
	}

	/**
	 * Posts a body to the collector as text/plain, as the bundled client does.
	 *
	 * @param string $body The request body.
	 */
	private function post_as_text( string $body ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'POST', '/footprints/v1/collect' );
		$request->set_header( 'Content-Type', 'text/plain;charset=UTF-8' );
		$request->set_body( $body );
		return rest_do_request( $request );
	}
}
