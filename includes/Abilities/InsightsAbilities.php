<?php
/**
 * InsightsAbilities.
 *
 * @package Footprints
 */

namespace Footprints\Abilities;

use Footprints\Capabilities;
use Footprints\Database\QueryFailed;
use Footprints\Hookable;
use Footprints\Insights\DashboardSummary;
use Footprints\Insights\DateRange;
use Footprints\Insights\InsightsArgs;
use Footprints\Insights\Paths\Path;
use Footprints\Insights\Paths\PathArgs;
use Footprints\Insights\Paths\PathQuery;

/**
 * The abilities footprints/get-insights (the dashboard's numbers for a range) and
 * footprints/compare-paths (of the people who did A, how many did B
 * within a window): the same arguments, validation, services and answers
 * as the insights routes (footprints/v1/insights/summary and /paths), for
 * users who view insights.
 */
final class InsightsAbilities implements Hookable {

	public const INSIGHTS = 'footprints/get-insights';

	public const PATHS = 'footprints/compare-paths';

	/**
	 * Constructor.
	 *
	 * @param DashboardSummary $summary The dashboard's numbers.
	 * @param PathQuery        $paths   The path comparison.
	 */
	public function __construct( private DashboardSummary $summary, private PathQuery $paths ) {}

	/**
	 * Registers the abilities when WordPress has the API (6.9+).
	 */
	public function hook(): void {
		add_action( 'wp_abilities_api_init', array( $this, 'register' ) );
	}

	/**
	 * Registers both abilities.
	 */
	public function register(): void {
		wp_register_ability(
			self::INSIGHTS,
			array(
				'label'               => __( 'Get event counts for a range', 'footprints' ),
				'description'         => __( 'The dashboard\'s numbers for a range of UTC days (a preset, or from..to, both included, which needs no range): the total of events and its change against the period before, and the busiest events (or the codes asked for), each with its total, change, unique devices and count per day. On a hub, one site\'s (site: its app ID) or all.', 'footprints' ),
				'category'            => AbilityMeta::CATEGORY,
				'input_schema'        => self::insights_input(),
				'output_schema'       => self::insights_output(),
				'execute_callback'    => array( $this, 'insights' ),
				'permission_callback' => array( Capabilities::class, 'current_user_views_insights' ),
				'meta'                => AbilityMeta::reading(),
			)
		);
		wp_register_ability(
			self::PATHS,
			array(
				'label'               => __( 'Compare a path (A then B)', 'footprints' ),
				'description'         => __( 'Of the people whose first event A fell in the UTC days from..to, how many did event B afterwards within the window (days): people, converted, open (not converted yet, window still running), the rate and the median time from A to B in seconds.', 'footprints' ),
				'category'            => AbilityMeta::CATEGORY,
				'input_schema'        => self::paths_input(),
				'output_schema'       => self::paths_output(),
				'execute_callback'    => array( $this, 'compare' ),
				'permission_callback' => array( Capabilities::class, 'current_user_views_insights' ),
				'meta'                => AbilityMeta::reading(),
			)
		);
	}

	/**
	 * The input of get-insights: the insights summary route's arguments.
	 *
	 * @return array<string, mixed>
	 */
	public static function insights_input(): array {
		return AbilitySchema::input( InsightsArgs::summary() );
	}

	/**
	 * The input of compare-paths: the paths route's arguments.
	 *
	 * @return array<string, mixed>
	 */
	public static function paths_input(): array {
		return AbilitySchema::input( PathArgs::args() );
	}

