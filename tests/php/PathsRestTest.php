<?php
/**
 * The path routes (footprints/v1/insights/paths and .../paths/people) and
 * the path-people export: who may read them, what they answer, and what
 * they refuse.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Insights\Export\ExportableView;

final class PathsRestTest extends TestCase {

	private const T0 = 1772445600000;

	private const PATH = array(
		'a'      => 'path_a',
		'b'      => 'path_b',
		'window' => 3,
		'from'   => '2026-03-01',
		'to'     => '2026-03-07',
	);

	protected function setUp(): void {
		parent::setUp();
		$this->define_event( 'path_a' );
		$this->define_event( 'path_b' );
		// Three people did A; one did B a minute later, one four days later (outside 3 days).
		foreach ( array( 'dev_rest_one', 'dev_rest_two', 'dev_rest_three' ) as $device ) {
			$this->track( 'path_a', $device, self::T0 );
		}
		$this->track( 'path_b', 'dev_rest_one', self::T0 + 60000 );
		$this->track( 'path_b', 'dev_rest_two', self::T0 + 4 * 86400000 );
	}

	/**
	 * Stores one event of a device at an exact time.
	 *
	 * @param string $code   Event code.
	 * @param string $device Device id.
	 * @param int    $time   Milliseconds since 1970.
	 */
	private function track( string $code, string $device, int $time ): void {
		$context = array(
			'device_id' => $device,
			'time'      => $time,
		);
		$this->assertIsString( footprints_track( $code, array(), $context ) );
	}

	public function test_an_administrator_gets_the_comparison(): void {
		$this->log_in_as( 'administrator' );

		$response = $this->rest( 'GET', '/footprints/v1/insights/paths', self::PATH );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'a'              => 'path_a',
				'b'              => 'path_b',
				'window'         => 3,
				'from'           => '2026-03-01',
				'to'             => '2026-03-07',
				'site'           => '',
				'people'         => 3,
				'converted'      => 1,
				'open'           => 0,
				'rate'           => 1 / 3,
				'median_seconds' => 60.0,
			),
			$response->get_data()
		);
	}

	public function test_an_administrator_gets_the_people_of_each_outcome(): void {
		$this->log_in_as( 'administrator' );

		$converted   = $this->rest( 'GET', '/footprints/v1/insights/paths/people', self::PATH + array( 'outcome' => 'converted' ) )->get_data();
		$unconverted = $this->rest( 'GET', '/footprints/v1/insights/paths/people', self::PATH + array( 'outcome' => 'unconverted' ) )->get_data();

		$this->assertSame( array( 60.0 ), array_column( $converted, 'seconds' ) );
		$this->assertSame( array( null, null ), array_column( $unconverted, 'b_at' ) );
	}

	public function test_an_editor_gets_403_from_both_routes(): void {
		$this->log_in_as( 'editor' );

		$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/insights/paths', self::PATH )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/insights/paths/people', self::PATH + array( 'outcome' => 'converted' ) )->get_status() );
	}

	public function test_bad_parameters_get_400_naming_what_is_wrong(): void {
		$this->log_in_as( 'administrator' );

		$window   = $this->rest( 'GET', '/footprints/v1/insights/paths', array( 'window' => 91 ) + self::PATH );
		$reversed = $this->rest( 'GET', '/footprints/v1/insights/paths', array( 'from' => '2026-03-09' ) + self::PATH );
		$no_b     = $this->rest( 'GET', '/footprints/v1/insights/paths', array( 'a' => 'path_a' ) );

		$this->assertSame( 400, $window->get_status() );
		$this->assertStringContainsString( 'window', (string) wp_json_encode( $window->get_data() ) );
		$this->assertSame( 400, $reversed->get_status() );
		$this->assertStringContainsString( 'from is after to', $reversed->get_data()['message'] );
		$this->assertSame( 400, $no_b->get_status() );
		$this->assertStringContainsString( 'b', (string) wp_json_encode( $no_b->get_data()['data']['params'] ) );
	}

	public function test_the_path_people_export_lists_the_same_people(): void {
		$views = apply_filters( 'footprints_export_views', array() );
		$this->assertInstanceOf( ExportableView::class, $views['path-people'] );

		$rows = iterator_to_array( $views['path-people']->rows( self::PATH + array( 'outcome' => 'unconverted' ) ), false );

		$this->assertSame( array( 'person_id', 'user_id', 'email', 'a_at', 'b_at', 'seconds_between' ), $views['path-people']->columns() );
		$this->assertCount( 2, $rows );
		$this->assertSame( array( '2026-03-02T10:00:00.000Z', null, null ), array_slice( $rows[0], 3 ) );
	}
}
