<?php
/**
 * CollectorController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Capabilities;
use Footprints\Collector\CollectorStatus;
use Footprints\Collector\DrainSchedule;
use Footprints\Collector\Reachability;
use Footprints\Events\RejectionCounter;
use Footprints\Hookable;

/**
 * The collector, for admins: GET /collector (how collection stands),
 * POST /collector/self-test (test the fast collector now), POST
 * /collector/drain (drain the buffer now) and GET /rejections (refused
 * events counted per code and reason).
 */
final class CollectorController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param CollectorStatus  $status       How collection stands.
	 * @param Reachability     $reachability The self-test.
	 * @param DrainSchedule    $drain        Runs the drain.
	 * @param RejectionCounter $rejections   Refused events counted.
	 */
	public function __construct(
		private CollectorStatus $status,
		private Reachability $reachability,
		private DrainSchedule $drain,
		private RejectionCounter $rejections
	) {}

	/**
	 * Registers the routes.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the routes, for those who manage Footprints; the refused
	 * events also for those who read insights (Insights → Rejected events).
	 */
	public function register_routes(): void {
		$manages = array( Capabilities::class, 'current_user_manages' );
		$reads   = static fn(): bool => Capabilities::current_user_manages() || Capabilities::current_user_views_insights();
		$routes  = array(
			'collector'         => array( \WP_REST_Server::READABLE, 'status', $manages ),
			'collectorSelfTest' => array( \WP_REST_Server::CREATABLE, 'self_test', $manages ),
			'collectorDrain'    => array( \WP_REST_Server::CREATABLE, 'drain', $manages ),
			'rejections'        => array( \WP_REST_Server::READABLE, 'rejections', $reads ),
		);
		foreach ( $routes as $name => list( $methods, $callback, $permission ) ) {
			register_rest_route(
				Routes::namespace(),
				Routes::route( $name ),
				array(
					'methods'             => $methods,
					'callback'            => array( $this, $callback ),
					'permission_callback' => $permission,
				)
			);
		}
	}

	/**
	 * How collection stands.
	 */
	public function status(): \WP_REST_Response {
		return new \WP_REST_Response( $this->status->get( time() ) );
	}

	/**
	 * Tests the fast collector now; answers the new status.
	 */
	public function self_test(): \WP_REST_Response {
		$this->reachability->test();
		return $this->status();
	}

	/**
	 * Drains the buffer now; a failed write is a 503 and the buffer stays.
	 */
	public function drain(): \WP_REST_Response|\WP_Error {
		$report = $this->drain->run();
		if ( null === $report ) {
			return new \WP_Error( 'footprints_drain_failed', __( 'The buffered events could not be stored just now; they stay in the buffer. Try again shortly.', 'footprints' ), array( 'status' => 503 ) );
		}
		return new \WP_REST_Response( $report );
	}

	/**
	 * Refused events, counted per code and reason, the most frequent first.
	 */
	public function rejections(): \WP_REST_Response {
		return new \WP_REST_Response( $this->rejections->all() );
	}
}
