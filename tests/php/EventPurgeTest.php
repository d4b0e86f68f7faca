<?php
/**
 * Purging the events of one code, and deleting a definition, decided with
 * ingest: every accepted event counts, in the table or still in the
 * buffer, and a delete racing a stream of batches never leaves an accepted
 * event without its definition.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class EventPurgeTest extends FastCollectorTestCase {

	public function test_the_purge_counts_stored_and_buffered_events_then_deletes_them_all_and_the_definition_can_go(): void {
		$this->define_event( 'test_click' );
		$this->collect( array( $this->event( 'evt_purge_0001' ), $this->event( 'evt_purge_0002' ) ) );
		FastCollector::post( (string) wp_json_encode( array( 'events' => array( $this->event( 'evt_purge_0003' ) ) ) ) );
		$this->log_in_as( 'administrator' );

		$count   = $this->rest( 'GET', '/footprints/v1/events/purge', array( 'event' => 'test_click' ) )->get_data();
		$refused = $this->rest( 'DELETE', '/footprints/v1/definitions/test_click' );
		$purged  = $this->rest( 'POST', '/footprints/v1/events/purge', array( 'event' => 'test_click' ) )->get_data();
		$deleted = $this->rest( 'DELETE', '/footprints/v1/definitions/test_click' );

		global $wpdb;
		$this->assertSame(
			array(
				'event' => 'test_click',
				'count' => 3,
			),
			$count
		);
		$this->assertSame( 409, $refused->get_status() );
		$this->assertSame(
			array(
				'event'   => 'test_click',
				'deleted' => 3,
			),
			$purged
		);
		$this->assertSame( '0', $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}footprints_daily WHERE code = 'test_click'" ) );
		$this->assertSame( 200, $deleted->get_status() );
		$this->assertNull( plugin()->definitions()->find( 'test_click' ) );
	}

	public function test_a_definition_whose_only_event_waits_in_the_buffer_cannot_be_deleted(): void {
		$this->define_event( 'test_click' );
		$answer = FastCollector::post( (string) wp_json_encode( array( 'events' => array( $this->event( 'evt_waiting_001' ) ) ) ) );
		$this->assertSame( 1, $answer['body']['accepted'] );
		$this->assertSame( 0, plugin()->definitions()->find( 'test_click' )['trigger_count'], 'not drained yet' );
		$this->log_in_as( 'administrator' );

		$delete = $this->rest( 'DELETE', '/footprints/v1/definitions/test_click' );

		$this->assertSame( 409, $delete->get_status() );
		$this->assertSame( 1, plugin()->events()->query( array( 'event' => 'test_click' ) )['total'] );
	}

	public function test_a_delete_racing_a_stream_of_batches_never_leaves_an_accepted_event_behind(): void {
		$this->define_event( 'race_click' );
		$this->log_in_as( 'administrator' );
		$output = tempnam( sys_get_temp_dir(), 'footprints-race' );
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- the other side of the race runs in its own process.
		exec( sprintf( 'php %s %s race_click 150 > %s 2>&1 &', escapeshellarg( __DIR__ . '/bin/send-batches.php' ), escapeshellarg( FastCollector::url() ), escapeshellarg( $output ) ) );

		$statuses = array();
		$status   = 0;
		for ( $i = 0; $i < 40 && 200 !== $status; $i++ ) {
			usleep( 20000 );
			$status     = $this->rest( 'DELETE', '/footprints/v1/definitions/race_click' )->get_status();
			$statuses[] = $status;
		}
		$deadline = microtime( true ) + 30;
		while ( microtime( true ) < $deadline && '' === trim( (string) file_get_contents( $output ) ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
			usleep( 100000 );
		}
		$accepted = (int) file_get_contents( $output ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		unlink( $output ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		plugin()->drainer()->drain();

		$stored = plugin()->events()->query( array( 'event' => 'race_click' ) )['total'];
		$this->assertSame( $accepted, $stored, 'every accepted event is stored' );
		if ( in_array( 200, $statuses, true ) ) {
			$this->assertSame( 0, $accepted, 'the definition went only when no event of it had been accepted' );
		} else {
			$this->assertNotNull( plugin()->definitions()->find( 'race_click' ) );
			$this->assertGreaterThan( 0, $accepted );
		}
	}

	/**
	 * An event of test_click.
	 *
	 * @param string $id Event id.
	 * @return array{id: string, event: string}
	 */
	private function event( string $id ): array {
		return array(
			'id'    => $id,
			'event' => 'test_click',
		);
	}
}
