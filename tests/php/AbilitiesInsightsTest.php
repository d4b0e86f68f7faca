<?php
/**
 * The abilities footprints/get-insights and footprints/compare-paths: exact figures for
 * seeded events, the same answers as the insights routes, and their
 * refusals of a range that is not one.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class AbilitiesInsightsTest extends TestCase {

	use PeopleEvents;

	protected function setUp(): void {
		parent::setUp();
		$this->define_event( 'ability_a' );
		$this->define_event( 'ability_b' );
		// From T0 (2025-11-23 12:13:20 UTC): four devices did A; B followed
		// a minute later on one, two hours later on another, four days later
		// (outside a 3-day window) on a third; the fourth never did B. The
		// first did A again the next day.
		$day = 86400;
		$this->collect(
			array(
				$this->event( 'dev_abil_one', 0, 'ability_a', array() ),
				$this->event( 'dev_abil_two', 0, 'ability_a', array() ),
				$this->event( 'dev_abil_three', 0, 'ability_a', array() ),
				$this->event( 'dev_abil_four', 0, 'ability_a', array() ),
				$this->event( 'dev_abil_three', 7200, 'ability_b', array() ),
				$this->event( 'dev_abil_one', $day, 'ability_a', array() ),
				$this->event( 'dev_abil_one', 60, 'ability_b', array() ),
				$this->event( 'dev_abil_two', 4 * $day, 'ability_b', array() ),
			)
		);
		$this->log_in_as( 'administrator' );
	}

	public function test_insights_count_the_seeded_events_per_day_as_the_dashboard_does(): void {
		$input   = array(
			'range' => 'custom',
			'from'  => '2025-11-23',
			'to'    => '2025-11-25',
			'code'  => array( 'ability_a', 'ability_b' ),
		);
		$answer  = wp_get_ability( 'footprints/get-insights' )->execute( $input );
		$summary = $this->rest( 'GET', '/footprints/v1/insights/summary', $input )->get_data();

		$this->assertSame(
			array(
				'from' => '2025-11-23',
				'to'   => '2025-11-25',
				'days' => 3,
			),
			$answer['range']
		);
		$this->assertSame(
			array(
				'events'   => 7,
				'previous' => 0,
				'change'   => null,
			),
			$answer['total']
		);
		$this->assertSame(
			array(
				array( 'ability_a', 'Ability A', 5, array( 4, 1, 0 ), 4 ),
				array( 'ability_b', 'Ability B', 2, array( 2, 0, 0 ), 2 ),
			),
			array_map( static fn( array $event ) => array( $event['code'], $event['name'], $event['events'], $event['daily'], $event['devices'] ), $answer['events'] )
		);
		$this->assertSame( $summary, $answer );
		unset( $input['range'] );
		$this->assertSame( $answer, wp_get_ability( 'footprints/get-insights' )->execute( $input ), 'from and to alone are a custom range' );
		$this->assertSame( array(), JsonSchemaCheck::problems( $answer, wp_get_ability( 'footprints/get-insights' )->get_output_schema() ) );
	}

	public function test_compare_paths_gives_the_paths_figures(): void {
		$input = array(
			'a'      => 'ability_a',
			'b'      => 'ability_b',
			'window' => 3,
			'from'   => '2025-11-22',
			'to'     => '2025-11-28',
		);

		$answer = wp_get_ability( 'footprints/compare-paths' )->execute( $input );

		$this->assertSame(
			array(
				'a'              => 'ability_a',
				'b'              => 'ability_b',
				'window'         => 3,
				'from'           => '2025-11-22',
				'to'             => '2025-11-28',
				'site'           => '',
				'people'         => 4,
				'converted'      => 2,
				'open'           => 0,
				'rate'           => 0.5,
				'median_seconds' => 3630.0,
			),
			$answer
		);
		$this->assertSame( $answer, $this->rest( 'GET', '/footprints/v1/insights/paths', $input )->get_data() );
		$this->assertSame( 3, wp_get_ability( 'footprints/compare-paths' )->execute( array( 'window' => 5 ) + $input )['converted'], 'B four days later counts in a 5-day window' );
	}

	public function test_a_range_that_is_not_one_is_refused_as_the_routes_refuse_it(): void {
		$backwards = array(
			'range' => 'custom',
			'from'  => '2026-03-04',
			'to'    => '2026-03-02',
		);
		$insights  = wp_get_ability( 'footprints/get-insights' )->execute( $backwards );
		$paths     = wp_get_ability( 'footprints/compare-paths' )->execute(
			array(
				'a'    => 'ability_a',
				'b'    => 'ability_b',
				'from' => '2026-03-04',
				'to'   => '2026-03-02',
			)
		);
		$no_b      = wp_get_ability( 'footprints/compare-paths' )->execute( array( 'a' => 'ability_a' ) );

		$this->assertSame( 'The range starts after it ends: choose a "from" day on or before the "to" day.', $insights->get_error_message() );
		$this->assertSame( 400, $insights->get_error_data()['status'] );
		$this->assertSame( $insights->get_error_message(), $this->rest( 'GET', '/footprints/v1/insights/summary', $backwards )->as_error()->get_error_message() );
		$this->assertSame( 'footprints_invalid_path', $paths->get_error_code() );
		$this->assertSame( 'from is after to: give the range\'s first UTC day as from and its last as to.', $paths->get_error_message() );
		$this->assertSame( 'ability_invalid_input', $no_b->get_error_code() );
		$this->assertStringContainsString( 'b is a required property of input.', $no_b->get_error_message() );
	}
}
