<?php
/**
 * PeopleController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Hookable;
use Footprints\People\PeopleQuery;
use Footprints\People\Timeline;

/**
 * The People screen's routes, for users who view insights: GET /people
 * (search by email, user id or device id, by prefix; last seen first),
 * GET /people/{id}, and the timelines GET /people/{id}/timeline and
 * GET /devices/{device_id}/timeline.
 */
final class PeopleController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param PeopleQuery $people   Reads people.
	 * @param Timeline    $timeline Reads timelines.
	 */
	public function __construct( private PeopleQuery $people, private Timeline $timeline ) {}

	/**
	 * Registers the routes.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the four GET routes (the id and device id in the path are
	 * checked by the routes' patterns, data/rest.json).
	 */
	public function register_routes(): void {
		$timeline = array(
			'per_page' => array(
				'description' => __( 'Events per page.', 'footprints' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => Timeline::MAX_PER_PAGE,
				'default'     => 500,
			),
			'page'     => Paging::args()['page'],
		);
		InsightsRoute::register( 'people', array( $this, 'list_people' ), PeopleQuery::args() + Paging::args() );
		InsightsRoute::register( 'person', array( $this, 'get_person' ), array() );
		InsightsRoute::register( 'personTimeline', array( $this, 'person_timeline' ), $timeline );
		InsightsRoute::register( 'deviceTimeline', array( $this, 'device_timeline' ), $timeline );
	}

	/**
	 * A page of people; the total is in the X-WP-Total header.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function list_people( \WP_REST_Request $request ): \WP_REST_Response {
		$result = $this->people->list(
			array(
				'search'   => (string) $request['search'],
				'site'     => (string) $request['site'],
				'per_page' => (int) $request['per_page'],
				'page'     => (int) $request['page'],
			)
		);
		return Paging::response( $result['items'], $result['total'], (int) $request['per_page'] );
	}

	/**
	 * One person.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function get_person( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$person = $this->people->find( (int) $request['id'] );
		return $person ? new \WP_REST_Response( $person ) : self::no_person();
	}

	/**
	 * A person's timeline: the events of all its devices.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function person_timeline( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$id = (int) $request['id'];
		if ( ! $this->people->find( $id ) ) {
			return self::no_person();
		}
		$devices = $this->people->device_ids( $id );
		return $this->answer( array( 'person' => $id ) + $this->timeline->read( $devices, (int) $request['per_page'], (int) $request['page'] ), $devices, (int) $request['per_page'] );
	}

	/**
	 * One device's timeline (also of a device no person has: its events
	 * were stored before people were kept, or without a device id's consent).
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function device_timeline( \WP_REST_Request $request ): \WP_REST_Response {
		$device = (string) $request['device_id'];
		return $this->answer( array( 'person' => $this->people->person_of_device( $device ) ) + $this->timeline->read( array( $device ), (int) $request['per_page'], (int) $request['page'] ), array( $device ), (int) $request['per_page'] );
	}

	/**
	 * A timeline answer, with the paging headers.
	 *
	 * @param array<string, mixed> $timeline The timeline.
	 * @param string[]             $devices  Its devices.
	 * @param int                  $per_page Events per page.
	 */
	private function answer( array $timeline, array $devices, int $per_page ): \WP_REST_Response {
		$timeline['devices'] = $devices;
		$response            = Paging::response( array(), (int) $timeline['total'], $per_page );
		$response->set_data( $timeline );
		return $response;
	}

	/**
	 * The answer for an unknown person (merged into another, or never there).
	 */
	public static function no_person(): \WP_Error {
		return new \WP_Error( 'footprints_no_person', __( 'No person has this id: it may have been merged into another when they identified. Search the People list by their email or user id.', 'footprints' ), array( 'status' => 404 ) );
	}
}
