<?php
/**
 * BriefClock.
 *
 * @package Footprints
 */

namespace Footprints\People;

/**
 * How a lead brief writes times: absolute, in the site's time zone, never
 * relative to now ("3 days ago" would change the text of the same events
 * from one day to the next). A 24-hour clock, so an AI reading the brief
 * cannot mistake the morning for the evening.
 */
final class BriefClock {

	/**
	 * Constructor.
	 *
	 * @param \DateTimeZone $zone The site's time zone (wp_timezone()).
	 */
	public function __construct( private \DateTimeZone $zone ) {}

	/**
	 * The zone as a reader knows it: "Europe/Berlin", "UTC+02:00", "UTC".
	 */
	public function zone(): string {
		$name = $this->zone->getName();
		if ( in_array( $name, array( '+00:00', '-00:00', 'Z' ), true ) ) {
			return 'UTC';
		}
		return preg_match( '/^[+-]\d\d:\d\d$/', $name ) ? 'UTC' . $name : $name;
	}

	/**
	 * A day: "Sunday 23 November 2025".
	 *
	 * @param int $ms Milliseconds since 1970.
	 */
	public function day( int $ms ): string {
		return (string) wp_date( 'l j F Y', intdiv( $ms, 1000 ), $this->zone );
	}

	/**
	 * A time of day: "13:05".
	 *
	 * @param int $ms Milliseconds since 1970.
	 */
	public function clock( int $ms ): string {
		return (string) wp_date( 'H:i', intdiv( $ms, 1000 ), $this->zone );
	}

	/**
	 * A day and a time: "Sunday 23 November 2025, 13:05".
	 *
	 * @param int $ms Milliseconds since 1970.
	 */
	public function moment( int $ms ): string {
		return $this->day( $ms ) . ', ' . $this->clock( $ms );
	}

	/**
	 * A time of day, with its day when that is not $day's: "13:05", or
	 * "Monday 24 November 2025, 00:10" in a session that began the day before.
	 *
	 * @param int $ms  Milliseconds since 1970.
	 * @param int $day A time (ms) on the day the reader is on.
	 */
	public function clock_on( int $ms, int $day ): string {
		return $this->day( $ms ) === $this->day( $day ) ? $this->clock( $ms ) : $this->moment( $ms );
	}

	/**
	 * A stretch of time: "from Sunday 23 November 2025, 13:13 to 13:38",
	 * or "on Sunday 23 November 2025, 13:13" when it is within one minute.
	 *
	 * @param int $from Its start (ms).
	 * @param int $to   Its end (ms).
	 */
	public function span( int $from, int $to ): string {
		if ( $this->moment( $from ) === $this->moment( $to ) ) {
			/* translators: %s: a day and a time. */
			return sprintf( __( 'on %s', 'footprints' ), $this->moment( $from ) );
		}
		/* translators: 1: a day and a time, 2: a time, with its day when that is another. */
		return sprintf( __( 'from %1$s to %2$s', 'footprints' ), $this->moment( $from ), $this->clock_on( $to, $from ) );
	}

	/**
	 * A length of time: "under a minute", "31 minutes", "2 hours 5 minutes", "3 days 4 hours".
	 *
	 * @param int $seconds Seconds.
	 */
	public static function duration( int $seconds ): string {
		$minutes = intdiv( $seconds, 60 );
		if ( $minutes < 1 ) {
			return __( 'under a minute', 'footprints' );
		}
		$hours = intdiv( $minutes, 60 );
		$days  = intdiv( $hours, 24 );
		/* translators: %d: number of minutes. */
		$minute_text = sprintf( _n( '%d minute', '%d minutes', $minutes % 60, 'footprints' ), $minutes % 60 );
		/* translators: %d: number of hours. */
		$hour_text = sprintf( _n( '%d hour', '%d hours', $hours % 24, 'footprints' ), $hours % 24 );
		if ( $days > 0 ) {
			/* translators: %d: number of days. */
			$day_text = sprintf( _n( '%d day', '%d days', $days, 'footprints' ), $days );
			return $hours % 24 ? $day_text . ' ' . $hour_text : $day_text;
		}
		if ( $hours > 0 ) {
			return $minutes % 60 ? $hour_text . ' ' . $minute_text : $hour_text;
		}
		return $minute_text;
	}
}
