<?php
/**
 * DashboardSummary.
 *
 * @package Footprints
 */

namespace Footprints\Insights;

/**
 * The dashboard's numbers for a range: the total of events and its change
 * against the period before of the same length, and the top events (or
 * the chosen ones) each with its total, change, unique devices and count
 * per day. All from the daily rollups (DailyTotals).
 */
final class DashboardSummary {

	// Events shown when none is chosen: what a chart and a list stay readable with.
	public const TOP = 10;

	// Events a filter may name.
	public const MAX_CODES = 10;

	/**
	 * Constructor.
	 *
	 * @param DailyTotals      $totals  The rollups.
	 * @param UniqueDevices    $devices Unique devices per event, remembered while unchanged.
	 * @param DefinitionLabels $labels  Names and colors of the events.
	 */
	public function __construct( private DailyTotals $totals, private UniqueDevices $devices, private DefinitionLabels $labels ) {}

	/**
	 * The summary of a range.
	 *
	 * @param DateRange $range   The range.
	 * @param string[]  $codes   Only these events (the top ones when empty).
	 * @param string[]  $app_ids Only these sites (all when empty).
	 * @return array{range: array{from: string, to: string, days: int}, previous: array{from: string, to: string}, days: list<string>, total: array{events: int, previous: int, change: float|null}, events: list<array{code: string, name: string, color: string, events: int, previous: int, change: float|null, devices: int, daily: list<int>}>}
	 */
	public function summarize( DateRange $range, array $codes, array $app_ids ): array {
		$totals = $this->totals->totals( $range, $codes, $app_ids );
		$total  = array(
			'events'   => array_sum( array_column( $totals, 'current' ) ),
			'previous' => array_sum( array_column( $totals, 'previous' ) ),
		);
		$shown  = $codes ? $codes : $this->top( $totals );
		$daily  = $this->totals->per_day( $range, $shown, $app_ids );
		$unique = $this->devices->of( $range, $shown, $app_ids, array_map( static fn( array $total ): int => $total['device_rows'], $totals ) );
		$labels = $this->labels->of( $shown );
		$days   = $range->each_day();
		$events = array();
		foreach ( $shown as $code ) {
			$current  = $totals[ $code ]['current'] ?? 0;
			$previous = $totals[ $code ]['previous'] ?? 0;
			$events[] = array(
				'code'     => $code,
				// A deleted definition keeps its numbers, under its code.
				'name'     => $labels[ $code ]['name'] ?? $code,
				'color'    => $labels[ $code ]['color'] ?? '',
				'events'   => $current,
				'previous' => $previous,
				'change'   => self::change( $current, $previous ),
				'devices'  => $unique[ $code ] ?? 0,
				'daily'    => array_map( static fn( string $day ): int => $daily[ $code ][ $day ] ?? 0, $days ),
			);
		}
		return array(
			'range'    => $range->bounds() + array( 'days' => $range->days() ),
			'previous' => $range->previous()->bounds(),
			'days'     => $days,
			'total'    => $total + array( 'change' => self::change( $total['events'], $total['previous'] ) ),
			'events'   => $events,
		);
	}

	/**
	 * The codes with the most events in the range, busiest first.
	 *
	 * @param array<string, array{current: int, previous: int, device_rows: int}> $totals By code.
	 * @return list<string>
	 */
	private function top( array $totals ): array {
		$totals = array_filter( $totals, static fn( array $total ): bool => $total['current'] > 0 );
		uksort(
			$totals,
			static fn( string $a, string $b ): int => array( $totals[ $b ]['current'], $a ) <=> array( $totals[ $a ]['current'], $b )
		);
		return array_slice( array_map( 'strval', array_keys( $totals ) ), 0, self::TOP );
	}

	/**
	 * The change from the previous period as a fraction (0.25 is +25 %),
	 * or null when the previous period had none: there is nothing to
	 * compare with.
	 *
	 * @param int $current  This period.
	 * @param int $previous The period before.
	 */
	private static function change( int $current, int $previous ): ?float {
		return 0 === $previous ? null : ( $current - $previous ) / $previous;
	}
}
