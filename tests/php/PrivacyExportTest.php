<?php
/**
 * The personal-data exporter, through WordPress' privacy tools: the
 * people an email leads to, all their devices, and their events 500 a page.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class PrivacyExportTest extends TestCase {

	use PrivacyRequests;

	protected function setUp(): void {
		parent::setUp();
		$this->define_event( 'trial_click', array( 'plan' => 'string' ) );
		// Ann: two devices that one email made one person, 1,234 events in all.
		$this->store(
			array_merge(
				array(
					$this->identify_email( 'dev_ann_laptop', 0, 'Ann@Example.com', 'crm-ann', array( 'traits' => array( 'name' => 'Ann Lead' ) ) ),
				),
				$this->clicks( 'dev_ann_laptop', 1000, 1 ),
				array(
					$this->identify_email( 'dev_ann_phone', 2000, 'ann@example.com', 'crm-ann' ),
				),
				$this->clicks( 'dev_ann_phone', 232, 2001 ),
				// Bob: another person, and an anonymous device.
				array(
					$this->identify_email( 'dev_bob_laptop', 0, 'bob@example.com', 'crm-bob' ),
				),
				$this->clicks( 'dev_bob_laptop', 20, 1 ),
				$this->clicks( 'dev_nobody_1', 5, 1 )
			)
		);
	}

	public function test_the_exporter_pages_a_persons_1234_events_as_500_500_and_234_with_the_person_and_devices_first(): void {
		$export = $this->privacy_callback( 'wp_privacy_personal_data_exporters' );
		$pages  = array();
		for ( $page = 1; $page <= 3; $page++ ) {
			$pages[ $page ] = $export( 'ann@example.com', $page );
		}

		$groups = array_map( static fn( array $answer ) => array_count_values( array_column( $answer['data'], 'group_id' ) ), $pages );
		$this->assertSame(
			array(
				1 => array(
					'footprints-people'  => 1,
					'footprints-devices' => 2,
					'footprints-events'  => 500,
				),
				2 => array( 'footprints-events' => 500 ),
				3 => array( 'footprints-events' => 234 ),
			),
			$groups
		);
		$this->assertSame(
			array(
				1 => false,
				2 => false,
				3 => true,
			),
			array_map( static fn( array $answer ) => $answer['done'], $pages )
		);

		$person = self::values( $pages[1]['data'][0] );
		$this->assertSame( 'ann@example.com', $person['Email'] );
		$this->assertSame( 'crm-ann', $person['User ID'] );
		$this->assertSame( '{"name":"Ann Lead","email":"ann@example.com"}', $person['Traits'] );
		$this->assertSame( 'email:ann@example.com, user:crm-ann', $person['Identified by'] );
		$this->assertSame( '2026-10-01T00:00:00.000Z', $person['First seen (UTC)'] );
		$this->assertSame( '2026-10-02T13:12:00.000Z', $person['Last seen (UTC)'] );
		$this->assertSame( '1234', $person['Events'] );
		$this->assertSame( array( 'dev_ann_phone', 'dev_ann_laptop' ), array_map( static fn( array $item ) => self::values( $item )['Device ID'], array_slice( $pages[1]['data'], 1, 2 ) ) );

		// Every event once, all of Ann's devices, none of anyone else's.
		$events = array();
		foreach ( $pages as $answer ) {
			foreach ( $answer['data'] as $item ) {
				if ( 'footprints-events' === $item['group_id'] ) {
					$events[ $item['item_id'] ] = self::values( $item );
				}
			}
		}
		$this->assertCount( 1234, $events );
		$this->assertSame(
			array(
				'dev_ann_laptop' => 1001,
				'dev_ann_phone'  => 233,
			),
			array_count_values( array_column( $events, 'Device ID' ) )
		);
		$first = reset( $events );
		$this->assertSame( 'Custom Data Updated', $first['Event'] );
		$this->assertSame( 'custom_data_updated', $first['Code'] );
		$this->assertSame( '2026-10-01T00:00:00.000Z', $first['Time (UTC)'] );
		$this->assertSame( 'https://example.test/pricing/', $first['Page'] );
		$this->assertSame( '{"user_id":"crm-ann","traits":{"name":"Ann Lead","email":"Ann@Example.com"}}', $first['Attributes'] );
		$click = next( $events );
		$this->assertSame( 'Trial Started', $click['Event'] );
		$this->assertSame( '{"plan":"pro"}', $click['Attributes'] );
	}

	public function test_the_export_file_core_builds_holds_every_event_and_nothing_of_another_person(): void {
		$groups = $this->export_through_wordpress( $this->request( 'ann@example.com', 'export_personal_data' ) );

		$this->assertCount( 1, $groups['footprints-people']['items'] );
		$this->assertCount( 2, $groups['footprints-devices']['items'] );
		$this->assertCount( 1234, $groups['footprints-events']['items'] );
		$text = (string) wp_json_encode( array_intersect_key( $groups, array_flip( array( 'footprints-people', 'footprints-devices', 'footprints-events' ) ) ) );
		$this->assertStringNotContainsString( 'bob', $text );
		$this->assertStringNotContainsString( 'dev_nobody_1', $text );
	}

	public function test_a_form_sent_without_a_device_id_with_the_email_is_exported_after_the_devices_events_and_another_email_is_not(): void {
		$this->store( array( $this->anonymous_form( 10, 'ANN@example.com' ), $this->anonymous_form( 11, 'joann@example.com' ) ) );
		$export = $this->privacy_callback( 'wp_privacy_personal_data_exporters' );

		$last = $export( 'ann@example.com', 3 );

		$this->assertTrue( $last['done'] );
		$this->assertCount( 235, $last['data'] );
		$form = self::values( end( $last['data'] ) );
		$this->assertSame( '{"form":"newsletter","email":"ANN@example.com"}', $form['Attributes'] );
		$this->assertSame( 'none (sent without a device id)', $form['Device ID'] );
		$this->assertStringNotContainsString( 'joann', (string) wp_json_encode( array( $export( 'ann@example.com', 1 ), $export( 'ann@example.com', 2 ), $last ) ) );
	}

	public function test_a_wordpress_users_email_finds_the_person_their_sign_in_linked_and_an_unknown_email_finds_nothing(): void {
		$user = wp_insert_user(
			array(
				'user_login' => 'cara_' . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
				'user_email' => 'cara@example.com',
			)
		);
		$this->assertIsInt( $user );
		$events = $this->clicks( 'dev_cara_tablet', 3, 1 );
		$events = array_map(
			static fn( array $event ) => array(
				'wp_user'  => $user,
				'app_id'   => \Footprints\plugin()->site_app_id()->get(),
				'referrer' => '',
			) + $event,
			$events
		);
		\Footprints\plugin()->event_writer()->write( $events, self::$start );
		$export = $this->privacy_callback( 'wp_privacy_personal_data_exporters' );

		$answer = $export( 'CARA@example.com', 1 );
		$this->assertTrue( $answer['done'] );
		$this->assertSame( array( 'footprints-people', 'footprints-devices', 'footprints-events', 'footprints-events', 'footprints-events' ), array_column( $answer['data'], 'group_id' ) );
		$this->assertSame( (string) $user, self::values( $answer['data'][0] )['WordPress user ID'] );

		$this->assertSame(
			array(
				'data' => array(),
				'done' => true,
			),
			$export( 'nobody@example.com', 1 )
		);
		$this->assertSame(
			array(
				'data' => array(),
				'done' => true,
			),
			$export( 'not an email', 1 )
		);
	}

	/**
	 * An export item's values by name.
	 *
	 * @param array<string, mixed> $item Item.
	 * @return array<string, string>
	 */
	private static function values( array $item ): array {
		return array_column( $item['data'], 'value', 'name' );
	}
}
