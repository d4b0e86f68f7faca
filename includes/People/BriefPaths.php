<?php
/**
 * BriefPaths.
 *
 * @package Footprints
 */

namespace Footprints\People;

/**
 * The paths a lead completed. Footprints keeps no saved paths (Insights →
 * Paths compares any two events on the fly), so a brief counts as a
 * completed path each conversion the lead reached: the first time of each
 * conversion event, with the steps that led there since the conversion
 * before (or since the start of the journey read) and how long they took;
 * conversions of the same moment (derived from one form) share their steps.
 * The conversions are the system events that mean a lead moved forward
 * (they gave their email, verified it, asked to be contacted); a site adds
 * its own (trial_started, order_completed...) with the filter
 * footprints_brief_conversions.
 *
 * @phpstan-import-type Step from BriefSteps
 * @phpstan-type CompletedPath array{code: string, name: string, time: string, events: int, seconds: int, steps: list<string>}
 */
final class BriefPaths {

	/** The conversions every site has, in the order a lead usually reaches them. */
	public const CONVERSIONS = array( 'identity_conversion', 'verified_conversion', 'contact_us' );

	/** The most steps a path shows, the latest ones (the rest are counted). */
	public const MAX_STEPS = 8;

	/**
	 * The event codes that count as conversions.
	 *
	 * @return list<string>
	 */
	public static function conversions(): array {
		/**
		 * Filters the event codes a lead brief counts as conversions: the
		 * first time a lead triggers one, the brief lists it under "Paths
		 * completed" with the steps that led there.
		 *
		 * @param list<string> $codes Event codes.
		 */
		$codes = apply_filters( 'footprints_brief_conversions', self::CONVERSIONS );
		return array_values( array_unique( array_map( 'strval', is_array( $codes ) ? $codes : self::CONVERSIONS ) ) );
	}

	/**
	 * The paths completed along these steps, in the order they were.
	 *
	 * @param array $steps Steps in order.
	 * @return array
	 * @phpstan-param list<Step> $steps
	 * @phpstan-return list<CompletedPath>
	 */
	public static function of( array $steps ): array {
		$conversions = array_flip( self::conversions() );
		$paths       = array();
		$from        = 0;
		$previous    = null;
		foreach ( $steps as $index => $step ) {
			if ( ! isset( $conversions[ $step['code'] ] ) ) {
				continue;
			}
			// The first time only: a conversion repeated is not a new path.
			unset( $conversions[ $step['code'] ] );
			// Conversions of one moment (one form gave the email and asked for contact) share the steps that led there.
			$start    = null !== $previous && $previous['ms'] === $step['first_ms'] ? $previous['from'] : $from;
			$previous = array(
				'from' => $start,
				'ms'   => $step['first_ms'],
			);
			$leading  = array_slice( $steps, $start, $index - $start + 1 );
			$shown    = array_map( array( self::class, 'step_name' ), array_slice( $leading, -self::MAX_STEPS ) );
			if ( count( $leading ) > self::MAX_STEPS ) {
				/* translators: %d: number of steps not shown. */
				array_unshift( $shown, sprintf( _n( '… %d earlier step', '… %d earlier steps', count( $leading ) - self::MAX_STEPS, 'footprints' ), count( $leading ) - self::MAX_STEPS ) );
			}
			$paths[] = array(
				'code'    => $step['code'],
				'name'    => $step['name'],
				'time'    => $step['time'],
				// The events before the conversion itself.
				'events'  => (int) array_sum( array_column( $leading, 'count' ) ) - $step['count'],
				'seconds' => intdiv( $step['first_ms'] - $leading[0]['first_ms'], 1000 ),
				'steps'   => $shown,
			);
			$from    = $index + 1;
		}//end foreach
		return $paths;
	}

	/**
	 * A step's name, with its count when it repeated: "Pricing Viewed ×3".
	 *
	 * @param array $step Step.
	 * @phpstan-param Step $step
	 */
	public static function step_name( array $step ): string {
		return $step['count'] > 1 ? $step['name'] . ' ×' . $step['count'] : $step['name'];
	}
}
