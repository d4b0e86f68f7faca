<?php
/**
 * AutomationsLogController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Automations\AutomationSettings;
use Footprints\Automations\DeliveryLog;
use Footprints\Capabilities;
use Footprints\Hookable;

/**
 * Routes footprints/v1/automations/log (the delivery log, newest first,
 * paged) and footprints/v1/automations/settings (pausing, log retention,
 * log bodies). Admins only.
 */
final class AutomationsLogController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param DeliveryLog        $log      The delivery log.
	 * @param AutomationSettings $settings The automation settings.
	 */
	public function __construct( private DeliveryLog $log, private AutomationSettings $settings ) {}

	/**
	 * Registers the routes.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the routes, admins only.
	 */
	public function register_routes(): void {
		$admin = array( Capabilities::class, 'current_user_manages' );
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'automationsLog' ),
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'log' ),
				'permission_callback' => $admin,
				'args'                => array(
					'rule'   => array(
						'description' => __( 'Only this rule\'s attempts.', 'footprints' ),
						'type'        => 'integer',
						'minimum'     => 1,
					),
					'status' => array(
						'description' => __( 'Only attempts with this outcome.', 'footprints' ),
						'type'        => 'string',
						'enum'        => DeliveryLog::STATUSES,
					),
				) + Paging::args(),
			)
		);
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'automationsSettings' ),
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => fn() => new \WP_REST_Response( $this->settings->get() ),
					'permission_callback' => $admin,
				),
				array(
					'methods'             => 'PUT',
					'callback'            => fn( \WP_REST_Request $request ) => new \WP_REST_Response( $this->settings->save( array_filter( $request->get_params(), static fn( $value ) => null !== $value ) ) ),
					'permission_callback' => $admin,
					'args'                => AutomationSettings::properties(),
				),
			)
		);
	}

	/**
	 * One page of the log.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function log( \WP_REST_Request $request ): \WP_REST_Response {
		$per_page = (int) $request['per_page'];
		$page     = $this->log->page(
			null === $request['rule'] ? null : (int) $request['rule'],
			null === $request['status'] ? null : (string) $request['status'],
			(int) $request['page'],
			$per_page
		);
		return Paging::response( $page['rows'], $page['total'], $per_page );
	}
}
