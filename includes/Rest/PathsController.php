<?php
/**
 * PathsController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Database\QueryFailed;
use Footprints\Hookable;
use Footprints\Insights\Paths\Path;
use Footprints\Insights\Paths\PathArgs;
use Footprints\Insights\Paths\PathQuery;

/**
 * GET footprints/v1/insights/paths: one path's comparison (people who did
 * A, converted, rate, median time between), and GET
 * footprints/v1/insights/paths/people: its converted or unconverted people,
 * a page at a time. For users who view insights.
 */
final class PathsController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param PathQuery $paths The path query.
	 */
	public function __construct( private PathQuery $paths ) {}

	/**
	 * Registers the routes.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers both GET routes, for users who view insights.
	 */
	public function register_routes(): void {
		$routes = array(
			'insightsPaths'       => array( 'compare', PathArgs::args() ),
			'insightsPathsPeople' => array( 'list_people', PathArgs::args() + PathArgs::people_args() ),
		);
		foreach ( $routes as $name => list( $callback, $args ) ) {
			InsightsRoute::register( $name, array( $this, $callback ), $args );
		}
	}

	/**
	 * The comparison of one path.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 */
	public function compare( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$path = Path::from_params( $request->get_params() );
		if ( $path instanceof \WP_Error ) {
			return $path;
		}
		try {
			$figures = $this->paths->summary( $path );
		} catch ( QueryFailed $failed ) {
			return self::failed( $failed );
		}
		return new \WP_REST_Response( $path->describe() + $figures );
	}

	/**
	 * One page of the path's converted or unconverted people.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 */
	public function list_people( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$path = Path::from_params( $request->get_params() );
		if ( $path instanceof \WP_Error ) {
			return $path;
		}
		try {
			$people = $this->paths->page( $path, 'converted' === $request['outcome'], (int) $request['after'], (int) $request['per_page'] );
		} catch ( QueryFailed $failed ) {
			return self::failed( $failed );
		}
		return new \WP_REST_Response( $people );
	}

	/**
	 * A 500 the screen shows: try again.
	 *
	 * @param QueryFailed $failed What the database said.
	 */
	private static function failed( QueryFailed $failed ): \WP_Error {
		return new \WP_Error(
			'footprints_query_failed',
			/* translators: %s: database error. */
			sprintf( __( 'The path could not be read from the database (%s). Try again; if it stays, check the database.', 'footprints' ), $failed->getMessage() ),
			array( 'status' => 500 )
		);
	}
}
