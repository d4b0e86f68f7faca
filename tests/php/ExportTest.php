<?php
/**
 * The CSV export route: a large export streams in bounded memory with the
 * exact rows, formula cells are neutralised, and a wrong view, parameter
 * or user gets an error that says so.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Insights\Export\CsvDownload;
use Footprints\Insights\Export\CsvWriter;
use Footprints\Insights\Export\ExportableView;
use Footprints\Insights\Export\ExportViews;

final class ExportTest extends TestCase {

	private const ROUTE = '/footprints/v1/insights/export';

	private const ROWS = 100000;

	// What streaming 100,000 rows may add to the peak memory: a page of rows, not the file.
	private const MEMORY_BOUND = 8 * 1024 * 1024;

	private const HEADER = "\xEF\xBB\xBFtime_utc,event,event_name,site,device_id,page,referrer,attributes,event_id,received_utc";

	/**
	 * A view for the tests, added to the filter while a test runs.
	 *
	 * @var (callable(array<string, ExportableView>): array<string, ExportableView>)|null
	 */
	private $filter = null;

	protected function tearDown(): void {
		if ( null !== $this->filter ) {
			remove_filter( ExportViews::FILTER, $this->filter );
		}
		parent::tearDown();
	}

	public function test_100000_events_stream_with_the_exact_rows_in_bounded_memory(): void {
		global $wpdb;
		$this->define_event( 'bulk_click' );
		// Bulk SQL (MariaDB's sequence engine) because this test checks the
		// exporter, not the writer: events 1..100000, one second apart from
		// 2026-01-01, plus one of another code and one outside the range.
		$events = $wpdb->prefix . 'footprints_events';
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$this->assertSame(
			self::ROWS,
			$wpdb->query(
				"INSERT INTO $events (event_id, code, app_id, device_id, attributes, page_url, referrer, occurred_at, received_at)
				SELECT CONCAT('evt_bulk_', seq), 'bulk_click', 'app_bulk', CONCAT('dev_bulk_', seq MOD 500), CONCAT('{\"n\":', seq, '}'),
					CONCAT('https://example.com/p/', seq), '', TIMESTAMP('2026-01-01 00:00:00') + INTERVAL seq SECOND, TIMESTAMP('2026-01-03 00:00:00')
				FROM seq_1_to_100000"
			)
		);
		$wpdb->query( "INSERT INTO $events (event_id, code, app_id, attributes, occurred_at, received_at) VALUES ('evt_other', 'other_click', 'app_bulk', '{}', '2026-01-01 12:00:00', '2026-01-03 00:00:00'), ('evt_late', 'bulk_click', 'app_bulk', '{}', '2026-01-03 00:00:00', '2026-01-03 00:00:00')" );
		// phpcs:enable
		$this->log_in_as( 'administrator' );

		$response = $this->rest(
			'GET',
			self::ROUTE,
			array(
				'view' => 'events',
				'from' => '2026-01-01',
				'to'   => '2026-01-02',
				'code' => 'bulk_click',
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'text/csv; charset=utf-8', $response->get_headers()['Content-Type'] );
		$this->assertSame( 'attachment; filename="footprints-events-' . gmdate( 'Y-m-d' ) . '.csv"', $response->get_headers()['Content-Disposition'] );
		$download = $response->get_data();
		$this->assertInstanceOf( CsvDownload::class, $download );

		$file    = tmpfile();
		$flushes = 0;
		$this->assertIsResource( $file );
		$before = memory_get_usage();
		memory_reset_peak_usage();
		$rows  = $download->write(
			$file,
			static function () use ( &$flushes ): void {
				++$flushes;
			}
		);
		$grown = memory_get_peak_usage() - $before;

		$this->assertSame( self::ROWS, $rows );
		$this->assertLessThan( self::MEMORY_BOUND, $grown, sprintf( 'Streaming grew the peak memory by %.1f MB.', $grown / 1048576 ) );
		// One flush per chunk of rows, and one at the end.
		$this->assertSame( self::ROWS / CsvWriter::CHUNK + 1, $flushes );

		rewind( $file );
		$lines = 0;
		$known = null;
		$first = (string) fgets( $file );
		while ( false !== ( $line = fgets( $file ) ) ) { // phpcs:ignore Generic.CodeAnalysis.AssignmentInCondition.FoundInWhileCondition, WordPress.CodeAnalysis.AssignmentInCondition.FoundInWhileCondition -- read to the end.
			++$lines;
			if ( 54321 === $lines ) {
				$known = $line;
			}
		}
		$this->assertSame( self::HEADER . "\r\n", $first );
		$this->assertSame( self::ROWS, $lines );
		// Oldest first: the 54,321st row is event 54321, 15:05:21 on 1 January.
		$this->assertSame( "2026-01-01T15:05:21.000Z,bulk_click,\"Bulk Click\",app_bulk,dev_bulk_321,https://example.com/p/54321,,\"{\"\"n\"\":54321}\",evt_bulk_54321,2026-01-03T00:00:00.000Z\r\n", $known );
	}

	public function test_cells_that_would_run_as_a_formula_are_neutralised(): void {
		$this->export_view(
			array( 'label', 'count' ),
			array(
				array( '=HYPERLINK("https://evil.example","Click")', 1 ),
				array( '+1+1', -5 ),
				array( '-2+3', 2.5 ),
				array( '@SUM(A1:A9)', true ),
				array( "\tcmd", null ),
				array( "\rcmd", false ),
				array( 'a=b, "quoted"', 0 ),
				array( 'Café ✓', 7 ),
			)
		);
		$this->log_in_as( 'administrator' );
		$download = $this->rest( 'GET', self::ROUTE, array( 'view' => 'test-cells' ) )->get_data();
		$this->assertInstanceOf( CsvDownload::class, $download );
		$file = tmpfile();
		$this->assertIsResource( $file );
		$download->write( $file, static fn() => null );
		rewind( $file );

		$this->assertSame(
			"\xEF\xBB\xBFlabel,count\r\n"
			. "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\",1\r\n"
			. "'+1+1,-5\r\n"
			. "'-2+3,2.5\r\n"
			. "'@SUM(A1:A9),1\r\n"
			. "\"'\tcmd\",\r\n"
			. "\"'\rcmd\",0\r\n"
			. "\"a=b, \"\"quoted\"\"\",0\r\n"
			. "\"Café ✓\",7\r\n",
			stream_get_contents( $file )
		);
	}

	public function test_an_unknown_view_a_wrong_or_unknown_parameter_is_a_400_naming_it(): void {
		$this->log_in_as( 'administrator' );

		$unknown = $this->rest( 'GET', self::ROUTE, array( 'view' => 'nope' ) );
		$this->assertSame( 400, $unknown->get_status() );
		$this->assertStringContainsString( 'There is no export "nope". Exports: ', $unknown->get_data()['message'] );
		$this->assertStringContainsString( 'events', $unknown->get_data()['message'] );

		$bad_day = $this->rest(
			'GET',
			self::ROUTE,
			array(
				'view' => 'events',
				'from' => 'yesterday',
			)
		);
		$this->assertSame( 400, $bad_day->get_status() );
		$this->assertSame( array( 'from' ), array_keys( $bad_day->get_data()['data']['params'] ) );
		$this->assertStringContainsString( 'from', $bad_day->get_data()['message'] );

		$typo = $this->rest(
			'GET',
			self::ROUTE,
			array(
				'view' => 'events',
				'form' => '2026-01-01',
			)
		);
		$this->assertSame( 400, $typo->get_status() );
		$this->assertSame( 'Invalid parameter: The export "events" takes no parameter "form". It takes: from, to, code, site.', $typo->get_data()['message'] );

		$reversed = $this->rest(
			'GET',
			self::ROUTE,
			array(
				'view' => 'events',
				'from' => '2026-01-31',
				'to'   => '2026-01-01',
			)
		);
		$this->assertSame( 400, $reversed->get_status() );
		$this->assertSame( 'Invalid parameter: to (2026-01-01) is before from (2026-01-31); give the first day as from and the last as to.', $reversed->get_data()['message'] );

		$missing = $this->rest( 'GET', self::ROUTE, array() );
		$this->assertSame( 400, $missing->get_status() );
		$this->assertStringContainsString( 'view', $missing->get_data()['message'] );

		// WordPress' own parameters (the nonce of a download link) pass.
		$this->assertSame(
			200,
			$this->rest(
				'GET',
				self::ROUTE,
				array(
					'view'     => 'events',
					'_wpnonce' => 'x',
				)
			)->get_status()
		);
	}

	public function test_an_editor_without_the_capability_gets_403_and_a_visitor_401(): void {
		$this->assertSame( 401, $this->rest( 'GET', self::ROUTE, array( 'view' => 'events' ) )->get_status() );
		$this->log_in_as( 'editor' );
		$this->assertSame( 403, $this->rest( 'GET', self::ROUTE, array( 'view' => 'events' ) )->get_status() );
	}

	/**
	 * Registers a view named test-cells with these rows.
	 *
	 * @param list<string>                                     $columns Headings.
	 * @param list<list<string|int|float|bool|null>> $rows    Rows.
	 */
	private function export_view( array $columns, array $rows ): void {
		$view         = new class( $columns, $rows ) implements ExportableView {
			/**
			 * Constructor.
			 *
			 * @param list<string>                           $columns Headings.
			 * @param list<list<string|int|float|bool|null>> $rows    Rows.
			 */
			public function __construct( private array $columns, private array $rows ) {}

			public function name(): string {
				return 'test-cells';
			}

			public function args(): array {
				return array();
			}

			public function columns(): array {
				return $this->columns;
			}

			public function rows( array $params ): iterable {
				return $this->rows;
			}
		};
		$this->filter = static function ( array $views ) use ( $view ): array {
			$views['test-cells'] = $view;
			return $views;
		};
		add_filter( ExportViews::FILTER, $this->filter );
	}
}
