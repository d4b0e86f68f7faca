<?php
/**
 * The counts in the editor: per code, the last N UTC days from the daily
 * rollups, zeros included, for those who may read insights.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Insights\DailyCounts;

final class CountsTest extends TestCase {

	private const ROUTE = '/footprints/v1/insights/counts';

	public function test_each_code_gets_its_total_and_one_count_per_utc_day(): void {
		$this->define_event( 'count_click' );
		$this->define_event( 'count_view' );
		$today = gmdate( 'Y-m-d' );
		// 3 today, 2 two days ago, 1 seven days ago (outside 7 days), 1 of the other code.
		$this->collect_at( 'count_click', array( "$today 00:00:01", "$today 00:10:00", "$today 00:20:00" ) );
		$this->collect_at( 'count_click', array( gmdate( 'Y-m-d 23:59:59', time() - 2 * DAY_IN_SECONDS ), gmdate( 'Y-m-d 00:00:00', time() - 2 * DAY_IN_SECONDS ) ) );
		$this->collect_at( 'count_click', array( gmdate( 'Y-m-d 12:00:00', time() - 7 * DAY_IN_SECONDS ) ) );
		$this->collect_at( 'count_view', array( "$today 00:00:02" ) );
		$this->log_in_as( 'administrator' );

		$response = $this->rest( 'GET', self::ROUTE, array( 'codes' => 'count_click,count_view,count_never' ) );

		$this->assertSame( 200, $response->get_status() );
		$data = json_decode( (string) wp_json_encode( $response->get_data() ), true );
		$this->assertSame( DailyCounts::last_days( 7, time() ), $data['days'] );
		$this->assertSame( $today, $data['days'][6] );
		$this->assertSame(
			array(
				'count_click' => array(
					'total' => 5,
					'daily' => array( 0, 0, 0, 0, 2, 0, 3 ),
				),
				'count_view'  => array(
					'total' => 1,
					'daily' => array( 0, 0, 0, 0, 0, 0, 1 ),
				),
				'count_never' => array(
					'total' => 0,
					'daily' => array( 0, 0, 0, 0, 0, 0, 0 ),
				),
			),
			$data['counts']
		);

		$eight = $this->rest(
			'GET',
			self::ROUTE,
			array(
				'codes' => 'count_click',
				'days'  => 8,
			)
		)->get_data();
		$this->assertSame( 6, $eight['counts']->count_click['total'] );
	}

	public function test_a_wrong_code_or_range_is_a_400_and_only_insights_readers_get_counts(): void {
		$this->assertSame( 401, $this->rest( 'GET', self::ROUTE, array( 'codes' => 'count_click' ) )->get_status() );
		$this->log_in_as( 'editor' );
		$this->assertSame( 403, $this->rest( 'GET', self::ROUTE, array( 'codes' => 'count_click' ) )->get_status() );
		$this->log_in_as( 'administrator' );
		$bad = $this->rest( 'GET', self::ROUTE, array( 'codes' => 'count_click,Not A Code' ) );
		$this->assertSame( 400, $bad->get_status() );
		$this->assertArrayHasKey( 'codes', $bad->get_data()['data']['params'] );
		$too_long = $this->rest(
			'GET',
			self::ROUTE,
			array(
				'codes' => 'count_click',
				'days'  => 91,
			)
		);
		$this->assertSame( 400, $too_long->get_status() );
		$this->assertArrayHasKey( 'days', $too_long->get_data()['data']['params'] );
	}

	public function test_the_top_events_of_a_day_come_most_first(): void {
		foreach ( array( 'top_a', 'top_b', 'top_c' ) as $code ) {
			$this->define_event( $code );
		}
		$today = gmdate( 'Y-m-d' );
		$this->collect_at( 'top_b', array( "$today 00:00:01", "$today 00:00:02" ) );
		$this->collect_at( 'top_a', array( "$today 00:00:03", "$today 00:00:04" ) );
		$this->collect_at( 'top_c', array( "$today 00:00:05", "$today 00:00:06", "$today 00:00:07" ) );
		$this->collect_at( 'top_c', array( gmdate( 'Y-m-d 12:00:00', time() - DAY_IN_SECONDS ) ) );

		$top = \Footprints\plugin()->daily_counts()->top( $today, 2 );

		$this->assertSame(
			array(
				array(
					'code'   => 'top_c',
					'events' => 3,
				),
				array(
					'code'   => 'top_a',
					'events' => 2,
				),
			),
			$top
		);
	}

	/**
	 * Collects one event of this code at each time (UTC).
	 *
	 * @param string       $code  Event code.
	 * @param list<string> $times Times, Y-m-d H:i:s UTC.
	 */
	private function collect_at( string $code, array $times ): void {
		$events = array();
		foreach ( $times as $time ) {
			$events[] = array(
				'id'    => 'evt_' . wp_generate_password( 16, false ),
				'event' => $code,
				'time'  => strtotime( "$time UTC" ) * 1000,
			);
		}
		$answer = $this->collect( $events );
		$this->assertSame( count( $times ), $answer['accepted'], (string) wp_json_encode( $answer ) );
	}
}
