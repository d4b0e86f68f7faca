<?php
/**
 * DashboardExport.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Export;

use Footprints\Insights\DashboardSummary;
use Footprints\Insights\DateRange;
use Footprints\Insights\InsightsArgs;

/**
 * The dashboard's table as CSV: events per event and UTC day of the range,
 * for the same range and filters, the same numbers the chart shows.
 */
final class DashboardExport implements ExportableView {

	/**
	 * Constructor.
	 *
	 * @param DashboardSummary $summary The dashboard's numbers.
	 */
	public function __construct( private DashboardSummary $summary ) {}

	/**
	 * The view's name.
	 */
	public function name(): string {
		return 'dashboard';
	}

	/**
	 * The dashboard's range and filters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function args(): array {
		return InsightsArgs::summary();
	}

	/**
	 * The headings.
	 *
	 * @return list<string>
	 */
	public function columns(): array {
		return array( __( 'Day (UTC)', 'footprints' ), __( 'Event code', 'footprints' ), __( 'Event', 'footprints' ), __( 'Events', 'footprints' ) );
	}

	/**
	 * One row per event and day, event by event (busiest first), days in order.
	 * At most 10 events × 366 days: one read is the chunk.
	 *
	 * @param array<string, mixed> $params Validated parameters.
	 * @return iterable<list<string|int|float|bool|null>>
	 * @throws \InvalidArgumentException For a range that is not one (the route answers 400).
	 */
	public function rows( array $params ): iterable {
		$range   = DateRange::of( (string) ( $params['range'] ?? '30d' ), (string) ( $params['from'] ?? '' ), (string) ( $params['to'] ?? '' ), gmdate( 'Y-m-d' ) );
		$site    = (string) ( $params['site'] ?? '' );
		$summary = $this->summary->summarize( $range, array_values( array_map( 'strval', (array) ( $params['code'] ?? array() ) ) ), '' === $site ? array() : array( $site ) );
		foreach ( $summary['events'] as $event ) {
			foreach ( $summary['days'] as $index => $day ) {
				yield array( $day, $event['code'], $event['name'], $event['daily'][ $index ] );
			}
		}
	}
}
