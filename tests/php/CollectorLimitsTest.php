<?php
/**
 * The collectors' bounds and rules, through footprints/v1/collect (the
 * fast collector runs the same validator: FastCollectorTest).
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class CollectorLimitsTest extends TestCase {

	protected function tearDown(): void {
		remove_all_filters( 'footprints_collector_limits' );
		remove_filter( 'footprints_accepted_app_ids', array( $this, 'accept_connected_app' ) );
		remove_all_filters( 'query' );
		unset( $_SERVER['REMOTE_ADDR'], $_SERVER['HTTP_X_FORWARDED_FOR'] );
		parent::tearDown();
		do_action( 'footprints_collector_config_changed' );
	}

	public function test_a_body_over_64_kb_is_a_413_and_nothing_is_stored(): void {
		$body = (string) wp_json_encode( array( 'events' => array( $this->event( 'evt_big_00001', array( 'note' => str_repeat( 'a', 66000 ) ) ) ) ) );

		$response = $this->post( $body );

		$this->assertSame( 413, $response->get_status() );
		$this->assertSame( 'The request body is larger than 65536 bytes; send fewer events per request.', $response->get_data()['message'] );
		$this->assertSame( 0, $this->stored() );
	}

	public function test_more_than_50_events_is_a_400_and_50_are_accepted(): void {
		$events = array();
		for ( $i = 0; $i < 51; $i++ ) {
			$events[] = $this->event( sprintf( 'evt_many_%05d', $i ) );
		}

		$too_many = $this->post( (string) wp_json_encode( array( 'events' => $events ) ) );
		$fifty    = $this->post( (string) wp_json_encode( array( 'events' => array_slice( $events, 0, 50 ) ) ) );

		$this->assertSame( 400, $too_many->get_status() );
		$this->assertSame( 'Invalid parameter(s): events. Send "events" as a list of 1 to 50 event objects; send more in another request.', $too_many->get_data()['message'] );
		$this->assertSame( 50, $fifty->get_data()['accepted'] );
		$this->assertSame( 50, $this->stored() );
	}

	public function test_more_than_50_attributes_or_a_string_over_1024_characters_refuses_that_event_only(): void {
		$many = array();
		for ( $i = 0; $i < 51; $i++ ) {
			$many[ 'a' . $i ] = 'x';
		}

		$data = $this->collect(
			array(
				$this->event( 'evt_attr_00051', $many ),
				$this->event( 'evt_long_01025', array( 'note' => str_repeat( 'é', 1025 ) ) ),
				$this->event( 'evt_long_01024', array( 'note' => str_repeat( 'é', 1024 ) ) ),
			)
		);

		$this->assertSame( 1, $data['accepted'] );
		$this->assertSame( array( 'footprints_too_many_attributes', 'footprints_value_too_long' ), array_column( $data['rejected'], 'code' ) );
		$this->assertSame( 'An event may carry at most 50 attributes; send fewer.', $data['rejected'][0]['message'] );
		$this->assertSame( 'attribute "note" has text longer than 1024 characters (or a number too large to store); send a shorter value.', $data['rejected'][1]['message'] );
	}

	public function test_json_nested_deeper_than_10_levels_is_a_400(): void {
		$value = 'leaf';
		for ( $i = 0; $i < 8; $i++ ) {
			$value = array( $value );
		}

		$response = $this->post( (string) wp_json_encode( array( 'events' => array( $this->event( 'evt_deep_00001', array( 'deep' => $value ) ) ) ) ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'footprints_too_deep', $response->get_data()['code'] );
		$this->assertSame( 0, $this->stored() );
	}

	public function test_a_form_encoded_body_is_a_415_that_says_what_to_send(): void {
		$response = $this->post( 'events[0][id]=evt_form_00001', 'application/x-www-form-urlencoded' );

		$this->assertSame( 415, $response->get_status() );
		$this->assertSame( 'Send the batch as JSON, with Content-Type application/json or text/plain.', $response->get_data()['message'] );
	}

	public function test_an_id_or_device_id_ending_in_a_newline_is_refused(): void {
		$data = $this->collect(
			array(
				$this->event( "evt_newline_01\n" ),
				array( 'device_id' => "device_00001\n" ) + $this->event( 'evt_newline_02' ),
				$this->event( 'evt_newline_01' ),
			)
		);

		$this->assertSame( 1, $data['accepted'] );
		$this->assertSame( array( 0, 1 ), array_column( $data['rejected'], 'index' ) );
		$this->assertSame( 'event[id] must be 8 to 64 letters, digits, "_" or "-" (case matters), with nothing after them.', $data['rejected'][0]['message'] );
		$this->assertSame( 1, $this->stored() );
	}

	public function test_ids_that_differ_only_in_case_are_two_events(): void {
		$data = $this->collect( array( $this->event( 'evt_Case_0001' ), $this->event( 'evt_case_0001' ) ) );

		$this->assertSame( 2, $data['accepted'] );
		$this->assertSame( 2, $this->stored() );
	}

	public function test_invalid_utf8_refuses_that_event_and_keeps_the_others_unaltered(): void {
		$body = '{"events":[{"id":"evt_utf8_bad01","event":"trial_click","attributes":{"name":"caf' . "\xC3\x28" . '"}},'
			. '{"id":"evt_utf8_good1","event":"trial_click","attributes":{"name":"café ☕ 𝄞 a/b"}}]}';

		$data = $this->post( $body, 'text/plain' )->get_data();

		$this->assertSame( 1, $data['accepted'] );
		$this->assertSame(
			array(
				array(
					'index'   => 0,
					'id'      => null,
					'code'    => 'footprints_invalid_utf8',
					'message' => 'The event holds text that is not valid UTF-8, so it was not stored; send text as UTF-8.',
				),
			),
			$data['rejected']
		);
		global $wpdb;
		$this->assertSame( '{"name":"café ☕ 𝄞 a/b"}', $wpdb->get_var( "SELECT attributes FROM {$wpdb->prefix}footprints_events WHERE event_id = 'evt_utf8_good1'" ), 'stored as sent: unescaped, 4-byte characters kept' );
		$this->assertSame( 1, $this->stored() );
	}

	public function test_server_only_system_events_are_refused_from_the_collector_and_recorded_from_the_server(): void {
		$codes = array( 'identity_conversion', 'verified_conversion', 'authentication', 'deidentification_requested', 'deidentification' );
		$batch = array();
		foreach ( $codes as $i => $code ) {
			$batch[] = array(
				'id'    => 'evt_trust_000' . $i,
				'event' => $code,
			);
		}

		$data = $this->collect( $batch );

		$this->assertSame( 0, $data['accepted'] );
		$this->assertSame( array_fill( 0, 5, 'footprints_server_only_event' ), array_column( $data['rejected'], 'code' ) );
		$this->assertSame( 'The event "identity_conversion" carries trust, so only the server records it (from what happened on the site); it is never accepted from a browser or a trigger.', $data['rejected'][0]['message'] );
		$this->assertIsString( footprints_track( 'identity_conversion', array( 'email' => 'ada@example.com' ) ) );
		$this->assertSame( 1, plugin()->events()->query( array( 'event' => 'identity_conversion' ) )['total'] );
	}

	public function test_an_unknown_app_id_is_refused_and_an_accepted_one_is_stored_with_it(): void {
		add_filter( 'footprints_accepted_app_ids', array( $this, 'accept_connected_app' ) );
		do_action( 'footprints_collector_config_changed' );

		$data = $this->collect(
			array(
				array( 'app_id' => 'app_connected01' ) + $this->event( 'evt_app_000001' ),
				array( 'app_id' => 'app_revoked0001' ) + $this->event( 'evt_app_000002' ),
			)
		);

		$this->assertSame( 1, $data['accepted'] );
		$this->assertSame( 'footprints_unknown_app', $data['rejected'][0]['code'] );
		$this->assertSame( 'app_connected01', plugin()->events()->query( array( 'event' => 'trial_click' ) )['items'][0]['app_id'] );
	}

	public function test_a_failed_insert_is_a_503_that_keeps_nothing_and_counts_no_duplicate(): void {
		add_filter( 'query', static fn( string $sql ) => str_starts_with( $sql, 'INSERT IGNORE INTO' ) && str_contains( $sql, 'footprints_events' ) ? str_replace( 'footprints_events', 'footprints_missing_table', $sql ) : $sql );

		$response = $this->post( (string) wp_json_encode( array( 'events' => array( $this->event( 'evt_fail_00001' ) ) ) ) );
		remove_all_filters( 'query' );

		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( '30', $response->get_headers()['Retry-After'] );
		$this->assertSame( 'footprints_store_failed', $response->get_data()['code'] );
		$this->assertSame( 0, plugin()->definitions()->find( 'trial_click' )['trigger_count'], 'rolled back: no trigger counted' );
		$this->assertSame( 1, $this->collect( array( $this->event( 'evt_fail_00001' ) ) )['accepted'], 'the retry stores it: it was never a duplicate' );
		$this->assertSame( 1, $this->stored() );
	}

	public function test_the_rate_limit_answers_429_with_retry_after_and_x_forwarded_for_does_not_bypass_it(): void {
		add_filter( 'footprints_collector_limits', static fn( array $limits ) => array( 'rate_requests' => 3 ) + $limits );
		do_action( 'footprints_collector_config_changed' );
		$_SERVER['REMOTE_ADDR'] = '10.9.' . wp_rand( 0, 255 ) . '.' . wp_rand( 1, 254 );

		$statuses = array();
		for ( $i = 0; $i < 5; $i++ ) {
			$_SERVER['HTTP_X_FORWARDED_FOR'] = '192.0.2.' . $i;
			$response                        = $this->post( (string) wp_json_encode( array( 'events' => array( $this->event( 'evt_rate_0000' . $i ) ) ) ) );
			$statuses[]                      = $response->get_status();
		}

		$this->assertSame( array( 200, 200, 200, 429, 429 ), $statuses );
		$this->assertSame( 'footprints_rate_limited', $response->get_data()['code'] );
		$this->assertGreaterThanOrEqual( 1, (int) $response->get_headers()['Retry-After'] );
		$this->assertLessThanOrEqual( 60, (int) $response->get_headers()['Retry-After'] );
		$this->assertSame( 3, $this->stored() );
	}

	public function test_with_a_trusted_proxy_header_each_visitor_behind_the_proxy_has_their_own_limit(): void {
		add_filter( 'footprints_collector_limits', static fn( array $limits ) => array( 'rate_requests' => 1 ) + $limits );
		update_option( 'footprints_trusted_proxy_header', 'X-Forwarded-For' ); // Recompiles the config.
		$_SERVER['REMOTE_ADDR'] = '10.8.' . wp_rand( 0, 255 ) . '.' . wp_rand( 1, 254 );
		$visitor                = '198.51.100.' . wp_rand( 1, 127 );
		$other                  = '198.51.100.' . wp_rand( 128, 254 );

		$statuses = array();
		foreach ( array( "203.0.113.9, $visitor", "203.0.113.10, $visitor", $other ) as $i => $forwarded ) {
			$_SERVER['HTTP_X_FORWARDED_FOR'] = $forwarded;
			$statuses[]                      = $this->post( (string) wp_json_encode( array( 'events' => array( $this->event( 'evt_proxy_000' . $i ) ) ) ) )->get_status();
		}

		$this->assertSame( array( 200, 429, 200 ), $statuses, 'the proxy\'s own (last) entry counts; what the sender put before it does not' );
	}

	/**
	 * Accepts one more app ID, as a hub accepts a connected site's.
	 *
	 * @param array<mixed> $app_ids Accepted app IDs.
	 * @return array<mixed>
	 */
	public function accept_connected_app( array $app_ids ): array {
		return array_merge( $app_ids, array( 'app_connected01' ) );
	}

	/**
	 * A valid trial_click event.
	 *
	 * @param string               $id         Event id.
	 * @param array<string, mixed> $attributes Attributes.
	 * @return array<string, mixed>
	 */
	private function event( string $id, array $attributes = array() ): array {
		return array(
			'id'         => $id,
			'event'      => 'trial_click',
			'attributes' => (object) $attributes,
		);
	}

	/**
	 * Posts a raw body to the REST collector.
	 *
	 * @param string $body         Body.
	 * @param string $content_type Content-Type.
	 */
	private function post( string $body, string $content_type = 'application/json' ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'POST', '/footprints/v1/collect' );
		$request->set_header( 'Content-Type', $content_type );
		$request->set_body( $body );
		return rest_do_request( $request );
	}

	/**
	 * Events stored of trial_click.
	 */
	private function stored(): int {
		return plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'];
	}
}
