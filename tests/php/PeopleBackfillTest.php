<?php
/**
 * Events stored before people were kept get their people from a cron job
 * that counts each event once, even for a device the writer has met since.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\People\PeopleBackfill;
use function Footprints\plugin;

final class PeopleBackfillTest extends TestCase {

	use PeopleEvents;

	public function test_events_from_before_people_existed_get_people_and_their_identities_once(): void {
		global $wpdb;
		$this->define_event( 'trial_click' );
		// History as an earlier version stored it: events, no people.
		$this->old_event( 'old_dev_a1', 0, 'trial_click', array() );
		$this->old_event( 'old_dev_a1', 60, 'custom_data_updated', array( 'user_id' => 'old-ann' ) );
		$this->old_event( 'old_dev_b2', 120, 'trial_click', array() );
		$this->old_event( 'old_dev_b2', 180, 'custom_data_updated', array( 'user_id' => 'old-ann' ) );
		$this->old_event( 'old_dev_c3', 240, 'trial_click', array() );
		// What migration 0008 notes on such a site.
		$newest = (string) $wpdb->get_var( "SELECT MAX(id) FROM {$wpdb->prefix}footprints_events" );
		update_option( PeopleBackfill::BEFORE_OPTION, $newest );
		delete_option( PeopleBackfill::CURSOR_OPTION );
		$backfill = new PeopleBackfill( $wpdb, new \Footprints\People\IdentityLedger( $wpdb ) );
		$backfill->start();
		$this->assertNotFalse( wp_next_scheduled( PeopleBackfill::HOOK ) );

		// After the update, before the job: the writer meets device c3 again.
		$this->collect( array( $this->click( 'old_dev_c3', 300 ) ) );
		$this->assertSame( 1, (int) $this->person_of( 'old_dev_c3' )['events'] );

		$backfill->run();

		$ann = $this->person_of( 'old_dev_a1' );
		$this->assertSame( $ann['id'], $this->person_of( 'old_dev_b2' )['id'] );
		$this->assertSame( 'old-ann', $ann['user_id'] );
		$this->assertSame( 4, (int) $ann['events'] );
		$this->assertSame( 2, (int) $this->person_of( 'old_dev_c3' )['events'], 'one old event and one new, each once' );
		$this->assertSame( '2025-11-23 12:17:20.000', $this->person_of( 'old_dev_c3' )['first_seen'] );
		$this->assertSame( '', get_option( PeopleBackfill::BEFORE_OPTION ), 'done' );

		$backfill->run();
		$this->assertSame( 2, (int) $this->person_of( 'old_dev_c3' )['events'], 'a second run adds nothing' );
	}

	public function test_a_site_whose_writer_already_keeps_people_counts_no_event_twice(): void {
		global $wpdb;
		$this->define_event( 'trial_click' );
		$this->collect( array( $this->click( 'kept_dev_1', 0 ) ) );
		delete_option( PeopleBackfill::BEFORE_OPTION );
		( new PeopleBackfill( $wpdb, new \Footprints\People\IdentityLedger( $wpdb ) ) )->start();

		$this->assertSame( '', get_option( PeopleBackfill::BEFORE_OPTION ) );
		$this->assertSame( 1, (int) $this->person_of( 'kept_dev_1' )['events'] );
	}

	/**
	 * Stores an event as a version without people did: the row alone.
	 *
	 * @param string               $device     Device id.
	 * @param int                  $seconds    Seconds after T0.
	 * @param string               $code       Event code.
	 * @param array<string, mixed> $attributes Attributes.
	 */
	private function old_event( string $device, int $seconds, string $code, array $attributes ): void {
		global $wpdb;
		$event = $this->event( $device, $seconds, $code, $attributes );
		$wpdb->insert(
			$wpdb->prefix . 'footprints_events',
			array(
				'event_id'    => $event['id'],
				'code'        => $code,
				'app_id'      => plugin()->site_app_id()->get(),
				'device_id'   => $device,
				'attributes'  => (string) wp_json_encode( (object) $attributes ),
				'page_url'    => $event['page'],
				'referrer'    => '',
				'occurred_at' => gmdate( 'Y-m-d H:i:s', intdiv( $event['time'], 1000 ) ) . '.000',
				'received_at' => gmdate( 'Y-m-d H:i:s' ),
			)
		);
	}
}
