<?php
/**
 * Path comparison against seeded events with known answers: of the people
 * who did A in the range, who did B afterwards within the window. Events
 * go in through footprints_track(), so people and devices are what the
 * plugin itself makes of them.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Insights\Paths\Path;
use function Footprints\plugin;

final class PathQueryTest extends TestCase {

	// Monday 2 March 2026, 10:00 UTC: the range is 1-7 March, the window 7 days.
	private const T0   = 1772445600000;
	private const HOUR = 3600000;
	private const DAY  = 86400000;

	protected function setUp(): void {
		parent::setUp();
		$this->define_event( 'path_a' );
		$this->define_event( 'path_b' );
	}

	/**
	 * Stores one event at an exact time.
	 *
	 * @param string               $code       Event code.
	 * @param string|null          $device     Device id (null: none).
	 * @param int                  $time       Milliseconds since 1970.
	 * @param array<string, mixed> $attributes Attributes.
	 */
	private function track( string $code, ?string $device, int $time, array $attributes = array() ): void {
		$context = array( 'time' => $time );
		if ( null !== $device ) {
			$context['device_id'] = $device;
		}
		$this->assertIsString( footprints_track( $code, $attributes, $context ) );
	}

	/**
	 * The person a device belongs to.
	 *
	 * @param string $device Device id.
	 */
	private function person_of( string $device ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT person_id FROM {$wpdb->prefix}footprints_person_devices WHERE device_id = %s", $device ) );
	}

	/**
	 * The path path_a → path_b over 1-7 March with a 7-day window.
	 */
	private static function path(): Path {
		$path = Path::from_params(
			array(
				'a'      => 'path_a',
				'b'      => 'path_b',
				'window' => 7,
				'from'   => '2026-03-01',
				'to'     => '2026-03-07',
			)
		);
		self::assertInstanceOf( Path::class, $path );
		return $path;
	}

	/**
	 * One person per case, each named by what it shows.
	 */
	private function seed(): void {
		// Converts two hours after A.
		$this->track( 'path_a', 'dev_converts', self::T0 );
		$this->track( 'path_b', 'dev_converts', self::T0 + 2 * self::HOUR );
		// B before A does not count, and nothing follows A.
		$this->track( 'path_b', 'dev_b_first', self::T0 - self::HOUR );
		$this->track( 'path_a', 'dev_b_first', self::T0 );
		// B at the same millisecond as A is not after it.
		$this->track( 'path_a', 'dev_same_ms', self::T0 );
		$this->track( 'path_b', 'dev_same_ms', self::T0 );
		// The window's edge: exactly 7 days after A counts, 1 ms more does not.
		$this->track( 'path_a', 'dev_edge_in', self::T0 );
		$this->track( 'path_b', 'dev_edge_in', self::T0 + 7 * self::DAY );
		$this->track( 'path_a', 'dev_edge_out', self::T0 );
		$this->track( 'path_b', 'dev_edge_out', self::T0 + 7 * self::DAY + 1 );
		// The first A starts the window: B is 4 days after a later A but 10 after the first.
		$this->track( 'path_a', 'dev_first_a', self::T0 );
		$this->track( 'path_a', 'dev_first_a', self::T0 + 6 * self::DAY );
		$this->track( 'path_b', 'dev_first_a', self::T0 + 10 * self::DAY );
		// Two devices of one person (identified as ann): A on the phone, B on the laptop a day later.
		$this->track( 'custom_data_updated', 'dev_ann_phone', self::T0 - self::DAY, array( 'user_id' => 'ann' ) );
		$this->track( 'custom_data_updated', 'dev_ann_laptop', self::T0 - self::DAY, array( 'user_id' => 'ann' ) );
		$this->track( 'path_a', 'dev_ann_phone', self::T0 );
		$this->track( 'path_a', 'dev_ann_laptop', self::T0 + 3 * self::HOUR );
		$this->track( 'path_b', 'dev_ann_laptop', self::T0 + self::DAY );
		// The range's edges: A in the last millisecond of 7 March counts (unconverted) ...
		$this->track( 'path_a', 'dev_last_ms', 1772927999999 );
		// ... A at midnight after it, or before 1 March, is outside (its B changes nothing).
		$this->track( 'path_a', 'dev_after_range', 1772928000000 );
		$this->track( 'path_b', 'dev_after_range', 1772928000000 + self::HOUR );
		$this->track( 'path_a', 'dev_before_range', 1772323199999 );
		$this->track( 'path_b', 'dev_before_range', self::T0 );
		// Without a device an event is nobody's.
		$this->track( 'path_a', null, self::T0 );
		$this->track( 'path_b', null, self::T0 + self::HOUR );
	}

	public function test_the_comparison_counts_people_who_did_b_after_their_first_a_within_the_window(): void {
		$this->seed();

		$this->assertSame( $this->person_of( 'dev_ann_phone' ), $this->person_of( 'dev_ann_laptop' ), 'identify() made the two devices one person' );
		$this->assertSame(
			array(
				'people'         => 8,
				'converted'      => 3,
				'open'           => 0,
				'rate'           => 3 / 8,
				// Converted after 2 h, 24 h and exactly 7 days: the middle one.
				'median_seconds' => 86400.0,
			),
			plugin()->path_query()->summary( self::path() )
		);
	}

	public function test_the_people_lists_split_the_people_who_did_a_by_outcome(): void {
		$this->seed();
		$query = plugin()->path_query();

		$converted = $query->page( self::path(), true, 0, 50 );
		$ann       = $this->person_of( 'dev_ann_phone' );
		$expected  = array(
			$this->person_of( 'dev_converts' ) => 7200.0,
			$this->person_of( 'dev_edge_in' )  => 604800.0,
			$ann                               => 86400.0,
		);
		ksort( $expected );
		$this->assertSame( $expected, array_column( $converted, 'seconds', 'person_id' ) );
		$this->assertSame( 'ann', array_column( $converted, 'user_id', 'person_id' )[ $ann ] );
		$this->assertSame( '2026-03-02T10:00:00.000Z', array_column( $converted, 'a_at', 'person_id' )[ $ann ] );
		$this->assertSame( '2026-03-03T10:00:00.000Z', array_column( $converted, 'b_at', 'person_id' )[ $ann ] );

		$unconverted = array_column( $query->page( self::path(), false, 0, 50 ), 'person_id' );
		$expected    = array_map( array( $this, 'person_of' ), array( 'dev_b_first', 'dev_same_ms', 'dev_edge_out', 'dev_first_a', 'dev_last_ms' ) );
		sort( $expected );
		$this->assertSame( $expected, $unconverted );

		// Keyset pages: two at a time, after the last id of the page before.
		$first  = $query->page( self::path(), false, 0, 2 );
		$second = $query->page( self::path(), false, $first[1]['person_id'], 2 );
		$this->assertSame( array_slice( $expected, 0, 4 ), array_column( array_merge( $first, $second ), 'person_id' ) );
	}

	public function test_a_person_whose_window_is_still_open_is_counted_as_open(): void {
		$now = (int) floor( microtime( true ) * 1000 );
		$this->track( 'path_a', 'dev_recent', $now - self::HOUR );
		$this->track( 'path_a', 'dev_recent_converted', $now - self::HOUR );
		$this->track( 'path_b', 'dev_recent_converted', $now - 1000 );

		$path = Path::from_params(
			array(
				'a' => 'path_a',
				'b' => 'path_b',
			)
		);
		$this->assertInstanceOf( Path::class, $path );
		$summary = plugin()->path_query()->summary( $path );

		$this->assertSame( array( 2, 1, 1 ), array( $summary['people'], $summary['converted'], $summary['open'] ) );
		$this->assertSame( 3599.0, $summary['median_seconds'] );
	}

	public function test_on_a_hub_a_site_keeps_a_and_b_to_its_own_events(): void {
		$site = plugin()->connected_sites()->add( 'shop.example.test' );
		$this->assertIsArray( $site );
		$shop = (string) $site['site']['app_id'];
		$here = plugin()->site_app_id()->get();
		foreach ( array(
			// Both on the shop: converts there.
			array( 'path_a', 'dev_shop', $shop, self::T0 ),
			array( 'path_b', 'dev_shop', $shop, self::T0 + self::HOUR ),
			// A on the shop, B here: converts only when every site counts.
			array( 'path_a', 'dev_mixed', $shop, self::T0 ),
			array( 'path_b', 'dev_mixed', $here, self::T0 + self::HOUR ),
			// Both here.
			array( 'path_a', 'dev_here', $here, self::T0 ),
			array( 'path_b', 'dev_here', $here, self::T0 + 2 * self::HOUR ),
		) as list( $code, $device, $app_id, $time ) ) {
			$this->assertIsString(
				footprints_track(
					$code,
					array(),
					array(
						'device_id' => $device,
						'app_id'    => $app_id,
						'time'      => $time,
					)
				)
			);
		}
		$figures = function ( string $app_id ): array {
			$path = Path::from_params(
				array(
					'a'    => 'path_a',
					'b'    => 'path_b',
					'from' => '2026-03-01',
					'to'   => '2026-03-07',
					'site' => $app_id,
				)
			);
			$this->assertInstanceOf( Path::class, $path );
			$summary = plugin()->path_query()->summary( $path );
			return array( $summary['people'], $summary['converted'], $summary['median_seconds'] );
		};

		$this->assertSame( array( 2, 1, 3600.0 ), $figures( $shop ) );
		$this->assertSame( array( 1, 1, 7200.0 ), $figures( $here ) );
		$this->assertSame( array( 3, 3, 3600.0 ), $figures( '' ) );
		// A site is a value, never part of the query: its % is not a placeholder.
		$this->assertSame( array( 0, 0, null ), $figures( 'app_%s%d' ) );
	}

	public function test_a_range_that_is_not_one_is_refused_with_what_to_change(): void {
		$reversed = Path::from_params(
			array(
				'a'    => 'path_a',
				'b'    => 'path_b',
				'from' => '2026-03-07',
				'to'   => '2026-03-01',
			)
		);
		$unreal   = Path::from_params(
			array(
				'a'    => 'path_a',
				'b'    => 'path_b',
				'from' => '2026-02-30',
			)
		);
		$too_long = Path::from_params(
			array(
				'a'    => 'path_a',
				'b'    => 'path_b',
				'from' => '2024-01-01',
				'to'   => '2026-03-01',
			)
		);

		$this->assertInstanceOf( \WP_Error::class, $reversed );
		$this->assertStringContainsString( 'from is after to', $reversed->get_error_message() );
		$this->assertInstanceOf( \WP_Error::class, $unreal );
		$this->assertStringContainsString( 'YYYY-MM-DD', $unreal->get_error_message() );
		$this->assertInstanceOf( \WP_Error::class, $too_long );
		$this->assertStringContainsString( 'at most 366 days', $too_long->get_error_message() );
	}
}
