<?php
/**
 * BriefController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Hookable;
use Footprints\People\LeadBrief;

/**
 * The lead brief's routes, for users who view insights (whoever may read
 * the timeline may read its brief): GET /people/{id}/brief and
 * GET /devices/{device_id}/brief (a device's person's brief when it has
 * one). The brief itself is LeadBrief's.
 */
final class BriefController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param LeadBrief $briefs Writes briefs.
	 */
	public function __construct( private LeadBrief $briefs ) {}

	/**
	 * Registers the routes.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers both GET routes (the id and device id in the path are
	 * checked by the routes' patterns, data/rest.json).
	 */
	public function register_routes(): void {
		InsightsRoute::register( 'personBrief', array( $this, 'person_brief' ), array() );
		InsightsRoute::register( 'deviceBrief', array( $this, 'device_brief' ), array() );
	}

	/**
	 * A person's brief; 404 as the timeline answers when no person has the id.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 */
	public function person_brief( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$brief = $this->briefs->of_person( (int) $request['id'] );
		return null === $brief ? PeopleController::no_person() : new \WP_REST_Response( LeadBrief::for_json( $brief ) );
	}

	/**
	 * A device's brief (its person's when it has one; an empty brief for a device never seen).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 */
	public function device_brief( \WP_REST_Request $request ): \WP_REST_Response {
		return new \WP_REST_Response( LeadBrief::for_json( $this->briefs->of_device( (string) $request['device_id'] ) ) );
	}
}
