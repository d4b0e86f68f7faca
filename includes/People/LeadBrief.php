<?php
/**
 * LeadBrief.
 *
 * @package Footprints
 */

namespace Footprints\People;

/**
 * A readable, deterministic summary of one lead's journey, built from the
 * timeline and each event's description: who they are (only what the site
 * owner mapped), what they did in order with the descriptions as context,
 * when, and which paths they completed. The same events always give the
 * same text, so a brief can be compared, cached and tested word for word.
 * The lead timeline, the REST routes, the ability and automation payloads
 * all read it from here.
 *
 * @phpstan-type Brief array{text: string, person: int|null, devices: list<string>, events: int, truncated: bool}
 */
final class LeadBrief {

	/**
	 * Constructor.
	 *
	 * @param PeopleQuery $people   People and their devices.
	 * @param Timeline    $timeline Their events in order.
	 */
	public function __construct( private PeopleQuery $people, private Timeline $timeline ) {}

	/**
	 * The brief of a person (all their devices), or null when no person has this id.
	 *
	 * @param int $person_id Person ID.
	 * @return Brief|null
	 */
	public function of_person( int $person_id ): ?array {
		if ( ! $this->people->find( $person_id ) ) {
			return null;
		}
		return $this->build( $person_id, $this->people->device_ids( $person_id ) );
	}

	/**
	 * The brief of a device: its person's when it has one, else its own.
	 *
	 * @param string $device_id Device ID.
	 * @return Brief
	 */
	public function of_device( string $device_id ): array {
		$person = $this->people->person_of_device( $device_id );
		$brief  = $person ? $this->of_person( $person ) : null;
		return $brief ?? $this->build( null, array( $device_id ) );
	}

	/**
	 * The brief of some devices. A seam until the brief's text is written.
	 *
	 * @param int|null $person  Person ID.
	 * @param string[] $devices Device IDs.
	 * @return Brief
	 */
	private function build( ?int $person, array $devices ): array {
		$timeline = $this->timeline->read( $devices, Timeline::MAX_PER_PAGE, 1 );
		return array(
			'text'      => '',
			'person'    => $person,
			'devices'   => array_values( $devices ),
			'events'    => count( $timeline['events'] ),
			'truncated' => $timeline['total'] > count( $timeline['events'] ),
		);
	}
}
