<?php
/**
 * InsightsRoute.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Capabilities;

/**
 * The one rule of every insights route: a GET under footprints/v1 for
 * whoever may read insights (footprints_view_insights), with its
 * parameters checked by an args schema.
 */
final class InsightsRoute {

	/**
	 * Registers one insights route.
	 *
	 * @param string                              $name     Key under "routes" in data/rest.json.
	 * @param callable                            $callback Answers the request.
	 * @param array<string, array<string, mixed>> $args     The route's parameters.
	 */
	public static function register( string $name, callable $callback, array $args ): void {
		register_rest_route(
			Routes::namespace(),
			Routes::route( $name ),
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => $callback,
				'permission_callback' => array( Capabilities::class, 'current_user_views_insights' ),
				'args'                => $args,
			)
		);
	}
}
