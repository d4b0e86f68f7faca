<?php
/**
 * PathQuery.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Paths;

use Footprints\Database\QueryFailed;

/**
 * Of the people who did A, how many did B afterwards within the window.
 *
 * The rule, exactly (README "Path comparison"; PathQueryTest checks each
 * clause):
 * - People are person_id through footprints_person_devices: two devices of
 *   one person are one person; events without a device id are nobody's.
 * - A person's window starts at their first A whose time falls in the UTC
 *   days from..to. Later As of theirs start nothing.
 * - They converted when a B of any of their devices occurred strictly after
 *   that A and at most window days after it: B exactly window × 24 h later
 *   counts, one millisecond more does not. A B before (or at the same
 *   millisecond as) that A does not count. B may fall after the range.
 * - Time between = their first such B − that A; the median over converted
 *   people (the mean of the two middle ones for an even count).
 * - On a hub, with a site: only that app ID's events, A and B alike.
 * - Open: people not converted whose window has not ended yet (they may
 *   still convert); they are counted as not converted.
 *
 * Two index range scans (A's and B's codes by code_occurred), each joined
 * to person_devices by its primary key: no scan of the events table.
 */
final class PathQuery {

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * The comparison's figures.
	 *
	 * @param Path $path The path.
	 * @return array{people: int, converted: int, open: int, rate: float|null, median_seconds: float|null}
	 * @throws QueryFailed When the database refused the query.
	 */
	public function summary( Path $path ): array {
		$wpdb = $this->wpdb;
		$open = gmdate( 'Y-m-d H:i:s', time() - $path->window_days * DAY_IN_SECONDS );
		// Prepared in parts: people() is prepared already, and a % in a value must not be read as a placeholder again.
		// MEDIAN() answers a DECIMAL that clips above 10^8: seconds fit (90 days are 7,776,000), microseconds do not.
		$sql = 'SELECT COUNT(*) AS people, COUNT(b_at) AS converted, '
			. $wpdb->prepare( 'COALESCE(SUM(b_at IS NULL AND a_at > %s), 0) AS open', $open )
			. ', MAX(median_s) AS median_s
			FROM ( SELECT a_at, b_at, MEDIAN(TIMESTAMPDIFF(MICROSECOND, a_at, b_at) / 1000000) OVER () AS median_s FROM (' . $this->people( $path ) . ') AS p ) AS t';
		$row = $wpdb->get_row( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared in parts above.
		self::must_have_answered( $wpdb );
		$people    = (int) ( $row['people'] ?? 0 );
		$converted = (int) ( $row['converted'] ?? 0 );
		$median    = $row['median_s'] ?? null;
		return array(
			'people'         => $people,
			'converted'      => $converted,
			'open'           => (int) ( $row['open'] ?? 0 ),
			'rate'           => $people ? $converted / $people : null,
			'median_seconds' => null === $median ? null : round( (float) $median, 3 ),
		);
	}

	/**
	 * One page of the path's people who converted (or did not), by person id.
	 *
	 * @param Path $path      The path.
	 * @param bool $converted Converted people, or the others.
	 * @param int  $after     Keyset: only person ids above this one.
	 * @param int  $limit     At most this many.
	 * @return list<array{person_id: int, user_id: string|null, email: string|null, a_at: string, b_at: string|null, seconds: float|null}>
	 * @throws QueryFailed When the database refused the query.
	 */
	public function page( Path $path, bool $converted, int $after, int $limit ): array {
		$wpdb   = $this->wpdb;
		$people = $wpdb->prefix . 'footprints_people';
		// Prepared in parts, as in summary().
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$sql  = 'SELECT p.person_id, person.user_id, person.email, p.a_at, p.b_at FROM (' . $this->people( $path ) . ") AS p LEFT JOIN $people AS person ON person.id = p.person_id "
			. $wpdb->prepare( 'WHERE p.person_id > %d AND (p.b_at IS NOT NULL) = %d ORDER BY p.person_id LIMIT %d', $after, (int) $converted, $limit );
		$rows = $wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared in parts above.
		self::must_have_answered( $wpdb );
		$page = array();
		foreach ( (array) $rows as $row ) {
			$b_at   = null === $row['b_at'] ? null : (string) $row['b_at'];
			$page[] = array(
				'person_id' => (int) $row['person_id'],
				'user_id'   => null === $row['user_id'] ? null : (string) $row['user_id'],
				'email'     => null === $row['email'] ? null : (string) $row['email'],
				'a_at'      => self::iso( (string) $row['a_at'] ),
				'b_at'      => null === $b_at ? null : self::iso( $b_at ),
				'seconds'   => null === $b_at ? null : self::seconds_between( (string) $row['a_at'], $b_at ),
			);
		}
		return $page;
	}

	/**
	 * Every person who did A in the range: person_id, a_at (their first A
	 * there) and b_at (their first B in the window after it, or NULL), as a
	 * prepared subquery.
	 *
	 * @param Path $path The path.
	 */
	private function people( Path $path ): string {
		$wpdb    = $this->wpdb;
		$events  = $wpdb->prefix . 'footprints_events';
		$devices = $wpdb->prefix . 'footprints_person_devices';
		$site    = '' === $path->site ? '' : $wpdb->prepare( ' AND e.app_id = %s', $path->site );
		// B can only fall between the range's start and its end plus the window:
		// the bounds keep B's index scan as short as A's.
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names and the prepared site clause.
		return (string) $wpdb->prepare(
			"SELECT a.person_id, a.a_at, b.b_at FROM (
				SELECT pd.person_id, MIN(e.occurred_at) AS a_at
				FROM $events AS e JOIN $devices AS pd ON pd.device_id = e.device_id
				WHERE e.code = %s AND e.occurred_at >= %s AND e.occurred_at < %s$site
				GROUP BY pd.person_id
			) AS a LEFT JOIN (
				SELECT first_a.person_id, MIN(e.occurred_at) AS b_at
				FROM $events AS e JOIN $devices AS pd ON pd.device_id = e.device_id
				JOIN (
					SELECT pd.person_id, MIN(e.occurred_at) AS a_at
					FROM $events AS e JOIN $devices AS pd ON pd.device_id = e.device_id
					WHERE e.code = %s AND e.occurred_at >= %s AND e.occurred_at < %s$site
					GROUP BY pd.person_id
				) AS first_a ON first_a.person_id = pd.person_id
				WHERE e.code = %s AND e.occurred_at > %s AND e.occurred_at <= %s + INTERVAL %d DAY$site
					AND e.occurred_at > first_a.a_at AND e.occurred_at <= first_a.a_at + INTERVAL %d DAY
				GROUP BY first_a.person_id
			) AS b ON b.person_id = a.person_id",
			$path->a,
			$path->starts(),
			$path->ends(),
			$path->a,
			$path->starts(),
			$path->ends(),
			$path->b,
			$path->starts(),
			$path->ends(),
			$path->window_days,
			$path->window_days
		);
		// phpcs:enable
	}

	/**
	 * Throws when the last read failed: an error is not "nobody did A".
	 *
	 * @param \wpdb $wpdb The connection that ran it.
	 * @throws QueryFailed When it failed.
	 */
	private static function must_have_answered( \wpdb $wpdb ): void {
		if ( '' !== $wpdb->last_error ) {
			throw new QueryFailed( esc_html( $wpdb->last_error ) );
		}
	}

	/**
	 * A stored UTC time as ISO 8601 with milliseconds and Z.
	 *
	 * @param string $datetime "Y-m-d H:i:s.v".
	 */
	private static function iso( string $datetime ): string {
		return str_replace( ' ', 'T', $datetime ) . 'Z';
	}

	/**
	 * Seconds (to the millisecond) between two stored UTC times.
	 *
	 * @param string $from Earlier.
	 * @param string $to   Later.
	 */
	private static function seconds_between( string $from, string $to ): float {
		$utc = new \DateTimeZone( 'UTC' );
		$a   = new \DateTimeImmutable( $from, $utc );
		$b   = new \DateTimeImmutable( $to, $utc );
		return round( (float) $b->format( 'U.v' ) - (float) $a->format( 'U.v' ), 3 );
	}
}