	/**
	 * The dashboard's numbers, or why the range is not one (400).
	 *
	 * @param mixed $input The validated input.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function insights( mixed $input = null ): array|\WP_Error {
		// An agent that gives days means them: from or to without a range is a custom range.
		if ( is_array( $input ) && ! isset( $input['range'] ) && ( isset( $input['from'] ) || isset( $input['to'] ) ) ) {
			$input['range'] = 'custom';
		}
		$input = AbilitySchema::with_defaults( self::insights_input(), $input );
		try {
			$range = DateRange::of( (string) $input['range'], (string) $input['from'], (string) $input['to'], gmdate( 'Y-m-d' ) );
		} catch ( \InvalidArgumentException $error ) {
			return new \WP_Error( 'footprints_invalid_range', $error->getMessage(), array( 'status' => 400 ) );
		}
		$site = (string) ( $input['site'] ?? '' );
		try {
			return $this->summary->summarize( $range, array_values( array_map( 'strval', (array) $input['code'] ) ), '' === $site ? array() : array( $site ) );
		} catch ( QueryFailed $failed ) {
			return self::failed( $failed );
		}
	}

	/**
	 * The path's figures, or why the path is not one (400).
	 *
	 * @param mixed $input The validated input.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function compare( mixed $input = null ): array|\WP_Error {
		$path = Path::from_params( AbilitySchema::with_defaults( self::paths_input(), $input ) );
		if ( $path instanceof \WP_Error ) {
			return $path;
		}
		try {
			return $path->describe() + $this->paths->summary( $path );
		} catch ( QueryFailed $failed ) {
			return self::failed( $failed );
		}
	}

	/**
	 * The summary's schema.
	 *
	 * @return array<string, mixed>
	 */
	private static function insights_output(): array {
		$int    = array( 'type' => 'integer' );
		$day    = array(
			'type'   => 'string',
			'format' => 'date',
		);
		$change = array(
			'description' => __( 'Change against the period before as a fraction (0.25 is +25 %); null when that period had none.', 'footprints' ),
			'type'        => array( 'number', 'null' ),
		);
		$bounds = array(
			'from' => $day,
			'to'   => $day,
		);
		return AbilitySchema::closed(
			array(
				'range'    => AbilitySchema::closed( $bounds + array( 'days' => $int ) ),
				'previous' => AbilitySchema::closed( $bounds ),
				'days'     => array(
					'type'  => 'array',
					'items' => $day,
				),
				'total'    => AbilitySchema::closed(
					array(
						'events'   => $int,
						'previous' => $int,
						'change'   => $change,
					)
				),
				'events'   => array(
					'type'  => 'array',
					'items' => AbilitySchema::closed(
						array(
							'code'     => array( 'type' => 'string' ),
							'name'     => array( 'type' => 'string' ),
							'color'    => array( 'type' => 'string' ),
							'events'   => $int,
							'previous' => $int,
							'change'   => $change,
							'devices'  => array( 'description' => __( 'Unique devices over the range.', 'footprints' ) ) + $int,
							'daily'    => array(
								'description' => __( 'Events of each day of "days".', 'footprints' ),
								'type'        => 'array',
								'items'       => $int,
							),
						)
					),
				),
			)
		);
	}

	/**
	 * The comparison's schema.
	 *
	 * @return array<string, mixed>
	 */
	private static function paths_output(): array {
		$string = array( 'type' => 'string' );
		$int    = array( 'type' => 'integer' );
		return AbilitySchema::closed(
			array(
				'a'              => $string,
				'b'              => $string,
				'window'         => $int,
				'from'           => $string,
				'to'             => $string,
				'site'           => $string,
				'people'         => array( 'description' => __( 'People whose first A fell in the range.', 'footprints' ) ) + $int,
				'converted'      => array( 'description' => __( 'Of them, those who did B within the window.', 'footprints' ) ) + $int,
				'open'           => array( 'description' => __( 'Not converted, but their window has not ended yet.', 'footprints' ) ) + $int,
				'rate'           => array(
					'description' => __( 'converted / people; null when nobody did A.', 'footprints' ),
					'type'        => array( 'number', 'null' ),
				),
				'median_seconds' => array(
					'description' => __( 'Median time from A to B of the converted; null when none converted.', 'footprints' ),
					'type'        => array( 'number', 'null' ),
				),
			)
		);
	}

	/**
	 * A 500: the sender tries again.
	 *
	 * @param QueryFailed $failed What the database said.
	 */
	private static function failed( QueryFailed $failed ): \WP_Error {
		return new \WP_Error(
			'footprints_query_failed',
			/* translators: %s: database error. */
			sprintf( __( 'The figures could not be read from the database (%s). Try again; if it stays, check the database.', 'footprints' ), $failed->getMessage() ),
			array( 'status' => 500 )
		);
	}
}
