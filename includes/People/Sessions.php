<?php
/**
 * Sessions.
 *
 * @package Footprints
 */

namespace Footprints\People;

/**
 * Cuts a timeline into sessions: a gap of more than 30 minutes between two
 * events starts a new one (the usual web-analytics rule). Computed on the
 * server, so every screen and export shows the same boundaries.
 */
final class Sessions {

	public const GAP_SECONDS = 1800;

	/**
	 * Numbers each event's session and lists the sessions.
	 *
	 * @param list<array<string, mixed>> $events   Events in time order, each with time_ms.
	 * @param int|null                   $previous Time (ms) of the event just before the first one (an earlier page), or null.
	 * @return array{events: list<array<string, mixed>>, sessions: list<array{index: int, start: int, end: int, events: int, continued: bool}>}
	 */
	public static function cut( array $events, ?int $previous = null ): array {
		$sessions = array();
		$last     = $previous;
		foreach ( $events as $key => $event ) {
			$time = (int) $event['time_ms'];
			$gap  = null === $last ? null : intdiv( $time - $last, 1000 );
			if ( ! $sessions || (int) $gap > self::GAP_SECONDS ) {
				$sessions[] = array(
					'index'     => count( $sessions ),
					'start'     => $time,
					'end'       => $time,
					'events'    => 0,
					// The first session of a page may have begun on the page before.
					'continued' => ! $sessions && null !== $gap && $gap <= self::GAP_SECONDS,
				);
			}
			$current                     = count( $sessions ) - 1;
			$sessions[ $current ]['end'] = $time;
			++$sessions[ $current ]['events'];
			$events[ $key ]['session']     = $current;
			$events[ $key ]['gap_seconds'] = $gap;
			$last                          = $time;
		}
		return array(
			'events'   => $events,
			'sessions' => $sessions,
		);
	}
}
