<?php
/**
 * DailyCounts.
 *
 * @package Footprints
 */

namespace Footprints\Insights;

use Footprints\Database\QueryFailed;

/**
 * Event counts per code and UTC day from the daily rollups
 * (footprints_daily), every site (app ID) together: the counts in the
 * editor and the At a glance widget. Never reads the raw events.
 */
final class DailyCounts {

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * The last $days UTC days, oldest first, today last.
	 *
	 * @param int $days How many.
	 * @param int $now  Unix time taken as now.
	 * @return list<string> Days as YYYY-MM-DD.
	 */
	public static function last_days( int $days, int $now ): array {
		$list = array();
		for ( $back = $days - 1; $back >= 0; $back-- ) {
			$list[] = gmdate( 'Y-m-d', $now - $back * DAY_IN_SECONDS );
		}
		return $list;
	}

	/**
	 * Per code, the total and the count of each day (zeros included).
	 *
	 * @param string[] $codes Event codes.
	 * @param string[] $days  UTC days, oldest first, consecutive.
	 * @return array<string, array{total: int, daily: list<int>}>
	 * @throws QueryFailed When the rollups cannot be read.
	 */
	public function per_day( array $codes, array $days ): array {
		$counts = array();
		foreach ( $codes as $code ) {
			$counts[ $code ] = array(
				'total' => 0,
				'daily' => array_fill( 0, count( $days ), 0 ),
			);
		}
		if ( ! $codes || ! $days ) {
			return $counts;
		}
		$wpdb  = $this->wpdb;
		$index = array_flip( array_values( $days ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- table name only; one placeholder per code.
		$sql  = $wpdb->prepare( "SELECT code, day, SUM(events) AS events FROM {$wpdb->prefix}footprints_daily WHERE code IN (" . implode( ',', array_fill( 0, count( $codes ), '%s' ) ) . ') AND day BETWEEN %s AND %s GROUP BY code, day', array_merge( array_values( $codes ), array( reset( $days ), end( $days ) ) ) );
		$rows = $this->read( (string) $sql );
		foreach ( $rows as $row ) {
			$day = $index[ (string) $row['day'] ] ?? null;
			if ( null !== $day && isset( $counts[ (string) $row['code'] ] ) ) {
				$counts[ (string) $row['code'] ]['daily'][ $day ] = (int) $row['events'];
				$counts[ (string) $row['code'] ]['total']        += (int) $row['events'];
			}
		}
		return $counts;
	}

	/**
	 * The most triggered codes of one UTC day, most first (ties by code).
	 *
	 * @param string $day   YYYY-MM-DD.
	 * @param int    $limit How many at most.
	 * @return list<array{code: string, events: int}>
	 * @throws QueryFailed When the rollups cannot be read.
	 */
	public function top( string $day, int $limit ): array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$rows = $this->read( (string) $wpdb->prepare( "SELECT code, SUM(events) AS events FROM {$wpdb->prefix}footprints_daily WHERE day = %s GROUP BY code HAVING events > 0 ORDER BY events DESC, code ASC LIMIT %d", $day, $limit ) );
		return array_map(
			static fn( array $row ): array => array(
				'code'   => (string) $row['code'],
				'events' => (int) $row['events'],
			),
			$rows
		);
	}

	/**
	 * Rows of a prepared query; a failed query throws rather than reading as "no events".
	 *
	 * @param string $sql Prepared SQL.
	 * @return list<array<string, string|null>>
	 * @throws QueryFailed When the query failed.
	 */
	private function read( string $sql ): array {
		$wpdb = $this->wpdb;
		$rows = $wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared by the caller.
		if ( '' !== $wpdb->last_error ) {
			throw new QueryFailed( esc_html( $wpdb->last_error ) );
		}
		return (array) $rows;
	}
}
