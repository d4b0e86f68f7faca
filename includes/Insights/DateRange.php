<?php
/**
 * DateRange.
 *
 * @package Footprints
 */

namespace Footprints\Insights;

/**
 * A range of whole UTC days, both ends included (the daily totals are UTC
 * days), and the period before it of the same length, which its change
 * is measured against.
 */
final class DateRange {

	public const PRESETS = array( 'today', '7d', '30d', '90d', 'custom' );

	// Longest custom range: a year and a day (covers any calendar year).
	public const MAX_DAYS = 366;

	/**
	 * Constructor.
	 *
	 * @param \DateTimeImmutable $from First day (UTC midnight).
	 * @param \DateTimeImmutable $to   Last day (UTC midnight).
	 */
	private function __construct( public readonly \DateTimeImmutable $from, public readonly \DateTimeImmutable $to ) {}

	/**
	 * The range a preset or custom dates name, ending today for a preset.
	 *
	 * @param string $preset One of PRESETS.
	 * @param string $from   First day (Y-m-d), for "custom".
	 * @param string $to     Last day (Y-m-d), for "custom".
	 * @param string $today  Today (Y-m-d, UTC).
	 * @throws \InvalidArgumentException With a message for the person who chose the range.
	 */
	public static function of( string $preset, string $from, string $to, string $today ): self {
		$last = self::day( $today, 'today' );
		if ( 'custom' === $preset ) {
			$range = new self( self::day( $from, 'from' ), self::day( $to, 'to' ) );
			if ( $range->from > $range->to ) {
				throw new \InvalidArgumentException( __( 'The range starts after it ends: choose a "from" day on or before the "to" day.', 'footprints' ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- plain text for the REST answer; the screen escapes it.
			}
			if ( $range->days() > self::MAX_DAYS ) {
				/* translators: %d: most days. */
				throw new \InvalidArgumentException( sprintf( __( 'A range may span at most %d days: choose a shorter one.', 'footprints' ), self::MAX_DAYS ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- plain text for the REST answer; the screen escapes it.
			}
			return $range;
		}
		$days = array(
			'today' => 1,
			'7d'    => 7,
			'30d'   => 30,
			'90d'   => 90,
		)[ $preset ] ?? null;
		if ( null === $days ) {
			/* translators: %s: the ranges, comma-separated. */
			throw new \InvalidArgumentException( sprintf( __( 'Unknown range: use one of %s.', 'footprints' ), implode( ', ', self::PRESETS ) ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- plain text for the REST answer; the screen escapes it.
		}
		return new self( $last->modify( '-' . ( $days - 1 ) . ' days' ), $last );
	}

	/**
	 * The period of the same length that ends the day before this one.
	 */
	public function previous(): self {
		$days = $this->days();
		return new self( $this->from->modify( "-$days days" ), $this->from->modify( '-1 day' ) );
	}

	/**
	 * How many days it spans.
	 */
	public function days(): int {
		return (int) $this->from->diff( $this->to )->days + 1;
	}

	/**
	 * Every day in order, as Y-m-d.
	 *
	 * @return list<string>
	 */
	public function each_day(): array {
		$days = array();
		for ( $day = $this->from; $day <= $this->to; $day = $day->modify( '+1 day' ) ) {
			$days[] = $day->format( 'Y-m-d' );
		}
		return $days;
	}

	/**
	 * The first and last day as Y-m-d, for queries and answers.
	 *
	 * @return array{from: string, to: string}
	 */
	public function bounds(): array {
		return array(
			'from' => $this->from->format( 'Y-m-d' ),
			'to'   => $this->to->format( 'Y-m-d' ),
		);
	}

	/**
	 * A Y-m-d day at UTC midnight.
	 *
	 * @param string $value The day.
	 * @param string $name  Its parameter's name, for the message.
	 * @throws \InvalidArgumentException When it is not a real day.
	 */
	private static function day( string $value, string $name ): \DateTimeImmutable {
		$day = \DateTimeImmutable::createFromFormat( '!Y-m-d', $value, new \DateTimeZone( 'UTC' ) );
		if ( false === $day || $day->format( 'Y-m-d' ) !== $value ) {
			/* translators: %s: parameter name. */
			throw new \InvalidArgumentException( sprintf( __( '"%s" must be a day written as YYYY-MM-DD (UTC).', 'footprints' ), $name ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- plain text for the REST answer; the screen escapes it.
		}
		return $day;
	}
}
