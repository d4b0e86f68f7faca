<?php
/**
 * AiSettingsController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Ai\AiSettings;
use Footprints\Ai\NurtureDraft;
use Footprints\Capabilities;
use Footprints\Hookable;

/**
 * Route footprints/v1/ai/settings: the owner's instructions for drafts
 * (GET, PUT), with whether drafting is available (read only). Admins only.
 */
final class AiSettingsController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param AiSettings   $settings The instructions.
	 * @param NurtureDraft $drafts   Whether drafting is available.
	 */
	public function __construct( private AiSettings $settings, private NurtureDraft $drafts ) {}

	/**
	 * Registers the route.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the route, admins only.
	 */
	public function register_routes(): void {
		$admin = array( Capabilities::class, 'current_user_manages' );
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'aiSettings' ),
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => fn() => $this->answer( $this->settings->get() ),
					'permission_callback' => $admin,
				),
				array(
					'methods'             => 'PUT',
					'callback'            => fn( \WP_REST_Request $request ) => $this->answer( $this->settings->save( array_filter( $request->get_params(), static fn( $value ) => null !== $value ) ) ),
					'permission_callback' => $admin,
					'args'                => AiSettings::properties(),
				),
				// What both methods answer: the instructions, and what the AI tab shows beside them.
				'schema' => static fn() => array(
					'$schema'    => 'http://json-schema.org/draft-04/schema#',
					'title'      => 'footprints-ai-settings',
					'type'       => 'object',
					'properties' => array(
						'settings'       => array(
							'type'                 => 'object',
							'additionalProperties' => false,
							'properties'           => AiSettings::properties(),
						),
						'availability'   => array(
							'description' => __( 'What drafting can offer on this site.', 'footprints' ),
							'type'        => 'string',
							'enum'        => array( 'hidden', 'no_client', 'no_provider', 'ready' ),
							'readonly'    => true,
						),
						'connectors_url' => array(
							'description' => __( 'Where the site owner connects an AI provider (Settings → Connectors).', 'footprints' ),
							'type'        => 'string',
							'format'      => 'uri',
							'readonly'    => true,
						),
					),
				),
			)
		);
	}

	/**
	 * The settings with what the AI tab shows beside them.
	 *
	 * @param array<string, string> $settings The instructions.
	 */
	private function answer( array $settings ): \WP_REST_Response {
		return new \WP_REST_Response(
			array(
				'settings'       => $settings,
				'availability'   => $this->drafts->availability(),
				'connectors_url' => NurtureDraft::connectors_url(),
			)
		);
	}
}
