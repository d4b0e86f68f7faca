<?php
/**
 * DailyTotals.
 *
 * @package Footprints
 */

namespace Footprints\Insights;

/**
 * Reads the dashboard's numbers from the daily rollups that EventWriter
 * keeps in the same transaction as the events (footprints_daily: events
 * per code, UTC day and app; footprints_daily_devices: the devices behind
 * them), never from the raw events: a range of any length reads at most
 * one row per event, day and site.
 */
final class DailyTotals {

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * Events per code in a range and in the period before it, and how many
	 * rows the daily devices table holds for the code in the range (each
	 * day's devices column counts exactly the rows EventWriter added there):
	 * it changes whenever the code's unique devices may have.
	 *
	 * @param DateRange $range   The range.
	 * @param string[]  $codes   Only these codes (all when empty).
	 * @param string[]  $app_ids Only these sites (all when empty).
	 * @return array<string, array{current: int, previous: int, device_rows: int}> By code.
	 */
	public function totals( DateRange $range, array $codes, array $app_ids ): array {
		$wpdb     = $this->wpdb;
		$previous = $range->previous()->bounds();
		$current  = $range->bounds();
		$sql      = $wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
			"SELECT code, SUM(IF(day >= %s, events, 0)) AS current, SUM(IF(day < %s, events, 0)) AS previous, SUM(IF(day >= %s, devices, 0)) AS device_rows FROM {$wpdb->prefix}footprints_daily WHERE day BETWEEN %s AND %s",
			$current['from'],
			$current['from'],
			$current['from'],
			$previous['from'],
			$current['to']
		);
		$rows   = InsightsQuery::rows( $this->wpdb, $sql . $this->in( 'code', $codes ) . $this->in( 'app_id', $app_ids ) . ' GROUP BY code' );
		$totals = array();
		foreach ( $rows as $row ) {
			$totals[ (string) $row['code'] ] = array(
				'current'     => (int) $row['current'],
				'previous'    => (int) $row['previous'],
				'device_rows' => (int) $row['device_rows'],
			);
		}
		return $totals;
	}

	/**
	 * Events per code and day in a range; days without events are absent.
	 *
	 * @param DateRange $range   The range.
	 * @param string[]  $codes   These codes (none: nothing is read).
	 * @param string[]  $app_ids Only these sites (all when empty).
	 * @return array<string, array<string, int>> By code, then day (Y-m-d).
	 */
	public function per_day( DateRange $range, array $codes, array $app_ids ): array {
		$series = array();
		foreach ( $this->read( "SELECT code, day, SUM(events) AS events FROM {$this->wpdb->prefix}footprints_daily", $range, $codes, $app_ids, 'code, day' ) as $row ) {
			$series[ (string) $row['code'] ][ (string) $row['day'] ] = (int) $row['events'];
		}
		return $series;
	}

	/**
	 * Unique devices per code over a range (a device seen on several days
	 * counts once). Reads the code_device index (migrations/0009): only the
	 * entries of these codes, already in device order, so nothing is sorted.
	 * Forced: for a day range the optimizer prefers the primary key (day
	 * first), and then sorts every device of the range.
	 *
	 * @param DateRange $range   The range.
	 * @param string[]  $codes   These codes (none: nothing is read).
	 * @param string[]  $app_ids Only these sites (all when empty).
	 * @return array<string, int> By code; codes without devices are absent.
	 */
	public function unique_devices( DateRange $range, array $codes, array $app_ids ): array {
		$rows = $this->read( "SELECT code, COUNT(DISTINCT device_id) AS devices FROM {$this->wpdb->prefix}footprints_daily_devices FORCE INDEX (code_device)", $range, $codes, $app_ids, 'code' );
		return array_map( 'intval', array_column( $rows, 'devices', 'code' ) );
	}

	/**
	 * Rows of a select over the days of a range, for these codes and sites.
	 *
	 * @param string    $select   "SELECT ... FROM table" (ours, never input).
	 * @param DateRange $range    The range.
	 * @param string[]  $codes    These codes (none: nothing is read).
	 * @param string[]  $app_ids  Only these sites (all when empty).
	 * @param string    $group_by Columns to group by.
	 * @return list<array<string, mixed>>
	 */
	private function read( string $select, DateRange $range, array $codes, array $app_ids, string $group_by ): array {
		if ( ! $codes ) {
			return array();
		}
		$bounds = $range->bounds();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- our own select; the days are placeholders.
		$sql = $this->wpdb->prepare( "$select WHERE day BETWEEN %s AND %s", $bounds['from'], $bounds['to'] );
		return InsightsQuery::rows( $this->wpdb, $sql . $this->in( 'code', $codes ) . $this->in( 'app_id', $app_ids ) . " GROUP BY $group_by" );
	}

	/**
	 * " AND column IN (...)" for a list of values, or nothing for none.
	 *
	 * @param string   $column A column name (ours, never input).
	 * @param string[] $values Values.
	 */
	private function in( string $column, array $values ): string {
		if ( ! $values ) {
			return '';
		}
		$placeholders = implode( ',', array_fill( 0, count( $values ), '%s' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- a column name of ours and one %s per value.
		return (string) $this->wpdb->prepare( " AND $column IN ($placeholders)", $values );
	}
}
