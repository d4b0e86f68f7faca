<?php
/**
 * BriefText.
 *
 * @package Footprints
 */

namespace Footprints\People;

/**
 * Writes a lead brief's text: a title, who the lead is, when they were
 * active, the paths they completed, then the journey session by session,
 * each step with its time, page, attributes and (the first time it
 * appears) its event's description. Plain text, one fact per line, the
 * same words for the same events: a person reads it on the timeline, and
 * an AI writes a nurture email from it.
 *
 * @phpstan-import-type Step from BriefSteps
 * @phpstan-import-type CompletedPath from BriefPaths
 * @phpstan-import-type Who from BriefWho
 * @phpstan-type Parts array{who: Who, anonymous_device: string|null, steps: list<Step>, paths: list<CompletedPath>, sessions: list<array<string, mixed>>, events: int, total: int, truncated: bool}
 */
final class BriefText {

	/**
	 * Constructor.
	 *
	 * @param BriefClock $clock How times are written.
	 */
	public function __construct( private BriefClock $clock ) {}

	/**
	 * The brief's text, lines joined by "\n".
	 *
	 * @param array $parts What the brief says.
	 * @phpstan-param Parts $parts
	 */
	public function write( array $parts ): string {
		$title = BriefWho::title( $parts['who'] );
		$lines = array(
			/* translators: %s: who the brief is about (a name, an email or a user id). */
			null === $title ? __( 'Lead brief: an anonymous visitor', 'footprints' ) : sprintf( __( 'Lead brief: %s', 'footprints' ), $title ),
			$this->who( $parts ),
			$this->activity( $parts ),
		);
		if ( $parts['truncated'] ) {
			$lines[] = sprintf(
				/* translators: 1: events in the brief, 2: events the lead has. */
				__( 'Only the latest %1$s of %2$s events are in this brief: the earlier ones are left out, and the counts and paths below cover these only.', 'footprints' ),
				number_format_i18n( $parts['events'] ),
				number_format_i18n( $parts['total'] )
			);
		}
		if ( ! $parts['steps'] ) {
			return implode( "\n", $lines );
		}
		array_push( $lines, ...$this->paths( $parts['paths'] ) );
		$lines[] = '';
		$lines[] = __( 'Journey, oldest first (after the first mention of each event, a dash gives what it means):', 'footprints' );
		array_push( $lines, ...$this->journey( $parts ) );
		return implode( "\n", $lines );
	}

	/**
	 * The "Who:" line.
	 *
	 * @param array $parts What the brief says.
	 * @phpstan-param Parts $parts
	 */
	private function who( array $parts ): string {
		$facts = BriefWho::facts( $parts['who'] );
		if ( $facts ) {
			/* translators: %s: facts about the lead, separated by semicolons. */
			return sprintf( __( 'Who: %s.', 'footprints' ), implode( '; ', $facts ) );
		}
		if ( null !== $parts['anonymous_device'] ) {
			/* translators: %s: a device id. */
			return sprintf( __( 'Who: an anonymous visitor on device %s, not linked to any person yet (no email, user id or sign-in).', 'footprints' ), $parts['anonymous_device'] );
		}
		return __( 'Who: an anonymous visitor, not identified yet (no email, user id or sign-in).', 'footprints' );
	}

	/**
	 * The "Activity:" line: how much, over how long, in which time zone.
	 *
	 * @param array $parts What the brief says.
	 * @phpstan-param Parts $parts
	 */
	private function activity( array $parts ): string {
		$steps = $parts['steps'];
		if ( ! $steps ) {
			return __( 'Activity: no events stored yet.', 'footprints' );
		}
		$first   = $steps[0]['first_ms'];
		$last    = $steps[ count( $steps ) - 1 ]['last_ms'];
		$devices = count( array_unique( array_column( $steps, 'device' ) ) );
		return sprintf(
			/* translators: 1: number of events, 2: of sessions, 3: of devices, 4: when, from the first time to the last, 5: time zone. */
			__( 'Activity: %1$s in %2$s on %3$s, %4$s (times in %5$s).', 'footprints' ),
			/* translators: %s: number of events. */
			sprintf( _n( '%s event', '%s events', $parts['events'], 'footprints' ), number_format_i18n( $parts['events'] ) ),
			/* translators: %s: number of sessions. */
			sprintf( _n( '%s session', '%s sessions', count( $parts['sessions'] ), 'footprints' ), number_format_i18n( count( $parts['sessions'] ) ) ),
			/* translators: %s: number of devices. */
			sprintf( _n( '%s device', '%s devices', $devices, 'footprints' ), number_format_i18n( $devices ) ),
			$this->clock->span( $first, $last ),
			$this->clock->zone()
		);
	}

