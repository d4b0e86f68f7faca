<?php
/**
 * LeadInput.
 *
 * @package Footprints
 */

namespace Footprints\Abilities;

use Footprints\Insights\InsightsArgs;
use Footprints\People\PeopleQuery;
use Footprints\Privacy\PeopleOfEmail;

/**
 * Which lead an agent asks about: a person id, a device id or an email,
 * exactly one of them; and the devices whose events are that lead's. A
 * device that belongs to a person stands for the person (all their
 * devices), as in the lead brief; a device of nobody stands for itself.
 *
 * @phpstan-type Lead array{person: int|null, devices: list<string>}
 */
final class LeadInput {

	// The input names that each point to a lead.
	public const KEYS = array( 'person_id', 'device_id', 'email' );

	/**
	 * Constructor.
	 *
	 * @param PeopleQuery   $people People and their devices.
	 * @param PeopleOfEmail $emails The people an email leads to.
	 */
	public function __construct( private PeopleQuery $people, private PeopleOfEmail $emails ) {}

	/**
	 * The input properties that name a lead.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function properties(): array {
		return array(
			'person_id' => array(
				'description' => __( 'The person\'s id (the People screen\'s, or a person.id of another ability).', 'footprints' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'device_id' => array(
				'description' => __( 'A device id; when the device belongs to a person, that person\'s journey (all their devices).', 'footprints' ),
				'type'        => 'string',
				'pattern'     => InsightsArgs::live()['device']['pattern'],
			),
			'email'     => array(
				'description' => __( 'The email a person identified with (any case).', 'footprints' ),
				'type'        => 'string',
				'minLength'   => 3,
				'maxLength'   => 191,
			),
		);
	}

	/**
	 * The lead the input names, or why there is none (400: not exactly one
	 * key; 404: no such person or email).
	 *
	 * @param array<string, mixed> $input The validated input.
	 * @return Lead|\WP_Error
	 */
	public function resolve( array $input ): array|\WP_Error {
		$given = array_values( array_intersect( self::KEYS, array_keys( $input ) ) );
		if ( 1 !== count( $given ) ) {
			return new \WP_Error(
				'footprints_one_lead',
				/* translators: %s: what was given, or "none". */
				sprintf( __( 'Name the lead with exactly one of person_id, device_id or email (given: %s).', 'footprints' ), $given ? implode( ', ', $given ) : __( 'none', 'footprints' ) ),
				array( 'status' => 400 )
			);
		}
		if ( 'device_id' === $given[0] ) {
			$device = (string) $input['device_id'];
			$person = $this->people->person_of_device( $device );
			return $person ? $this->person( $person ) : array(
				'person'  => null,
				'devices' => array( $device ),
			);
		}
		if ( 'email' === $given[0] ) {
			return $this->of_email( (string) $input['email'] );
		}
		$person = (int) $input['person_id'];
		return $this->people->find( $person ) ? $this->person( $person ) : self::no_person( $person );
	}

	/**
	 * The 404 of a person id that leads nowhere.
	 *
	 * @param int $person Person id.
	 */
	public static function no_person( int $person ): \WP_Error {
		return new \WP_Error(
			'footprints_no_person',
			/* translators: %d: person id. */
			sprintf( __( 'No person has the id %d: it may have been merged into another when they identified. Ask by their email or a device id instead.', 'footprints' ), $person ),
			array( 'status' => 404 )
		);
	}

	/**
	 * The one person of an email.
	 *
	 * @param string $email The email.
	 * @return Lead|\WP_Error
	 */
	private function of_email( string $email ): array|\WP_Error {
		$people = $this->emails->people( $email );
		if ( ! $people ) {
			return new \WP_Error( 'footprints_no_person', __( 'No person identified with this email. Check its spelling, or ask by a device id.', 'footprints' ), array( 'status' => 404 ) );
		}
		if ( count( $people ) > 1 ) {
			return new \WP_Error(
				'footprints_several_people',
				/* translators: %s: person ids, comma-separated. */
				sprintf( __( 'Several people identified with this email (one per site on a hub): %s. Ask by person_id.', 'footprints' ), implode( ', ', $people ) ),
				array( 'status' => 400 )
			);
		}
		return $this->person( $people[0] );
	}

	/**
	 * A person and all their devices.
	 *
	 * @param int $person Person id.
	 * @return Lead
	 */
	private function person( int $person ): array {
		return array(
			'person'  => $person,
			'devices' => $this->people->device_ids( $person ),
		);
	}
}
