<?php
/**
 * Live events: the latest events in the order they were received (an
 * event sent late with an old time still comes first), filtered by event,
 * device and site, at most the limit; the export gives the same rows.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class InsightsLiveTest extends TestCase {

	public function test_the_latest_events_newest_received_first_with_filters(): void {
		$this->define_event( 'live_click' );
		$this->define_event( 'live_view' );
		$site = plugin()->connected_sites()->add( 'blog.example.test' );
		$this->assertIsArray( $site );
		$blog = (string) $site['site']['app_id'];
		$now  = (int) floor( microtime( true ) * 1000 );
		$sent = array(
			array( 'live_click', 'device_live_1', null, $now - 5000 ),
			array( 'live_view', 'device_live_2', null, $now - 4000 ),
			array( 'live_click', 'device_live_2', $blog, $now - 3000 ),
			// Sent last, but it happened a week ago (a retried outbox).
			array( 'live_view', 'device_live_1', null, $now - 7 * DAY_IN_SECONDS * 1000 ),
		);
		$ids = array();
		foreach ( $sent as list( $code, $device, $app_id, $time ) ) {
			$context = array(
				'device_id' => $device,
				'time'      => $time,
			);
			if ( null !== $app_id ) {
				$context['app_id'] = $app_id;
			}
			$ids[] = footprints_track( $code, array( 'n' => count( $ids ) ), $context );
		}
		$this->log_in_as( 'administrator' );
		$live = fn( array $params ) => array_column( $this->rest( 'GET', '/footprints/v1/insights/live', $params )->get_data(), 'id' );

		$this->assertSame( array_reverse( $ids ), array_slice( $live( array() ), 0, 4 ) );
		$this->assertSame( array( $ids[2], $ids[0] ), $live( array( 'code' => 'live_click' ) ) );
		$this->assertSame( array( $ids[3], $ids[0] ), $live( array( 'device' => 'device_live_1' ) ) );
		$this->assertSame( array( $ids[2] ), $live( array( 'site' => $blog ) ) );
		$this->assertSame(
			array( $ids[1] ),
			$live(
				array(
					'code'   => 'live_view',
					'device' => 'device_live_2',
				)
			)
		);
		$this->assertSame( array( $ids[3], $ids[2] ), array_slice( $live( array( 'limit' => 2 ) ), 0, 2 ) );
		$this->assertCount( 2, $live( array( 'limit' => 2 ) ) );
		$this->assertSame( 400, $this->rest( 'GET', '/footprints/v1/insights/live', array( 'limit' => 1001 ) )->get_status() );

		$export = apply_filters( 'footprints_export_views', array() )['live-events'];
		$rows   = iterator_to_array( $export->rows( array( 'device' => 'device_live_1' ) ), false );
		$this->assertSame( array( $ids[3], $ids[0] ), array_column( $rows, 7 ) );
		$this->assertSame( array( 'live_view', 'device_live_1', '{"n":"3"}' ), array( $rows[0][2], $rows[0][3], $rows[0][6] ) );
	}
}
