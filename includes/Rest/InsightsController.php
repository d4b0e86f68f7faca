<?php
/**
 * InsightsController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Hookable;
use Footprints\Insights\DashboardSummary;
use Footprints\Insights\DateRange;
use Footprints\Insights\InsightsArgs;
use Footprints\Insights\LiveEvents;
use Footprints\Insights\SiteChoices;

/**
 * GET footprints/v1/insights/summary (the dashboard's numbers for a range),
 * /insights/live (the latest events) and /insights/sites (the sites to
 * filter by), for users who may view insights.
 */
final class InsightsController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param DashboardSummary $summary The dashboard's numbers.
	 * @param LiveEvents       $live    The latest events.
	 * @param SiteChoices      $sites   The sites whose events are here.
	 */
	public function __construct( private DashboardSummary $summary, private LiveEvents $live, private SiteChoices $sites ) {}

	/**
	 * Registers the routes.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the three GET routes.
	 */
	public function register_routes(): void {
		$routes = array(
			'insightsSummary' => array( 'summary', InsightsArgs::summary() ),
			'insightsLive'    => array( 'live_events', InsightsArgs::live() ),
			'insightsSites'   => array( 'site_choices', array() ),
		);
		foreach ( $routes as $name => list( $callback, $args ) ) {
			InsightsRoute::register( $name, array( $this, $callback ), $args );
		}
	}

	/**
	 * The dashboard's numbers.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 */
	public function summary( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		try {
			$range = DateRange::of( (string) $request['range'], (string) $request['from'], (string) $request['to'], gmdate( 'Y-m-d' ) );
		} catch ( \InvalidArgumentException $error ) {
			return new \WP_Error( 'footprints_invalid_range', $error->getMessage(), array( 'status' => 400 ) );
		}
		$site = (string) $request['site'];
		return new \WP_REST_Response( $this->summary->summarize( $range, array_values( array_map( 'strval', (array) $request['code'] ) ), '' === $site ? array() : array( $site ) ) );
	}

	/**
	 * The latest events, newest first.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 */
	public function live_events( \WP_REST_Request $request ): \WP_REST_Response {
		return new \WP_REST_Response(
			$this->live->recent(
				array(
					'code'   => (string) $request['code'],
					'device' => (string) $request['device'],
					'site'   => (string) $request['site'],
				),
				(int) $request['limit']
			)
		);
	}

	/**
	 * The sites to filter by.
	 */
	public function site_choices(): \WP_REST_Response {
		return new \WP_REST_Response( $this->sites->all() );
	}
}
