<?php
/**
 * UniqueDevices.
 *
 * @package Footprints
 */

namespace Footprints\Insights;

/**
 * Unique devices per event over a range, remembered while they cannot
 * have changed. Counting them reads every daily device row of the event
 * in the range (the ten busiest of 1,000,000 events over 90 days: about
 * 230,000 rows, 0.2 to 0.35 s on a busy machine). The count can only
 * change when rows are added or removed, and the daily totals say how
 * many rows there are for almost nothing, so a count is kept (a transient
 * per range and sites) with the number of rows it was counted from, and
 * counted again only for the events whose number of rows moved.
 */
final class UniqueDevices {

	/**
	 * Constructor.
	 *
	 * @param DailyTotals $totals The rollups.
	 */
	public function __construct( private DailyTotals $totals ) {}

	/**
	 * Unique devices of each code.
	 *
	 * @param DateRange          $range   The range.
	 * @param string[]           $codes   These codes.
	 * @param string[]           $app_ids Only these sites (all when empty).
	 * @param array<string, int> $rows    Daily device rows of each code in the range (DailyTotals::totals()).
	 * @return array<string, int> By code.
	 */
	public function of( DateRange $range, array $codes, array $app_ids, array $rows ): array {
		$key    = 'footprints_unique_devices_' . md5( (string) wp_json_encode( array( $range->bounds(), $app_ids ) ) );
		$known  = get_transient( $key );
		$known  = is_array( $known ) ? $known : array();
		$counts = array();
		$stale  = array();
		foreach ( $codes as $code ) {
			$now = $rows[ $code ] ?? 0;
			if ( 0 === $now ) {
				$counts[ $code ] = 0;
			} elseif ( isset( $known[ $code ] ) && is_array( $known[ $code ] ) && $now === $known[ $code ][0] ) {
				$counts[ $code ] = (int) $known[ $code ][1];
			} else {
				$stale[] = $code;
			}
		}
		if ( $stale ) {
			$fresh = $this->totals->unique_devices( $range, $stale, $app_ids );
			foreach ( $stale as $code ) {
				$counts[ $code ] = $fresh[ $code ] ?? 0;
				$known[ $code ]  = array( $rows[ $code ] ?? 0, $counts[ $code ] );
			}
			set_transient( $key, $known, DAY_IN_SECONDS );
		}
		return $counts;
	}
}
