<?php
/**
 * The fast collector (collect.php, no WordPress) over real HTTP: the same
 * answers as the REST route, a durable buffer, and the drain into the
 * events table and the daily totals.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class FastCollectorTest extends FastCollectorTestCase {

	public function test_the_fast_collector_answers_like_the_rest_route_and_the_drain_stores_the_events(): void {
		$batch = array(
			array(
				'id'         => 'evt_fast_00001',
				'event'      => 'trial_click',
				'attributes' => array( 'plan' => 'pro ☕' ),
				'device_id'  => 'device_fast_01',
			),
			array(
				'id'    => 'evt_fast_00002',
				'event' => 'never_defined',
			),
		);

		$fast = FastCollector::post( (string) wp_json_encode( array( 'events' => $batch ) ) );
		$this->assertSame( 0, plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'], 'buffered, not stored yet' );
		$report = plugin()->drainer()->drain();
		$rest   = $this->collect( array( array( 'id' => 'evt_rest_00001' ) + $batch[0], array( 'id' => 'evt_rest_00002' ) + $batch[1] ) );

		$this->assertSame( 200, $fast['status'] );
		$this->assertSame( 'fast', $fast['headers']['x-footprints-collector'] );
		$this->assertSame( array( 'accepted', 'duplicates', 'rejected' ), array_keys( $fast['body'] ) );
		$this->assertSame( $rest['accepted'], $fast['body']['accepted'] );
		$this->assertSame( array_column( $rest['rejected'], 'message' ), array_column( $fast['body']['rejected'], 'message' ) );
		$this->assertSame( 1, $report['stored'] );
		$stored = plugin()->events()->query( array( 'event' => 'trial_click' ) )['items'];
		$this->assertSame( array( 'evt_rest_00001', 'evt_fast_00001' ), array_column( $stored, 'id' ) );
		$this->assertSame( array( 'plan' => 'pro ☕' ), (array) $stored[1]['attributes'] );
		$this->assertSame( 2, plugin()->definitions()->find( 'trial_click' )['trigger_count'] );
		$this->assertSame( array( 'footprints_unknown_event' => 2 ), plugin()->rejections()->by_reason() );
	}

	public function test_a_preflight_from_another_site_is_answered_and_other_methods_are_405(): void {
		// phpcs:disable WordPress.WP.AlternativeFunctions -- a plain HTTP client.
		$curl = curl_init( FastCollector::url() );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => 'OPTIONS',
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_HEADER         => true,
				CURLOPT_HTTPHEADER     => array( 'Origin: http://other.example', 'Access-Control-Request-Method: POST' ),
			)
		);
		$preflight = (string) curl_exec( $curl );
		$status    = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST => 'GET',
				CURLOPT_HTTPHEADER    => array(),
			)
		);
		curl_exec( $curl );
		$get = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		// phpcs:enable

		$this->assertSame( 204, $status );
		$this->assertStringContainsString( 'Access-Control-Allow-Origin: *', $preflight );
		$this->assertStringContainsString( 'Access-Control-Allow-Headers: Content-Type', $preflight );
		$this->assertSame( 405, $get );
	}

	public function test_a_late_drain_books_events_on_their_own_day_and_a_retried_batch_is_stored_once(): void {
		$three_days_ago = ( time() - 3 * DAY_IN_SECONDS ) * 1000;
		$body           = (string) wp_json_encode(
			array(
				'events' => array(
					array(
						'id'        => 'evt_late_00001',
						'event'     => 'trial_click',
						'time'      => $three_days_ago,
						'device_id' => 'device_late_01',
					),
				),
			)
		);

		FastCollector::post( $body );
		FastCollector::post( $body ); // The client retried: the answer was lost.
		plugin()->drainer()->drain();
		FastCollector::post( $body ); // And once more, after the drain.
		plugin()->drainer()->drain();

		global $wpdb;
		$this->assertSame( 1, plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'] );
		$this->assertSame(
			array( array( gmdate( 'Y-m-d', intdiv( $three_days_ago, 1000 ) ), '1', '1' ) ),
			$wpdb->get_results( "SELECT day, events, devices FROM {$wpdb->prefix}footprints_daily WHERE code = 'trial_click'", ARRAY_N )
		);
		$this->assertSame( 1, plugin()->definitions()->find( 'trial_click' )['trigger_count'] );
	}

	public function test_an_orphaned_busy_file_left_by_a_dead_drain_is_swept_and_drained(): void {
		FastCollector::post(
			(string) wp_json_encode(
				array(
					'events' => array(
						array(
							'id'    => 'evt_orphan_0001',
							'event' => 'trial_click',
						),
					),
				)
			)
		);
		$dir  = plugin()->collector_config()->data_dir()->buffer_dir();
		$file = (string) glob( $dir . '/buffer-*.php' )[0];
		rename( $file, $dir . '/busy-1000000000-deadnode-000000000000.php' ); // What a drain killed after the rename leaves.

		$report = plugin()->drainer()->drain();

		$this->assertSame( 1, $report['stored'] );
		$this->assertSame( array(), glob( $dir . '/busy-*.php' ) );
		$this->assertSame( 1, plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'] );
	}

	public function test_a_drain_whose_insert_fails_keeps_the_buffer_and_the_next_drain_stores_it(): void {
		FastCollector::post(
			(string) wp_json_encode(
				array(
					'events' => array(
						array(
							'id'    => 'evt_faildrain_01',
							'event' => 'trial_click',
						),
					),
				)
			)
		);
		add_filter( 'query', static fn( string $sql ) => str_starts_with( $sql, 'INSERT IGNORE INTO' ) && str_contains( $sql, 'footprints_events' ) ? str_replace( 'footprints_events', 'footprints_missing_table', $sql ) : $sql );

		$failed = plugin()->drain_schedule()->run();
		remove_all_filters( 'query' );
		$busy = glob( plugin()->collector_config()->data_dir()->buffer_dir() . '/busy-*.php' );
		$next = plugin()->drain_schedule()->run();

		$this->assertNull( $failed, 'the failure is reported, not hidden' );
		$this->assertCount( 1, $busy, 'the events stay in the buffer' );
		$this->assertSame( 1, $next['stored'] ?? null );
		$this->assertSame( 1, plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'] );
		$this->assertSame( 1, plugin()->definitions()->find( 'trial_click' )['trigger_count'] );
	}

	public function test_a_buffer_that_cannot_be_written_is_a_503_and_the_sender_keeps_its_events(): void {
		$dir = plugin()->collector_config()->data_dir()->buffer_dir();
		rename( $dir, $dir . '-moved' );
		file_put_contents( $dir, 'not a folder' ); // phpcs:ignore WordPress.WP.AlternativeFunctions

		$answer = FastCollector::post(
			(string) wp_json_encode(
				array(
					'events' => array(
						array(
							'id'    => 'evt_nobuf_00001',
							'event' => 'trial_click',
						),
					),
				)
			)
		);
		unlink( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		rename( $dir . '-moved', $dir );

		$this->assertSame( 503, $answer['status'] );
		$this->assertSame( '30', $answer['headers']['retry-after'] );
		$this->assertSame( 'footprints_store_failed', $answer['body']['code'] );
	}

	public function test_the_fast_collector_limits_rate_by_socket_address_whatever_x_forwarded_for_says(): void {
		add_filter( 'footprints_collector_limits', static fn( array $limits ) => array( 'rate_requests' => 2 ) + $limits );
		plugin()->collector_config()->write();

		$statuses = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$answer     = FastCollector::post( '{"events":[{"id":"evt_frate_000' . $i . '","event":"trial_click"}]}', 'text/plain', array( 'X-Forwarded-For: 192.0.2.' . $i ) );
			$statuses[] = $answer['status'];
		}

		$this->assertSame( array( 200, 200, 429, 429 ), $statuses );
		$this->assertSame( 'footprints_rate_limited', $answer['body']['code'] );
		$this->assertMatchesRegularExpression( '/^[1-9][0-9]?$/', $answer['headers']['retry-after'] );
	}
}
