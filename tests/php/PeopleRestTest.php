<?php
/**
 * The People routes: search by the start of an email, a user id or a
 * device id; last seen first; timelines in order, cut into sessions at
 * gaps of more than 30 minutes; only for users who view insights.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class PeopleRestTest extends TestCase {

	use PeopleEvents;

	protected function setUp(): void {
		parent::setUp();
		$this->define_event( 'trial_click' );
		// Ann: two devices, one person; seconds after T0.
		$this->collect(
			array(
				$this->click( 'pplx_ann_a', 0 ),
				$this->click( 'pplx_ann_a', 60 ),
				$this->identify( 'pplx_ann_a', 1860, 'ann-1', array( 'email' => 'Ann@Example.com' ) ),
				$this->click( 'pplx_ann_a', 3661 ),
			)
		);
		$this->collect( array( $this->identify( 'pplx_ann_b', 10000, 'ann-1' ), $this->click( 'pplx_ann_b', 10030 ) ) );
		// An anonymous visitor, seen last.
		$this->collect( array( $this->click( 'pplx_zed_9', 20000 ) ) );
		$this->log_in_as( 'administrator' );
	}

	public function test_people_are_found_by_the_start_of_an_email_user_id_or_device_id_last_seen_first(): void {
		$this->assertSame( array( 'ann-1' ), $this->user_ids( array( 'search' => 'ANN@Ex' ) ) );
		$this->assertSame( array( 'ann-1' ), $this->user_ids( array( 'search' => 'ann-' ) ) );
		$this->assertSame( array( null ), $this->user_ids( array( 'search' => 'pplx_zed' ) ) );
		$this->assertSame( array(), $this->user_ids( array( 'search' => 'nn@example' ) ), 'a prefix, not a substring' );
		$this->assertSame( array(), $this->user_ids( array( 'search' => 'zoë_100%' ) ), 'letters a device id cannot have, and LIKE wildcards, are plain text' );
		$this->assertSame( '', $GLOBALS['wpdb']->last_error );

		$response = $this->rest( 'GET', '/footprints/v1/people', array( 'search' => 'pplx_' ) );
		$people   = $response->get_data();
		$this->assertSame( '2', $response->get_headers()['X-WP-Total'] );
		$this->assertSame( array( null, 'ann-1' ), array_column( $people, 'user_id' ) );
		$ann = $people[1];
		$this->assertSame( 'ann@example.com', $ann['email'] );
		$this->assertSame( 6, $ann['events'] );
		$this->assertSame( array( 'pplx_ann_b', 'pplx_ann_a' ), $ann['devices'] );
		$this->assertSame( '2025-11-23T12:13:20.000Z', $ann['first_seen'] );
		$this->assertSame( '2025-11-23T15:00:30.000Z', $ann['last_seen'] );

		$second = $this->rest(
			'GET',
			'/footprints/v1/people',
			array(
				'search'   => 'pplx_',
				'per_page' => 1,
				'page'     => 2,
			)
		);
		$this->assertSame( array( 'ann-1' ), array_column( $second->get_data(), 'user_id' ) );
		$this->assertSame( '2', $second->get_headers()['X-WP-TotalPages'] );
	}

	public function test_a_person_shows_devices_and_ids_as_documented(): void {
		$id     = (int) $this->person_of( 'pplx_ann_a' )['id'];
		$person = $this->rest( 'GET', "/footprints/v1/people/$id" )->get_data();

		$this->assertSame( array( 'pplx_ann_b', 'pplx_ann_a' ), array_column( $person['device_details'], 'device_id' ) );
		$this->assertSame( array( 2, 4 ), array_column( $person['device_details'], 'events' ) );
		$this->assertSame(
			array(
				array(
					'kind'  => 'email',
					'value' => 'ann@example.com',
				),
				array(
					'kind'  => 'user',
					'value' => 'ann-1',
				),
			),
			$person['ids']
		);
		$schema = JsonSchemaCheck::resolve( array( '$ref' => '#/components/schemas/PersonDetail' ), FOOTPRINTS_DIR . '/docs/openapi.json' );
		$this->assertSame( array(), JsonSchemaCheck::problems( json_decode( (string) wp_json_encode( $person ), true ), $schema ) );
	}

	public function test_a_persons_timeline_merges_its_devices_in_order_and_cuts_sessions_at_gaps_over_30_minutes(): void {
		$id       = (int) $this->person_of( 'pplx_ann_a' )['id'];
		$timeline = $this->rest( 'GET', "/footprints/v1/people/$id/timeline" )->get_data();

		$this->assertSame( 6, $timeline['total'] );
		$this->assertSame( array( 0, 60, 1860, 3661, 10000, 10030 ), array_map( fn( $event ) => intdiv( $event['time_ms'] - self::$t0, 1000 ), $timeline['events'] ) );
		$this->assertSame( array( null, 60, 1800, 1801, 6339, 30 ), array_column( $timeline['events'], 'gap_seconds' ) );
		$this->assertSame( array( 0, 0, 0, 1, 2, 2 ), array_column( $timeline['events'], 'session' ) );
		$this->assertSame( array( 3, 1, 2 ), array_column( $timeline['sessions'], 'events' ) );
		$this->assertSame( array( '2025-11-23T12:13:20.000Z', '2025-11-23T13:14:21.000Z', '2025-11-23T15:00:00.000Z' ), array_column( $timeline['sessions'], 'start' ) );
		$this->assertSame( '2025-11-23T12:44:20.000Z', $timeline['sessions'][0]['end'] );
		$this->assertSame( array( 'Trial Started', 'Trial Started', 'Custom Data Updated' ), array_column( array_slice( $timeline['events'], 0, 3 ), 'name' ) );
		$this->assertSame( '#50575e', $timeline['events'][2]['color'] );
		$this->assertSame( 'ann-1', ( (array) $timeline['events'][2]['attributes'] )['user_id'] );
		$this->assertSame( 'http://example.test/pricing/', $timeline['events'][0]['page'] );

		$page = $this->rest(
			'GET',
			"/footprints/v1/people/$id/timeline",
			array(
				'per_page' => 2,
				'page'     => 2,
			)
		)->get_data();
		$this->assertSame( array( 1800, 1801 ), array_column( $page['events'], 'gap_seconds' ) );
		$this->assertSame( array( true, false ), array_column( $page['sessions'], 'continued' ), 'the page starts inside the first session' );
	}

	public function test_a_devices_timeline_has_only_its_events_and_names_its_person(): void {
		$timeline = $this->rest( 'GET', '/footprints/v1/devices/pplx_ann_b/timeline' )->get_data();

		$this->assertSame( 2, $timeline['total'] );
		$this->assertSame( (int) $this->person_of( 'pplx_ann_b' )['id'], $timeline['person'] );
		$this->assertSame( array( 'custom_data_updated', 'trial_click' ), array_column( $timeline['events'], 'code' ) );
		$unknown = $this->rest( 'GET', '/footprints/v1/devices/never_seen_device/timeline' )->get_data();
		$this->assertSame( 0, $unknown['total'] );
		$this->assertNull( $unknown['person'] );
	}

	public function test_an_editor_without_the_capability_gets_403_on_every_people_route(): void {
		$id = (int) $this->person_of( 'pplx_ann_a' )['id'];
		$this->log_in_as( 'editor' );
		foreach ( array( '/people', "/people/$id", "/people/$id/timeline", '/devices/pplx_ann_a/timeline' ) as $route ) {
			$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1' . $route )->get_status(), $route );
		}
	}

	public function test_the_people_and_timeline_exports_have_the_screens_rows_in_order(): void {
		$views  = apply_filters( 'footprints_export_views', array() );
		$people = iterator_to_array( $views['people']->rows( array( 'search' => 'pplx_' ) ), false );
		$this->assertSame( array( 'person_id', 'name', 'email', 'user_id', 'wp_user_id', 'devices', 'first_seen', 'last_seen', 'events', 'traits' ), $views['people']->columns() );
		$this->assertSame( array( null, 'ann-1' ), array_column( $people, 3 ) );
		$this->assertSame( array( 1, 6 ), array_column( $people, 8 ) );
		$this->assertSame( 'pplx_ann_b pplx_ann_a', $people[1][5] );
		$this->assertSame( '{"email":"Ann@Example.com"}', $people[1][9] );

		$id       = (int) $this->person_of( 'pplx_ann_a' )['id'];
		$timeline = iterator_to_array( $views['timeline']->rows( array( 'person' => $id ) ), false );
		$this->assertSame( array( 1, 1, 1, 2, 3, 3 ), array_column( $timeline, 1 ) );
		$this->assertSame( array( null, 60, 1800, 1801, 6339, 30 ), array_column( $timeline, 2 ) );
		$this->assertSame( '2025-11-23T12:13:20.000Z', $timeline[0][0] );
		$this->assertSame( 'custom_data_updated', $timeline[2][3] );
		$this->assertSame( 2, count( iterator_to_array( $views['timeline']->rows( array( 'device' => 'pplx_ann_b' ) ), false ) ) );
	}

	/**
	 * The user ids of the people a list request finds.
	 *
	 * @param array<string, mixed> $query Query.
	 * @return list<string|null>
	 */
	private function user_ids( array $query ): array {
		return array_column( $this->rest( 'GET', '/footprints/v1/people', $query )->get_data(), 'user_id' );
	}
}
