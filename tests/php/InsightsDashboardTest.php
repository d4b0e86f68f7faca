<?php
/**
 * The dashboard's numbers: the daily rollups agree with the raw events,
 * totals and changes against the previous period are exact, unique
 * devices count a device once over a range, the site filter splits a
 * hub's events, and only users who may view insights read them.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Insights\Export\CsvDownload;
use Footprints\Insights\Export\ExportableView;
use function Footprints\plugin;

final class InsightsDashboardTest extends TestCase {

	/**
	 * The connected site's app ID.
	 *
	 * @var string
	 */
	private string $shop = '';

	protected function setUp(): void {
		parent::setUp();
		$this->define_event( 'insights_click' );
		$this->define_event( 'insights_signup' );
		$site       = plugin()->connected_sites()->add( 'shop.example.test' );
		$this->shop = is_array( $site ) ? (string) $site['site']['app_id'] : '';
		$this->assertNotSame( '', $this->shop );
	}

	/**
	 * Seeds events through footprints_track(), at noon UTC of days before
	 * today (0 is today), on this site unless another app ID is given.
	 *
	 * Range of 7 days: days 0 to 6; the previous period: days 7 to 13.
	 */
	private function seed(): void {
		$own    = plugin()->site_app_id()->get();
		$events = array(
			array( 'insights_click', 0, 'device_aaaa', $own ),
			array( 'insights_click', 0, 'device_aaaa', $own ),
			array( 'insights_click', 0, 'device_bbbb', $own ),
			array( 'insights_click', 1, 'device_aaaa', $this->shop ),
			array( 'insights_click', 1, 'device_cccc', $this->shop ),
			array( 'insights_click', 6, 'device_dddd', $own ),
			array( 'insights_click', 8, 'device_aaaa', $own ),
			array( 'insights_click', 8, 'device_eeee', $own ),
			array( 'insights_click', 10, null, $own ),
			array( 'insights_signup', 3, 'device_bbbb', $own ),
			array( 'insights_signup', 9, 'device_ffff', $own ),
			array( 'insights_signup', 9, 'device_ffff', $own ),
		);
		$noon   = strtotime( gmdate( 'Y-m-d 12:00:00' ) );
		foreach ( $events as list( $code, $days_ago, $device, $app_id ) ) {
			$context = array(
				'time'   => ( $noon - $days_ago * DAY_IN_SECONDS ) * 1000,
				'app_id' => $app_id,
			);
			if ( null !== $device ) {
				$context['device_id'] = $device;
			}
			$this->assertIsString( footprints_track( $code, array(), $context ) );
		}
	}

	/**
	 * The summary as the REST route answers it.
	 *
	 * @param array<string, mixed> $params Query.
	 * @return array<string, mixed>
	 */
	private function summary( array $params ): array {
		$response = $this->rest( 'GET', '/footprints/v1/insights/summary', $params );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	/**
	 * One event's entry of a summary, by code.
	 *
	 * @param array<string, mixed> $summary The summary.
	 * @param string               $code    Event code.
	 * @return array<string, mixed>
	 */
	private static function event( array $summary, string $code ): array {
		$found = array_values( array_filter( $summary['events'], static fn( $event ) => $event['code'] === $code ) );
		return $found[0] ?? array();
	}

	public function test_the_daily_rollups_equal_the_counts_over_the_raw_events(): void {
		$this->seed();
		global $wpdb;
		$raw    = $wpdb->get_results( "SELECT code, DATE(occurred_at) AS day, app_id, COUNT(*) AS events, COUNT(DISTINCT device_id) AS devices FROM {$wpdb->prefix}footprints_events WHERE code LIKE 'insights\\_%' GROUP BY code, day, app_id ORDER BY code, day, app_id", ARRAY_A );
		$rollup = $wpdb->get_results( "SELECT code, day, app_id, events, devices FROM {$wpdb->prefix}footprints_daily WHERE code LIKE 'insights\\_%' ORDER BY code, day, app_id", ARRAY_A );
		$unique = $wpdb->get_results( "SELECT code, day, app_id, COUNT(*) AS devices FROM {$wpdb->prefix}footprints_daily_devices WHERE code LIKE 'insights\\_%' GROUP BY code, day, app_id ORDER BY code, day, app_id", ARRAY_A );

		$this->assertCount( 7, $raw );
		$this->assertSame( $raw, $rollup );
		$with_devices = array_values(
			array_map(
				static fn( $row ) => array_intersect_key( $row, array_flip( array( 'code', 'day', 'app_id', 'devices' ) ) ),
				array_filter( $raw, static fn( $row ) => '0' !== $row['devices'] )
			)
		);
		$this->assertSame( $with_devices, $unique );
	}

	public function test_totals_change_and_unique_devices_of_the_last_7_days(): void {
		$this->seed();
		$this->log_in_as( 'administrator' );

		$summary = $this->summary( array( 'range' => '7d' ) );

		$today = gmdate( 'Y-m-d' );
		$this->assertSame( gmdate( 'Y-m-d', strtotime( '-6 days' ) ), $summary['range']['from'] );
		$this->assertSame( $today, $summary['range']['to'] );
		$this->assertSame( 7, $summary['range']['days'] );
		$this->assertSame( gmdate( 'Y-m-d', strtotime( '-13 days' ) ), $summary['previous']['from'] );
		$this->assertSame( gmdate( 'Y-m-d', strtotime( '-7 days' ) ), $summary['previous']['to'] );
		$this->assertCount( 7, $summary['days'] );
		// 6 clicks and 1 sign-up against 3 clicks and 2 sign-ups: +40 %.
		$this->assertSame(
			array(
				'events'   => 7,
				'previous' => 5,
				'change'   => 0.4,
			),
			$summary['total']
		);
		$this->assertSame( array( 'insights_click', 'insights_signup' ), array_column( $summary['events'], 'code' ) );
		$click = self::event( $summary, 'insights_click' );
		$this->assertSame( 'Insights Click', $click['name'] );
		$this->assertSame( 6, $click['events'] );
		$this->assertSame( 3, $click['previous'] );
		$this->assertEquals( 1.0, $click['change'] );
		// device_aaaa on two days and two sites counts once: a, b, c, d.
		$this->assertSame( 4, $click['devices'] );
		$this->assertSame( array( 1, 0, 0, 0, 0, 2, 3 ), $click['daily'] );
		$signup = self::event( $summary, 'insights_signup' );
		$this->assertSame( array( 1, 2, -0.5, 1 ), array( $signup['events'], $signup['previous'], $signup['change'], $signup['devices'] ) );
		$this->assertSame( array( 0, 0, 0, 1, 0, 0, 0 ), $signup['daily'] );
	}

	public function test_today_a_custom_range_the_event_filter_and_the_site_filter(): void {
		$this->seed();
		$this->log_in_as( 'administrator' );

		$today = $this->summary( array( 'range' => 'today' ) );
		$this->assertSame( 3, $today['total']['events'] );
		// Yesterday had 2 (both on the shop).
		$this->assertEquals( 0.5, $today['total']['change'] );
		$this->assertSame( 2, self::event( $today, 'insights_click' )['devices'] );

		$custom = $this->summary(
			array(
				'range' => 'custom',
				'from'  => gmdate( 'Y-m-d', strtotime( '-10 days' ) ),
				'to'    => gmdate( 'Y-m-d', strtotime( '-8 days' ) ),
				'code'  => 'insights_signup',
			)
		);
		$this->assertSame( 3, $custom['range']['days'] );
		$this->assertSame( array( 'insights_signup' ), array_column( $custom['events'], 'code' ) );
		$this->assertSame( array( 0, 2, 0 ), self::event( $custom, 'insights_signup' )['daily'] );
		$this->assertSame( 1, self::event( $custom, 'insights_signup' )['devices'] );
		$this->assertSame( 2, $custom['total']['events'] );

		$shop = $this->summary(
			array(
				'range' => '7d',
				'site'  => $this->shop,
			)
		);
		$this->assertSame( 2, $shop['total']['events'] );
		$this->assertSame( 0, $shop['total']['previous'] );
		$this->assertNull( $shop['total']['change'] );
		$this->assertSame( array( 'insights_click' ), array_column( $shop['events'], 'code' ) );
		$this->assertSame( 2, self::event( $shop, 'insights_click' )['devices'] );

		$own = $this->summary(
			array(
				'range' => '7d',
				'site'  => plugin()->site_app_id()->get(),
			)
		);
		$this->assertSame( array( 4, 3, 3 ), array( self::event( $own, 'insights_click' )['events'], self::event( $own, 'insights_click' )['previous'], self::event( $own, 'insights_click' )['devices'] ) );
	}

	public function test_an_impossible_range_is_refused_with_what_to_fix(): void {
		$this->log_in_as( 'administrator' );

		$reversed = $this->rest(
			'GET',
			'/footprints/v1/insights/summary',
			array(
				'range' => 'custom',
				'from'  => '2026-03-10',
				'to'    => '2026-03-01',
			)
		);
		$this->assertSame( 400, $reversed->get_status() );
		$this->assertStringContainsString( 'on or before the "to" day', $reversed->get_data()['message'] );

		$missing = $this->rest( 'GET', '/footprints/v1/insights/summary', array( 'range' => 'custom' ) );
		$this->assertSame( 400, $missing->get_status() );
		$this->assertStringContainsString( '"from" must be a day written as YYYY-MM-DD', $missing->get_data()['message'] );

		$too_long = $this->rest(
			'GET',
			'/footprints/v1/insights/summary',
			array(
				'range' => 'custom',
				'from'  => '2024-01-01',
				'to'    => '2026-01-01',
			)
		);
		$this->assertSame( 400, $too_long->get_status() );
		$this->assertStringContainsString( 'at most 366 days', $too_long->get_data()['message'] );
	}

	public function test_an_editor_without_the_capability_gets_403_on_every_dashboard_route(): void {
		$this->log_in_as( 'editor' );
		foreach ( array( '/insights/summary', '/insights/live', '/insights/sites' ) as $route ) {
			$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1' . $route )->get_status(), $route );
		}
	}

	public function test_the_sites_are_this_one_and_the_connected_ones(): void {
		$this->log_in_as( 'administrator' );

		$sites = $this->rest( 'GET', '/footprints/v1/insights/sites' )->get_data();

		$this->assertSame(
			array(
				array(
					'app_id' => plugin()->site_app_id()->get(),
					'name'   => 'This site',
				),
				array(
					'app_id' => $this->shop,
					'name'   => 'shop.example.test',
				),
			),
			$sites
		);
	}

	public function test_the_dashboard_export_has_a_row_per_event_and_day(): void {
		$this->seed();
		$views = apply_filters( 'footprints_export_views', array() );
		$this->assertInstanceOf( ExportableView::class, $views['dashboard'] );

		$rows = iterator_to_array(
			$views['dashboard']->rows(
				array(
					'range' => '7d',
					'code'  => array( 'insights_click' ),
				)
			),
			false
		);

		$this->assertSame( array( 'Day (UTC)', 'Event code', 'Event', 'Events' ), $views['dashboard']->columns() );
		$this->assertCount( 7, $rows );
		$this->assertSame( array( gmdate( 'Y-m-d' ), 'insights_click', 'Insights Click', 3 ), $rows[6] );
		$this->assertSame( 6, array_sum( array_column( $rows, 3 ) ) );
	}

	public function test_the_export_route_downloads_the_dashboard_table_with_the_screens_parameters(): void {
		$this->seed();
		$this->log_in_as( 'administrator' );

		$response = $this->rest(
			'GET',
			'/footprints/v1/insights/export',
			array(
				'view'  => 'dashboard',
				'range' => '7d',
				'code'  => 'insights_click,insights_signup',
				'site'  => plugin()->site_app_id()->get(),
			)
		);

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$download = $response->get_data();
		$this->assertInstanceOf( CsvDownload::class, $download );
		$file = tmpfile();
		$this->assertIsResource( $file );
		$this->assertSame( 14, $download->write( $file, static fn() => null ) );
		rewind( $file );
		$csv = (string) stream_get_contents( $file );
		$this->assertStringContainsString( "\"Day (UTC)\",\"Event code\",Event,Events\r\n", $csv );
		// This site only: today's 3 clicks, not yesterday's 2 on the shop.
		$this->assertStringContainsString( gmdate( 'Y-m-d' ) . ",insights_click,\"Insights Click\",3\r\n", $csv );
		$this->assertStringContainsString( gmdate( 'Y-m-d', strtotime( '-1 day' ) ) . ",insights_click,\"Insights Click\",0\r\n", $csv );
	}

	public function test_a_remembered_device_count_is_counted_again_once_a_new_device_arrives(): void {
		$this->seed();
		$this->log_in_as( 'administrator' );
		$this->assertSame( 4, self::event( $this->summary( array( 'range' => '7d' ) ), 'insights_click' )['devices'] );
		// Remembered: the same answer without counting again.
		$this->assertSame( 4, self::event( $this->summary( array( 'range' => '7d' ) ), 'insights_click' )['devices'] );

		// A device already counted, on a new day: one more row, same devices.
		$noon = strtotime( gmdate( 'Y-m-d 12:00:00' ) );
		$this->assertIsString(
			footprints_track(
				'insights_click',
				array(),
				array(
					'device_id' => 'device_cccc',
					'time'      => ( $noon - 2 * DAY_IN_SECONDS ) * 1000,
				)
			)
		);
		$this->assertSame( 4, self::event( $this->summary( array( 'range' => '7d' ) ), 'insights_click' )['devices'] );
		// A new device today.
		$this->assertIsString(
			footprints_track(
				'insights_click',
				array(),
				array(
					'device_id' => 'device_gggg',
					'time'      => $noon * 1000,
				)
			)
		);
		$this->assertSame( 5, self::event( $this->summary( array( 'range' => '7d' ) ), 'insights_click' )['devices'] );
	}
}
