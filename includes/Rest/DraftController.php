<?php
/**
 * DraftController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Ai\NurtureDraft;
use Footprints\Capabilities;
use Footprints\Hookable;
use Footprints\People\LeadBrief;

/**
 * Routes POST footprints/v1/people/{id}/draft and
 * /devices/{device_id}/draft: a nurture email for the lead, drafted by the
 * site's AI provider from the lead brief and the owner's instructions.
 * For whoever may read the timeline. A POST (cookie nonce, like every
 * write): each one sends the brief to the provider.
 */
final class DraftController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param LeadBrief    $briefs The lead briefs.
	 * @param NurtureDraft $drafts The drafts.
	 */
	public function __construct( private LeadBrief $briefs, private NurtureDraft $drafts ) {}

	/**
	 * Registers the routes.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$routes = array(
			'personDraft' => array( $this, 'person_draft' ),
			'deviceDraft' => array( $this, 'device_draft' ),
		);
		foreach ( $routes as $name => $callback ) {
			register_rest_route(
				Routes::namespace(),
				Routes::route( $name ),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => $callback,
					'permission_callback' => array( Capabilities::class, 'current_user_views_insights' ),
				)
			);
		}
	}

	/**
	 * A draft for a person (the brief of all their devices).
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function person_draft( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$brief = $this->briefs->of_person( (int) $request['id'] );
		if ( null === $brief ) {
			return PeopleController::no_person();
		}
		return $this->answer( $brief );
	}

	/**
	 * A draft for a device (its person's brief when it has one).
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function device_draft( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		return $this->answer( $this->briefs->of_device( (string) $request['device_id'] ) );
	}

	/**
	 * The draft, or why not.
	 *
	 * @param array<string, mixed> $brief The lead brief.
	 */
	private function answer( array $brief ): \WP_REST_Response|\WP_Error {
		if ( 0 === (int) ( $brief['events'] ?? 0 ) ) {
			// Nothing to write from: the provider is not asked.
			return new \WP_Error( 'footprints_no_events', __( 'No events are stored for this lead, so there is nothing to write an email from.', 'footprints' ), array( 'status' => 404 ) );
		}
		$draft = $this->drafts->draft( $brief );
		return is_wp_error( $draft ) ? $draft : new \WP_REST_Response( $draft );
	}
}
