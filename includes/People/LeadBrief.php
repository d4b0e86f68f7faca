<?php
/**
 * LeadBrief.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Definitions\DefinitionRepository;

/**
 * A readable, deterministic summary of one lead's journey, built from the
 * timeline and each event's description: who they are (only what the site
 * owner mapped), what they did in order with the descriptions as context,
 * when, and which paths they completed. The same events always give the
 * same text, so a brief can be compared, cached and tested word for word.
 * The lead timeline, the REST routes, the ability and automation payloads
 * all read it from here. It reads at most the lead's latest MAX_EVENTS
 * events, so a long journey costs the same as a short one.
 *
 * @phpstan-import-type CompletedPath from BriefPaths
 * @phpstan-import-type Who from BriefWho
 * @phpstan-import-type Step from BriefSteps
 * @phpstan-type Brief array{text: string, person: int|null, devices: list<string>, events: int, truncated: bool, total: int, sessions: int, timezone: string, who: Who, paths: list<CompletedPath>, steps: list<Step>}
 */
final class LeadBrief {

	/** The most events a brief reads: the latest ones. */
	public const MAX_EVENTS = 500;

	/**
	 * Constructor.
	 *
	 * @param PeopleQuery          $people      People and their devices.
	 * @param Timeline             $timeline    Their events in order.
	 * @param DefinitionRepository $definitions The events' descriptions.
	 * @param BriefWho             $who         What the brief may say of the person.
	 * @param BriefSteps           $steps       The events as steps.
	 */
	public function __construct( private PeopleQuery $people, private Timeline $timeline, private DefinitionRepository $definitions, private BriefWho $who, private BriefSteps $steps ) {}

	/**
	 * The brief of a person (all their devices), or null when no person has this id.
	 *
	 * @param int $person_id Person ID.
	 * @return Brief|null
	 */
	public function of_person( int $person_id ): ?array {
		$person = $this->people->find( $person_id );
		if ( ! $person ) {
			return null;
		}
		return $this->build( $person, $this->people->device_ids( $person_id ) );
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
	 * The brief of a person's devices, or of one device no person has.
	 *
	 * @param array<string, mixed>|null $person  The person (PeopleQuery::find()), or null.
	 * @param string[]                  $devices Device IDs.
	 * @return Brief
	 */
	private function build( ?array $person, array $devices ): array {
		$devices      = array_values( array_map( 'strval', $devices ) );
		$timeline     = $this->timeline->latest( $devices, self::MAX_EVENTS );
		$codes        = array_values( array_unique( array_map( static fn( array $event ) => (string) $event['code'], $timeline['events'] ) ) );
		$descriptions = array_map( static fn( array $definition ) => (string) ( $definition['description'] ?? '' ), $this->definitions->find_many( $codes ) );
		$steps        = $this->steps->of( $timeline['events'], $descriptions );
		$paths        = BriefPaths::of( $steps );
		$who          = $this->who->of( $person );
		$clock        = new BriefClock( wp_timezone() );
		$events       = count( $timeline['events'] );
		$truncated    = $timeline['total'] > $events;
		$text         = ( new BriefText( $clock ) )->write(
			array(
				'who'              => $who,
				'anonymous_device' => null === $person ? ( $devices[0] ?? null ) : null,
				'steps'            => $steps,
				'paths'            => $paths,
				'sessions'         => $timeline['sessions'],
				'events'           => $events,
				'total'            => $timeline['total'],
				'truncated'        => $truncated,
			)
		);
		return array(
			'text'      => $text,
			'person'    => null === $person ? null : (int) $person['id'],
			'devices'   => $devices,
			'events'    => $events,
			'truncated' => $truncated,
			'total'     => $timeline['total'],
			'sessions'  => count( $timeline['sessions'] ),
			'timezone'  => $clock->zone(),
			'who'       => $who,
			'paths'     => $paths,
			'steps'     => $steps,
		);
	}

	/**
	 * A brief as JSON answers it: its maps (the mapped traits, each step's
	 * attributes) as objects even when empty ({}, not []), as the
	 * timeline's attributes are.
	 *
	 * @param array $brief A brief.
	 * @return array<string, mixed>
	 * @phpstan-param Brief $brief
	 */
	public static function for_json( array $brief ): array {
		$json                  = $brief;
		$json['who']['traits'] = (object) $brief['who']['traits'];
		$json['steps']         = array();
		foreach ( $brief['steps'] as $step ) {
			$step['attributes'] = (object) $step['attributes'];
			$json['steps'][]    = $step;
		}
		return $json;
	}
}
