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
 * Read from the index of migration 0010 alone, never the event rows; see
 * people() for the order.
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
		// One pass over the people: a second reference to them (a CTE, a
		// window over all rows) cost MariaDB a second computation or a sort
		// of everyone. The converted people's times come as one sorted list
		// (GROUP_CONCAT skips the unconverted's NULL), long enough for
		// everyone: a 90-day window is at most 12 characters a person.
		$wpdb->query( 'SET SESSION group_concat_max_len = GREATEST(@@group_concat_max_len, 67108864)' );
		// Prepared in parts: people() is prepared already, and a % in a value must not be read as a placeholder again.
		$sql = 'SELECT COUNT(*) AS people, COUNT(b_at) AS converted, '
			. $wpdb->prepare( 'COALESCE(SUM(b_at IS NULL AND a_at > %s), 0) AS open', $open )
			. ', GROUP_CONCAT(TIMESTAMPDIFF(MICROSECOND, a_at, b_at) DIV 1000 ORDER BY 1) AS converted_ms FROM (' . $this->people( $path ) . ') AS p';
		$row = $wpdb->get_row( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared in parts above.
		self::must_have_answered( $wpdb );
		$people    = (int) ( $row['people'] ?? 0 );
		$converted = (int) ( $row['converted'] ?? 0 );
		$times     = null === ( $row['converted_ms'] ?? null ) ? array() : array_map( 'intval', explode( ',', (string) $row['converted_ms'] ) );
		if ( count( $times ) !== $converted ) {
			throw new QueryFailed( 'The converted people\'s times were cut short (group_concat_max_len).' );
		}
		return array(
			'people'         => $people,
			'converted'      => $converted,
			'open'           => (int) ( $row['open'] ?? 0 ),
			'rate'           => $people ? $converted / $people : null,
			'median_seconds' => self::median_seconds( $times ),
		);
	}

	/**
	 * The median of sorted milliseconds, in seconds: the middle one, or
	 * the mean of the middle two for an even count; null for none.
	 *
	 * @param int[] $sorted_ms Milliseconds, ascending.
	 * @phpstan-param list<int> $sorted_ms
	 */
	private static function median_seconds( array $sorted_ms ): ?float {
		$count = count( $sorted_ms );
		if ( 0 === $count ) {
			return null;
		}
		$middle = intdiv( $count, 2 );
		$ms     = $count % 2 ? $sorted_ms[ $middle ] : ( $sorted_ms[ $middle - 1 ] + $sorted_ms[ $middle ] ) / 2;
		return round( $ms / 1000, 3 );
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
	 * Each device's first A comes first (index code_device_occurred of
	 * migration 0010, read in order without a temporary table), then one
	 * lookup per device into person_devices; B is one short index range
	 * per device of each person, from their a_at to the window's end.
	 * B is a join grouped by person, not a subquery in the select list:
	 * MariaDB merges this derived table into summary()'s aggregates and
	 * ran such a subquery once per aggregate that names b_at (three
	 * times); grouped, it runs once (bench: the busiest path 519 → 249 ms).
	 *
	 * @param Path $path The path.
	 */
	private function people( Path $path ): string {
		$wpdb    = $this->wpdb;
		$events  = $wpdb->prefix . 'footprints_events';
		$devices = $wpdb->prefix . 'footprints_person_devices';
		// Every value is a placeholder: a site clause prepared apart and put
		// into this format would have its % read as placeholders again.
		$site   = '' === $path->site ? '' : ' AND app_id = %s';
		$b_site = '' === $path->site ? '' : ' AND b.app_id = %s';
		$values = '' === $path->site
			? array( $path->a, $path->starts(), $path->ends(), $path->b, $path->window_days )
			: array( $path->a, $path->starts(), $path->ends(), $path->site, $path->b, $path->window_days, $path->site );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- table names and the site's placeholder; one value per placeholder.
		return (string) $wpdb->prepare(
			"SELECT a.person_id, a.a_at, MIN(b.occurred_at) AS b_at
			FROM (
				SELECT pd.person_id, MIN(d.a_at) AS a_at
				FROM (
					SELECT device_id, MIN(occurred_at) AS a_at FROM $events
					WHERE code = %s AND device_id IS NOT NULL AND occurred_at >= %s AND occurred_at < %s$site
					GROUP BY device_id
				) AS d JOIN $devices AS pd ON pd.device_id = d.device_id
				GROUP BY pd.person_id
			) AS a
			JOIN $devices AS bd ON bd.person_id = a.person_id
			LEFT JOIN $events AS b
				ON b.code = %s AND b.device_id = bd.device_id AND b.occurred_at > a.a_at AND b.occurred_at <= a.a_at + INTERVAL %d DAY$b_site
			GROUP BY a.person_id, a.a_at",
			$values
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
