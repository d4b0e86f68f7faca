<?php
/**
 * CountsController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Database\QueryFailed;
use Footprints\Definitions\DefinitionSchema;
use Footprints\Hookable;
use Footprints\Insights\DailyCounts;

/**
 * GET footprints/v1/insights/counts?codes=a,b&days=7: per event code, the
 * total and the count of each of the last N UTC days (today included),
 * from the daily rollups. The editor shows them beside the chosen event.
 */
final class CountsController implements Hookable {

	public const MAX_CODES = 50;

	public const MAX_DAYS = 90;

	/**
	 * Constructor.
	 *
	 * @param DailyCounts $counts The rollups.
	 */
	public function __construct( private DailyCounts $counts ) {}

	/**
	 * Registers the route.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers GET /insights/counts.
	 */
	public function register_routes(): void {
		InsightsRoute::register(
			'insightsCounts',
			array( $this, 'counts' ),
			array(
				'codes' => array(
					'description' => __( 'Event codes, comma-separated.', 'footprints' ),
					'type'        => 'array',
					'items'       => array(
						'type'    => 'string',
						'pattern' => DefinitionSchema::code_pattern(),
					),
					'minItems'    => 1,
					'maxItems'    => self::MAX_CODES,
					'required'    => true,
				),
				'days'  => array(
					'description' => __( 'How many UTC days, today included.', 'footprints' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => self::MAX_DAYS,
					'default'     => 7,
				),
			)
		);
	}

	/**
	 * The counts.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function counts( \WP_REST_Request $request ) {
		$days  = DailyCounts::last_days( (int) $request['days'], time() );
		$codes = array_values( array_unique( array_map( 'strval', (array) $request['codes'] ) ) );
		try {
			$counts = $this->counts->per_day( $codes, $days );
		} catch ( QueryFailed $e ) {
			return new \WP_Error( 'footprints_query_failed', __( 'The counts could not be read; try again.', 'footprints' ), array( 'status' => 500 ) );
		}
		return new \WP_REST_Response(
			array(
				'days'   => $days,
				'counts' => (object) $counts,
			)
		);
	}
}