	/**
	 * The "Paths completed:" lines.
	 *
	 * @param array $paths Paths.
	 * @return list<string>
	 * @phpstan-param list<CompletedPath> $paths
	 */
	private function paths( array $paths ): array {
		if ( ! $paths ) {
			return array( __( 'Paths completed: none yet (no conversion reached, such as giving an email or asking to be contacted).', 'footprints' ) );
		}
		$lines = array(
			/* translators: %s: names of the conversions reached, in order. */
			sprintf( __( 'Paths completed: %s.', 'footprints' ), implode( ', ', array_column( $paths, 'name' ) ) ),
		);
		foreach ( $paths as $path ) {
			$ms      = (int) ( strtotime( $path['time'] ) * 1000 );
			$lines[] = '- ' . sprintf(
				/* translators: 1: conversion name, 2: when, 3: "4 events", 4: how long ("25 minutes", "under a minute"), 5: the steps, joined by arrows. */
				__( '%1$s on %2$s, after %3$s in %4$s: %5$s', 'footprints' ),
				$path['name'],
				$this->clock->moment( $ms ),
				/* translators: %s: number of events. */
				sprintf( _n( '%s event', '%s events', $path['events'], 'footprints' ), number_format_i18n( $path['events'] ) ),
				BriefClock::duration( $path['seconds'] ),
				implode( ' → ', $path['steps'] )
			);
		}
		return $lines;
	}

	/**
	 * The journey: a header per session, a line per step.
	 *
	 * @param array $parts What the brief says.
	 * @return list<string>
	 * @phpstan-param Parts $parts
	 */
	private function journey( array $parts ): array {
		$many     = count( array_unique( array_column( $parts['steps'], 'device' ) ) ) > 1;
		$sessions = array();
		foreach ( $parts['steps'] as $step ) {
			$sessions[ $step['session'] ][] = $step;
		}
		$described = array();
		$lines     = array();
		foreach ( $sessions as $index => $steps ) {
			$lines[] = $this->session( $parts['sessions'][ $index ], $steps, $many );
			foreach ( $steps as $step ) {
				$line = '- ' . $this->clock->clock_on( $step['first_ms'], $steps[0]['first_ms'] );
				if ( $this->clock->clock( $step['last_ms'] ) !== $this->clock->clock( $step['first_ms'] ) ) {
					$line .= '–' . $this->clock->clock_on( $step['last_ms'], $step['first_ms'] );
				}
				$line .= ' ' . BriefPaths::step_name( $step ) . $this->where( $step );
				if ( '' !== $step['description'] && ! isset( $described[ $step['code'] ] ) ) {
					$described[ $step['code'] ] = true;
					$line                      .= ' — ' . $step['description'];
				}
				$lines[] = $line;
			}
		}
		return $lines;
	}

	/**
	 * A step's page and attributes: " on /pricing/ (plan: pro, +2 more)".
	 *
	 * @param array $step Step.
	 * @phpstan-param Step $step
	 */
	private function where( array $step ): string {
		$text = '';
		if ( '' !== $step['page'] ) {
			/* translators: %s: a page's path. */
			$text .= ' ' . sprintf( __( 'on %s', 'footprints' ), $step['page'] );
		}
		$attributes = array();
		foreach ( $step['attributes'] as $name => $value ) {
			$attributes[] = $name . ': ' . $value;
		}
		if ( $step['more_attributes'] ) {
			/* translators: %d: number of attributes not shown. */
			$attributes[] = sprintf( __( '+%d more', 'footprints' ), $step['more_attributes'] );
		}
		return $attributes ? $text . ' (' . implode( ', ', $attributes ) . ')' : $text;
	}

	/**
	 * A session's header: "Session 2, from Sunday 23 November 2025, 14:14 to
	 * 14:40, 3 events, on device x, arriving from news.example.org:".
	 *
	 * @param array<string, mixed> $session The session as Timeline gives it.
	 * @param array                $steps   Its steps.
	 * @param bool                 $many    Whether the brief has several devices (then the header names the session's).
	 * @phpstan-param list<Step> $steps
	 */
	private function session( array $session, array $steps, bool $many ): string {
		$start  = $steps[0]['first_ms'];
		$header = sprintf(
			/* translators: 1: session number, 2: "from (start) to (end)", 3: "3 events". */
			__( 'Session %1$d, %2$s, %3$s', 'footprints' ),
			(int) $session['index'] + 1,
			$this->clock->span( $start, $steps[ count( $steps ) - 1 ]['last_ms'] ),
			/* translators: %s: number of events. */
			sprintf( _n( '%s event', '%s events', (int) $session['events'], 'footprints' ), number_format_i18n( (int) $session['events'] ) )
		);
		if ( $many ) {
			$devices = array_values( array_unique( array_column( $steps, 'device' ) ) );
			/* translators: %s: device ids, separated by commas. */
			$header .= ', ' . sprintf( _n( 'on device %s', 'on devices %s', count( $devices ), 'footprints' ), implode( ', ', $devices ) );
		}
		if ( '' !== $steps[0]['from'] ) {
			/* translators: %s: the host of the site the visitor came from, e.g. news.example.org. */
			$header .= ', ' . sprintf( __( 'arriving from %s', 'footprints' ), $steps[0]['from'] );
		}
		if ( ! empty( $session['continued'] ) ) {
			$header .= ' ' . __( '(it began before the events in this brief)', 'footprints' );
		}
		return $header . ':';
	}
}
