<?php
/**
 * The abilities through WordPress' own REST API (wp-abilities/v1): listed
 * with their schemas and meta, read-only ones run by GET with the input in
 * the query string, track-event by POST with a JSON body, and a
 * subscriber refused with a 403.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class AbilitiesRestTest extends TestCase {

	use PeopleEvents;

	private const RUN = '/wp-abilities/v1/abilities/%s/run';

	protected function setUp(): void {
		parent::setUp();
		plugin()->definitions()->add_if_missing(
			array(
				'code'        => 'rest_signup',
				'name'        => 'Signed Up',
				'description' => 'The visitor created an account: onboarding starts.',
				'attributes'  => array( 'plan' => 'string' ),
			)
		);
		$this->collect(
			array(
				$this->event( 'rest_dev_0001', 0, 'rest_signup', array( 'plan' => 'pro' ) ),
				$this->click( 'rest_dev_0001', 30 ),
				$this->click( 'rest_dev_0001', 90 ),
			)
		);
	}

	/**
	 * Runs a read-only ability as a browser would: GET, input in the query string (all strings).
	 *
	 * @param string               $name  Ability name.
	 * @param array<string, mixed> $input Input.
	 */
	private function get_run( string $name, array $input ): \WP_REST_Response {
		return $this->rest( 'GET', sprintf( self::RUN, $name ), array( 'input' => self::as_query( $input ) ) );
	}

	/**
	 * Values as a query string carries them: text.
	 *
	 * @param array<mixed> $input Input.
	 * @return array<mixed>
	 */
	private static function as_query( array $input ): array {
		return array_map( static fn( $value ) => is_array( $value ) ? self::as_query( $value ) : (string) $value, $input );
	}

	public function test_a_journey_is_read_by_get_with_the_input_in_the_query_string(): void {
		$this->log_in_as( 'administrator' );

		$response = $this->get_run(
			'footprints/get-lead-journey',
			array(
				'device_id' => 'rest_dev_0001',
				'per_page'  => 2,
			)
		);

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$journey = json_decode( (string) wp_json_encode( $response->get_data() ), true );
		$this->assertSame(
			array(
				array( 'rest_signup', 'Signed Up', 'The visitor created an account: onboarding starts.', array( 'plan' => 'pro' ) ),
				array( 'trial_click', 'Trial Started', 'A visitor clicked a call to action that starts a free trial.', array() ),
			),
			array_map( static fn( array $event ) => array( $event['code'], $event['name'], $event['description'], $event['attributes'] ), $journey['events'] )
		);
		$this->assertSame( array( 3, 1, 2 ), array( $journey['total'], $journey['page'], $journey['per_page'] ) );
	}

	public function test_insights_are_read_by_get_with_a_list_in_the_query_string(): void {
		$this->log_in_as( 'administrator' );

		$response = $this->get_run(
			'footprints/get-insights',
			array(
				'range' => 'custom',
				'from'  => '2025-11-23',
				'to'    => '2025-11-23',
				'code'  => array( 'trial_click', 'rest_signup' ),
			)
		);

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame(
			array(
				'trial_click' => 2,
				'rest_signup' => 1,
			),
			array_column( $response->get_data()['events'], 'events', 'code' )
		);
	}

	public function test_a_subscriber_gets_a_403_and_a_write_by_get_a_405(): void {
		$this->log_in_as( 'subscriber' );
		$journey = $this->get_run( 'footprints/get-lead-journey', array( 'device_id' => 'rest_dev_0001' ) );
		$this->log_in_as( 'administrator' );
		$track_by_get = $this->get_run( 'footprints/track-event', array( 'code' => 'trial_click' ) );

		$this->assertSame( 403, $journey->get_status() );
		$this->assertSame( 'rest_ability_cannot_execute', $journey->as_error()->get_error_code() );
		$this->assertSame( 405, $track_by_get->get_status() );
		$this->assertSame( 3, plugin()->events()->query( array() )['total'] );
	}

	public function test_track_event_is_a_post_that_stores_or_says_why_not(): void {
		$this->log_in_as( 'editor' );
		$editor = $this->rest( 'POST', sprintf( self::RUN, 'footprints/track-event' ), array( 'input' => array( 'code' => 'rest_signup' ) ) );
		$this->log_in_as( 'administrator' );

		$stored  = $this->rest(
			'POST',
			sprintf( self::RUN, 'footprints/track-event' ),
			array(
				'input' => array(
					'code'       => 'rest_signup',
					'attributes' => array( 'plan' => 'team' ),
					'device_id'  => 'rest_dev_0002',
				),
			)
		);
		$refused = $this->rest( 'POST', sprintf( self::RUN, 'footprints/track-event' ), array( 'input' => array( 'code' => 'never_defined' ) ) );

		$this->assertSame( 403, $editor->get_status() );
		$this->assertSame( 200, $stored->get_status(), (string) wp_json_encode( $stored->get_data() ) );
		$this->assertSame( 'rest_signup', $stored->get_data()['code'] );
		$this->assertSame( array( 'plan' => 'team' ), (array) $stored->get_data()['attributes'] );
		$this->assertSame(
			array( 'rest_dev_0002' ),
			array_column(
				plugin()->events()->query(
					array(
						'event'    => 'rest_signup',
						'per_page' => 1,
					)
				)['items'],
				'device_id'
			)
		);
		$this->assertSame( 400, $refused->get_status() );
		$this->assertSame( footprints_track( 'never_defined' )->get_error_message(), $refused->as_error()->get_error_message() );
	}

	public function test_the_list_shows_each_ability_with_its_schemas_and_annotations(): void {
		$this->log_in_as( 'administrator' );

		$response = $this->rest(
			'GET',
			'/wp-abilities/v1/abilities',
			array(
				'category' => 'footprints',
				'per_page' => 50,
			)
		);

		$this->assertSame( 200, $response->get_status() );
		$listed = array_column( $response->get_data(), null, 'name' );
		$this->assertCount( 8, $listed );
		$this->assertSame( array( 'person_id', 'device_id', 'email', 'per_page', 'page' ), array_keys( $listed['footprints/get-lead-journey']['input_schema']['properties'] ) );
		$this->assertSame( array( 'code' ), $listed['footprints/track-event']['input_schema']['required'] );
		$this->assertFalse( $listed['footprints/track-event']['meta']['annotations']['readonly'] );
		$this->assertTrue( $listed['footprints/compare-paths']['meta']['mcp']['public'] );
	}
}
