<?php
/**
 * FormsController.
 *
 * @package Footprints
 */

namespace Footprints\Forms;

use Footprints\Capabilities;
use Footprints\Hookable;
use Footprints\Rest\Routes;

/**
 * Route footprints/v1/forms (admins): reads and replaces the form tracking
 * settings (FormSettings), checked by their schema; the form plugins found
 * active come along so the Forms tab can name them.
 */
final class FormsController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param FormSettings $settings The form tracking settings.
	 * @param FormPlugins  $plugins  The form plugins this site runs.
	 */
	public function __construct( private FormSettings $settings, private FormPlugins $plugins ) {}

	/**
	 * Registers the route.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * GET and PUT, for those who manage Footprints.
	 */
	public function register_routes(): void {
		$admin = array( Capabilities::class, 'current_user_manages' );
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'forms' ),
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => fn() => new \WP_REST_Response( $this->describe( $this->settings->get() ) ),
					'permission_callback' => $admin,
				),
				array(
					'methods'             => 'PUT',
					'callback'            => array( $this, 'save' ),
					'permission_callback' => $admin,
					'args'                => FormSettings::schema()['properties'],
				),
				'schema' => fn() => array( '$schema' => 'http://json-schema.org/draft-04/schema#' ) + FormSettings::schema(),
			)
		);
	}

	/**
	 * Saves what the request sent over the stored settings.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function save( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$sent  = array_intersect_key( (array) $request->get_json_params(), FormSettings::schema()['properties'] );
		$saved = $this->settings->save( $sent );
		return is_wp_error( $saved ) ? $saved : new \WP_REST_Response( $this->describe( $saved ) );
	}

	/**
	 * The settings, and the active form plugins (name and form id prefix).
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @return array<string, mixed>
	 */
	private function describe( array $settings ): array {
		return $settings + array(
			'plugins' => array_map(
				static fn( array $plugin ) => array(
					'name'   => $plugin['name'],
					'prefix' => $plugin['prefix'],
				),
				$this->plugins->active()
			),
		);
	}
}
