<?php
/**
 * The personal-data eraser, through WordPress' privacy tools: identity and
 * personal attributes go, anonymous counts stay (and are reported as
 * retained), and the erased history cannot be linked to the person again.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class PrivacyEraseTest extends TestCase {

	use PeopleEvents;
	use PrivacyRequests;

	/**
	 * The WordPress user Ann.
	 *
	 * @var int
	 */
	private int $ann_user = 0;

	protected function setUp(): void {
		parent::setUp();
		$this->define_event( 'trial_click', array( 'plan' => 'string' ) );
		$this->ann_user = (int) wp_insert_user(
			array(
				'user_login' => 'ann_' . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
				'user_email' => 'ann@example.com',
			)
		);
		$this->assertGreaterThan( 0, $this->ann_user );
		$form = array(
			'form'   => 'contact',
			'email'  => 'Ann@Example.com',
			// A string today; JSON text still, once form_submission types fields as json.
			'fields' => '{"company":"Acme"}',
		);
		// Ann: a laptop she identified and signed in on, a phone her email
		// joined; 1,100 events in all. Bob: the same kinds of events.
		$this->store(
			array_merge(
				array(
					$this->identify_email(
						'dev_ann_laptop',
						0,
						'ann@example.com',
						'crm-ann',
						array(
							'previous_id' => 'anon-1',
							'traits'      => array( 'name' => 'Ann Lead' ),
						)
					),
					$this->privacy_event( 'dev_ann_laptop', 1, 'identity_conversion', array( 'email' => 'ann@example.com' ) ),
					$this->privacy_event( 'dev_ann_laptop', 2, 'form_submission', $form, 'https://example.test/thanks/?email=ann%40example.com&utm_source=mail' ),
				),
				$this->clicks( 'dev_ann_laptop', 897, 3 ),
				array( $this->identify_email( 'dev_ann_phone', 1000, 'ann@example.com' ) ),
				$this->clicks( 'dev_ann_phone', 199, 1001 ),
				array(
					$this->identify_email( 'dev_bob_laptop', 0, 'bob@example.com', 'crm-bob' ),
					$this->privacy_event( 'dev_bob_laptop', 1, 'identity_conversion', array( 'email' => 'bob@example.com' ) ),
				),
				$this->clicks( 'dev_bob_laptop', 8, 2 )
			)
		);
		$signed_in = array( 'wp_user' => $this->ann_user ) + $this->with_site( $this->privacy_event( 'dev_ann_laptop', 2000, 'trial_click', array( 'plan' => 'pro' ) ) );
		plugin()->event_writer()->write( array( $signed_in ), self::$start );
		$ann = $this->person_of( 'dev_ann_laptop' );
		$this->assertSame( 1101, (int) $ann['events'] );
		$this->assertSame( $this->ann_user, (int) $ann['wp_user_id'] );
	}

	public function test_the_eraser_removes_identity_and_personal_attributes_and_keeps_every_count(): void {
		global $wpdb;
		$this->log_in_as( 'administrator' );
		$summary_before = $this->summary();
		$daily_before   = $this->daily();
		$ann_id         = (int) $this->person_of( 'dev_ann_laptop' )['id'];
		$bob_before     = $this->person_of( 'dev_bob_laptop' );

		$answers = $this->erase_through_wordpress( $this->request( 'ann@example.com', 'remove_personal_data' ) );

		// 1,101 events: pages of 500, 500 and 101.
		$this->assertSame( array( false, false, true ), array_column( $answers, 'done' ) );
		$this->assertTrue( $answers[2]['items_removed'] );
		$this->assertTrue( $answers[2]['items_retained'] );
		$this->assertSame( array(), array_merge( $answers[0]['messages'], $answers[1]['messages'] ) );
		$this->assertCount( 1, $answers[2]['messages'] );
		$this->assertStringContainsString( 'kept 1,101 events of 2 devices without identity', $answers[2]['messages'][0] );

		// The person stays, anonymous, with both devices under new ids and every event.
		$ann = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}footprints_people WHERE id = %d", $ann_id ), ARRAY_A );
		$this->assertNull( $ann['email'] );
		$this->assertNull( $ann['user_id'] );
		$this->assertNull( $ann['wp_user_id'] );
		$this->assertNull( $ann['traits'] );
		// Every event, and the deidentification event WordPress' end of the erasure fired on it.
		$this->assertSame( '1102', $ann['events'] );
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}footprints_person_ids WHERE person_id = %d", $ann_id ) ) );
		$devices = $wpdb->get_col( $wpdb->prepare( "SELECT device_id FROM {$wpdb->prefix}footprints_person_devices WHERE person_id = %d", $ann_id ) );
		$this->assertCount( 2, $devices );
		foreach ( $devices as $device ) {
			$this->assertMatchesRegularExpression( '/^[a-z0-9]{24}$/D', $device );
		}
		$this->assertSame( 1102, plugin()->personal_events()->count( $devices ) );
		$this->assertSame( array( 'deidentification' ), $wpdb->get_col( "SELECT code FROM {$wpdb->prefix}footprints_events WHERE device_id IN ('" . implode( "','", $devices ) . "') AND occurred_at > '2026-11-01'" ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- ids the plugin made, [a-z0-9].

		// Nothing names Ann or her old devices in any table of the plugin.
		$rows = $this->all_footprints_rows();
		foreach ( array( 'ann@example.com', 'ann%40example.com', 'Ann Lead', 'crm-ann', 'anon-1', 'dev_ann_laptop', 'dev_ann_phone', 'Acme' ) as $needle ) {
			$this->assertStringNotContainsStringIgnoringCase( $needle, $rows, "$needle is gone" );
		}

		// What is not personal stays, in place.
		$form = $this->event_row( 'form_submission', $devices );
		$this->assertSame( '{"form":"contact"}', $form['attributes'] );
		$this->assertSame( 'https://example.test/thanks/?email=[erased]&utm_source=mail', $form['page_url'] );
		$this->assertSame( '{}', $this->event_row( 'identity_conversion', $devices )['attributes'] );
		$this->assertSame( '{"plan":"pro"}', $this->event_row( 'trial_click', $devices )['attributes'] );
		$this->assertSame( $daily_before, $this->daily() );
		$this->assertSame( $summary_before, $this->summary() );

		// Bob is untouched.
		$this->assertSame( $bob_before, $this->person_of( 'dev_bob_laptop' ) );
		$this->assertSame( '{"email":"bob@example.com"}', $this->event_row( 'identity_conversion', array( 'dev_bob_laptop' ) )['attributes'] );

		// Ann's email finds nothing now: the exporter has nothing, the eraser nothing to do.
		$this->assertSame(
			array(
				'data' => array(),
				'done' => true,
			),
			call_user_func( $this->privacy_callback( 'wp_privacy_personal_data_exporters' ), 'ann@example.com', 1 )
		);
		$again = call_user_func( $this->privacy_callback( 'wp_privacy_personal_data_erasers' ), 'ann@example.com', 1 );
		$this->assertFalse( $again['items_removed'] );
		$this->assertFalse( $again['items_retained'] );
	}

	public function test_the_erased_history_is_not_linked_again_when_the_old_device_identifies_and_signs_in(): void {
		global $wpdb;
		$ann_id = (int) $this->person_of( 'dev_ann_laptop' )['id'];
		$this->erase_through_wordpress( $this->request( 'ann@example.com', 'remove_personal_data' ) );

		// The browser still holds its old id: its next identify() starts a new person.
		$this->store(
			array(
				$this->identify_email( 'dev_ann_laptop', 3000, 'ann@example.com', 'crm-ann' ),
			)
		);
		$signed_in = array( 'wp_user' => $this->ann_user ) + $this->with_site( $this->privacy_event( 'dev_ann_laptop', 3001, 'trial_click', array() ) );
		plugin()->event_writer()->write( array( $signed_in ), self::$start );

		$now = $this->person_of( 'dev_ann_laptop' );
		$this->assertNotSame( $ann_id, (int) $now['id'] );
		$this->assertSame( 2, (int) $now['events'] );
		$this->assertSame( 'ann@example.com', $now['email'] );
		$this->assertSame( '1102', $wpdb->get_var( $wpdb->prepare( "SELECT events FROM {$wpdb->prefix}footprints_people WHERE id = %d", $ann_id ) ) );
		$this->assertSame( 1, substr_count( (string) wp_json_encode( call_user_func( $this->privacy_callback( 'wp_privacy_personal_data_exporters' ), 'ann@example.com', 1 ) ), '"footprints-people"' ) );
	}

	public function test_events_still_in_the_fast_collectors_buffer_are_erased_too(): void {
		plugin()->collector_config()->write();
		plugin()->drainer()->drain();
		$buffered = $this->with_site( $this->privacy_event( 'dev_ann_phone', 5000, 'identity_conversion', array( 'email' => 'ann@example.com' ) ) );
		$this->assertTrue( plugin()->buffer()->append( self::$start, array( $buffered ), array() ) );

		$this->erase_through_wordpress( $this->request( 'ann@example.com', 'remove_personal_data' ) );

		$this->assertStringNotContainsString( 'ann@example.com', $this->all_footprints_rows() );
		global $wpdb;
		$this->assertSame( '{}', $wpdb->get_var( $wpdb->prepare( "SELECT attributes FROM {$wpdb->prefix}footprints_events WHERE event_id = %s", $buffered['id'] ) ) );
	}

	public function test_forms_sent_without_a_device_id_lose_the_email_and_stay_counted(): void {
		global $wpdb;
		$ann  = $this->anonymous_form( 10, 'ANN@example.com' );
		$zoe  = $this->anonymous_form( 11, 'zoe@example.com' );
		$joan = $this->anonymous_form( 12, 'joann@example.com' );
		$this->store( array( $ann, $zoe, $joan ) );
		$erase = $this->privacy_callback( 'wp_privacy_personal_data_erasers' );

		$this->erase_through_wordpress( $this->request( 'ann@example.com', 'remove_personal_data' ) );
		// Zoe is nobody Footprints knows but the form.
		$answer = $erase( 'zoe@example.com', 1 );

		$attributes = static fn( array $event ) => $wpdb->get_var( $wpdb->prepare( "SELECT attributes FROM {$wpdb->prefix}footprints_events WHERE event_id = %s", $event['id'] ) );
		$this->assertSame( '{"form":"newsletter"}', $attributes( $ann ) );
		$this->assertSame( '{"form":"newsletter"}', $attributes( $zoe ) );
		$this->assertSame( '{"form":"newsletter","email":"joann@example.com"}', $attributes( $joan ) );
		$this->assertTrue( $answer['done'] );
		$this->assertTrue( $answer['items_removed'] );
		$this->assertTrue( $answer['items_retained'] );
		$this->assertSame( array( 'Footprints removed this email from 1 event sent without a device id and kept the event as an anonymous count.' ), $answer['messages'] );
	}

	public function test_logged_automation_bodies_naming_the_person_are_dropped_and_the_answer_says_where_else_to_erase(): void {
		global $wpdb;
		$now = gmdate( 'Y-m-d H:i:s' );
		$wpdb->insert(
			$wpdb->prefix . 'footprints_automation_rules',
			array(
				'name'       => 'Leads to the CRM',
				'event'      => 'identity_conversion',
				'conditions' => '[]',
				'action'     => '{"type":"webhook","url":"https://crm.example.test/hook"}',
				'created_at' => $now,
				'updated_at' => $now,
			)
		);
		$rule      = (int) $wpdb->insert_id;
		$log       = static function ( string $body ) use ( $wpdb, $rule, $now ): int {
			$wpdb->insert(
				$wpdb->prefix . 'footprints_automation_log',
				array(
					'rule_id'       => $rule,
					'rule_name'     => 'Leads to the CRM',
					'event_id'      => 'evt_logged',
					'code'          => 'identity_conversion',
					'attempt'       => 1,
					'status'        => 'delivered',
					'response_code' => 200,
					'at'            => $now,
					'request_body'  => $body,
					'response_body' => '{"ok":true}',
				)
			);
			return (int) $wpdb->insert_id;
		};
		$by_email  = $log( '{"person":{"email":"ANN@example.com"},"device_id":"dev_x"}' );
		$by_device = $log( '{"person":null,"device_id":"dev_ann_phone"}' );
		$bob       = $log( '{"person":{"email":"bob@example.com"},"device_id":"dev_bob_laptop"}' );

		$answers = $this->erase_through_wordpress( $this->request( 'ann@example.com', 'remove_personal_data' ) );

		$bodies = static fn( int $id ) => $wpdb->get_row( $wpdb->prepare( "SELECT status, request_body, response_body FROM {$wpdb->prefix}footprints_automation_log WHERE id = %d", $id ), ARRAY_A );
		$this->assertSame(
			array(
				'status'        => 'delivered',
				'request_body'  => null,
				'response_body' => null,
			),
			$bodies( $by_email )
		);
		$this->assertNull( $bodies( $by_device )['request_body'] );
		$this->assertSame( '{"person":{"email":"bob@example.com"},"device_id":"dev_bob_laptop"}', $bodies( $bob )['request_body'] );
		$this->assertSame( "Footprints automations may have sent this person's events to webhooks, Slack or a CRM (Footprints → Settings → Automations): erase them there too.", end( $answers )['messages'][1] );
	}

	/**
	 * An event as the writer takes it (validated: app ID and referrer set).
	 *
	 * @param array<string, mixed> $event Event.
	 * @return array<string, mixed>
	 */
	private function with_site( array $event ): array {
		return array(
			'app_id'   => plugin()->site_app_id()->get(),
			'referrer' => '',
		) + $event;
	}


	/**
	 * The first stored event of a code on these devices.
	 *
	 * @param string   $code    Event code.
	 * @param string[] $devices Device ids.
	 * @return array<string, mixed>
	 */
	private function event_row( string $code, array $devices ): array {
		global $wpdb;
		$in  = implode( ',', array_fill( 0, count( $devices ), '%s' ) );
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}footprints_events WHERE code = %s AND device_id IN ($in) ORDER BY id LIMIT 1", array_merge( array( $code ), $devices ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- one %s per device.
		$this->assertIsArray( $row, "a $code event" );
		return $row;
	}

	/**
	 * The daily rollups (events and unique devices per code and day) and
	 * how many daily device rows each has.
	 *
	 * @return list<array<string, mixed>>
	 */
	private function daily(): array {
		global $wpdb;
		return (array) $wpdb->get_results( "SELECT d.code, d.day, d.app_id, d.events, d.devices, (SELECT COUNT(*) FROM {$wpdb->prefix}footprints_daily_devices x WHERE x.code = d.code AND x.day = d.day AND x.app_id = d.app_id) AS device_rows FROM {$wpdb->prefix}footprints_daily d WHERE d.day BETWEEN '2026-10-01' AND '2026-10-05' ORDER BY d.code, d.day, d.app_id", ARRAY_A );
	}

	/**
	 * The Insights dashboard's numbers for the days of the test's events.
	 *
	 * @return array<string, mixed>
	 */
	private function summary(): array {
		$response = $this->rest(
			'GET',
			'/footprints/v1/insights/summary',
			array(
				'range' => 'custom',
				'from'  => '2026-10-01',
				'to'    => '2026-10-05',
				'code'  => 'trial_click,custom_data_updated,identity_conversion,form_submission',
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$data = (array) $response->get_data();
		$this->assertGreaterThan( 0, (int) ( $data['total'] ?? 0 ) );
		return $data;
	}
}
