<?php
/**
 * Path.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Paths;

/**
 * One path to compare: event A, event B, the window B must follow A in,
 * the UTC days A must fall in, and (on a hub) the site. What a path means
 * is PathQuery's to say; this only holds a valid one.
 */
final class Path {

	/**
	 * Constructor.
	 *
	 * @param string             $a           Code of event A.
	 * @param string             $b           Code of event B (may be A: "did it again").
	 * @param int                $window_days B counts up to this many days after A, the edge included.
	 * @param \DateTimeImmutable $from        First UTC day A may fall on (midnight).
	 * @param \DateTimeImmutable $to          Last UTC day A may fall on (midnight), not before $from.
	 * @param string             $site        App ID whose events count; '' for every site.
	 */
	public function __construct(
		public readonly string $a,
		public readonly string $b,
		public readonly int $window_days,
		public readonly \DateTimeImmutable $from,
		public readonly \DateTimeImmutable $to,
		public readonly string $site = ''
	) {}

	/**
	 * A path from a request's validated parameters (PathArgs::args()): the
	 * range defaults to the last rangeDays.default UTC days up to today.
	 *
	 * @param array<string, mixed> $params a, b, window, from, to, site.
	 * @return self|\WP_Error The path, or why the range is not one (status 400).
	 */
	public static function from_params( array $params ): self|\WP_Error {
		$utc   = new \DateTimeZone( 'UTC' );
		$today = new \DateTimeImmutable( 'today', $utc );
		$to    = self::day( $params['to'] ?? null, $today );
		$from  = $to ? self::day( $params['from'] ?? null, $to->modify( '-' . ( PathArgs::rules()['rangeDays']['default'] - 1 ) . ' days' ) ) : null;
		if ( null === $to || null === $from ) {
			return self::refused( __( 'from and to must be real dates, written YYYY-MM-DD (UTC days).', 'footprints' ) );
		}
		if ( $from > $to ) {
			return self::refused( __( 'from is after to: give the range\'s first UTC day as from and its last as to.', 'footprints' ) );
		}
		$days    = (int) $from->diff( $to )->days + 1;
		$longest = PathArgs::rules()['rangeDays']['maximum'];
		if ( $days > $longest ) {
			/* translators: 1: days asked for, 2: the longest range. */
			return self::refused( sprintf( __( 'The range from..to spans %1$d days; A may fall in at most %2$d days. Shorten it.', 'footprints' ), $days, $longest ) );
		}
		return new self(
			(string) $params['a'],
			(string) $params['b'],
			(int) ( $params['window'] ?? PathArgs::rules()['windowDays']['default'] ),
			$from,
			$to,
			(string) ( $params['site'] ?? '' )
		);
	}

	/**
	 * The path as understood, the range resolved to its days: what the
	 * route and the ability answer beside the figures.
	 *
	 * @return array{a: string, b: string, window: int, from: string, to: string, site: string}
	 */
	public function describe(): array {
		return array(
			'a'      => $this->a,
			'b'      => $this->b,
			'window' => $this->window_days,
			'from'   => $this->from->format( 'Y-m-d' ),
			'to'     => $this->to->format( 'Y-m-d' ),
			'site'   => $this->site,
		);
	}

	/**
	 * Where A may start: the first day's midnight, UTC.
	 */
	public function starts(): string {
		return $this->from->format( 'Y-m-d 00:00:00.000' );
	}

	/**
	 * Where A may no longer start: midnight after the last day, UTC.
	 */
	public function ends(): string {
		return $this->to->modify( '+1 day' )->format( 'Y-m-d 00:00:00.000' );
	}

	/**
	 * A UTC day from YYYY-MM-DD, the default when none is given, or null
	 * for a string that is no real date (2026-02-30).
	 *
	 * @param mixed                   $value   The parameter.
	 * @param \DateTimeImmutable|null $default When it is not given.
	 */
	private static function day( mixed $value, ?\DateTimeImmutable $default ): ?\DateTimeImmutable {
		if ( null === $value || '' === $value ) {
			return $default;
		}
		$day = \DateTimeImmutable::createFromFormat( '!Y-m-d', (string) $value, new \DateTimeZone( 'UTC' ) );
		return ( $day && $day->format( 'Y-m-d' ) === $value ) ? $day : null;
	}

	/**
	 * A 400 that says what to change.
	 *
	 * @param string $message The reason.
	 */
	private static function refused( string $message ): \WP_Error {
		return new \WP_Error( 'footprints_invalid_path', $message, array( 'status' => 400 ) );
	}
}
