<?php
/**
 * JourneyAbility.
 *
 * @package Footprints
 */

namespace Footprints\Abilities;

use Footprints\Capabilities;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Forms\FormSettings;
use Footprints\People\BriefWho;
use Footprints\Hookable;
use Footprints\People\PeopleQuery;
use Footprints\People\Timeline;

/**
 * The ability footprints/get-lead-journey: one lead's events in time order, each with
 * its definition's name and description (what it says about the visitor),
 * its attributes, page, referrer and session, read from the timeline the
 * People screen shows. The person is shown as the lead brief shows it:
 * email, user ids, the WordPress user's display name, and only the traits
 * the site owner mapped on the Forms tab (company, phone, job title);
 * never another trait. For users who view insights.
 */
final class JourneyAbility implements Hookable {

	public const NAME = 'footprints/get-lead-journey';

	/**
	 * Constructor.
	 *
	 * @param LeadInput            $leads       Which lead the input names.
	 * @param PeopleQuery          $people      People.
	 * @param Timeline             $timeline    Events in order.
	 * @param DefinitionRepository $definitions The events' descriptions.
	 * @param BriefWho             $who         Which traits the owner mapped (the brief's rule).
	 */
	public function __construct(
		private LeadInput $leads,
		private PeopleQuery $people,
		private Timeline $timeline,
		private DefinitionRepository $definitions,
		private BriefWho $who
	) {}

	/**
	 * Registers the ability when WordPress has the API (6.9+).
	 */
	public function hook(): void {
		add_action( 'wp_abilities_api_init', array( $this, 'register' ) );
	}

	/**
	 * The input: the lead and the page.
	 *
	 * @return array<string, mixed>
	 */
	public static function input_schema(): array {
		return AbilitySchema::input(
			LeadInput::properties() + array(
				'per_page' => array(
					'description' => __( 'Events per page, oldest first.', 'footprints' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => Timeline::MAX_PER_PAGE,
					'default'     => 100,
				),
				'page'     => array(
					'type'    => 'integer',
					'minimum' => 1,
					'default' => 1,
				),
			),
			__( 'Exactly one of person_id, device_id or email, and the page.', 'footprints' )
		);
	}

	/**
	 * The person as the journey shows them.
	 *
	 * @return array<string, mixed>
	 */
	public static function person_schema(): array {
		$nullable_string = array( 'type' => array( 'string', 'null' ) );
		return array(
			'description'          => __( 'The person the events are of; null for a device of nobody.', 'footprints' ),
			'type'                 => array( 'object', 'null' ),
			'properties'           => array(
				'id'           => array( 'type' => 'integer' ),
				'email'        => $nullable_string,
				'user_id'      => array( 'description' => __( 'The id the site gave them in identify().', 'footprints' ) ) + $nullable_string,
				'wp_user_id'   => array( 'type' => array( 'integer', 'null' ) ),
				'display_name' => array( 'description' => __( 'The WordPress user\'s display name.', 'footprints' ) ) + $nullable_string,
				'traits'       => array(
					'description'          => __( 'Only the traits the site owner mapped from forms: company, phone, job title.', 'footprints' ),
					'type'                 => 'object',
					'properties'           => array_fill_keys( FormSettings::TRAITS, array( 'type' => 'string' ) ),
					'additionalProperties' => false,
				),
			),
			'required'             => array( 'id', 'email', 'user_id', 'wp_user_id', 'display_name', 'traits' ),
			'additionalProperties' => false,
		);
	}

	/**
	 * Registers footprints/get-lead-journey.
	 */
	public function register(): void {
		$string = array( 'type' => 'string' );
		wp_register_ability(
			self::NAME,
			array(
				'label'               => __( 'Get a lead\'s journey', 'footprints' ),
				'description'         => __( 'The events of one lead (a person, all their devices; or one anonymous device) in time order: each event\'s code, name and description (what it says about the visitor), attributes, page, referrer, time and session (a gap of more than 30 minutes starts a new one), and who the person is (email, user ids, display name and the traits the site owner mapped). Name the lead by person_id, device_id or email.', 'footprints' ),
				'category'            => AbilityMeta::CATEGORY,
				'input_schema'        => self::input_schema(),
				'output_schema'       => array(
					'type'                 => 'object',
					'properties'           => array(
						'person'   => self::person_schema(),
						'devices'  => array(
							'type'  => 'array',
							'items' => $string,
						),
						'events'   => array(
							'description' => __( 'Oldest first.', 'footprints' ),
							'type'        => 'array',
							'items'       => array(
								'type'                 => 'object',
								'properties'           => array(
									'code'        => $string,
									'name'        => $string,
									'description' => $string,
									'attributes'  => array( 'type' => 'object' ),
									'page'        => $string,
									'referrer'    => $string,
									'time'        => array( 'format' => 'date-time' ) + $string,
									'session'     => array(
										'description' => __( 'The session\'s index on this page, from 0.', 'footprints' ),
										'type'        => 'integer',
									),
									'device_id'   => $string,
								),
								'required'             => array( 'code', 'name', 'description', 'attributes', 'page', 'referrer', 'time', 'session', 'device_id' ),
								'additionalProperties' => false,
							),
						),
						'total'    => array(
							'description' => __( 'The lead\'s events on every page.', 'footprints' ),
							'type'        => 'integer',
						),
						'page'     => array( 'type' => 'integer' ),
						'per_page' => array( 'type' => 'integer' ),
					),
					'required'             => array( 'person', 'devices', 'events', 'total', 'page', 'per_page' ),
					'additionalProperties' => false,
				),
				'execute_callback'    => array( $this, 'journey' ),
				'permission_callback' => array( Capabilities::class, 'current_user_views_insights' ),
				'meta'                => AbilityMeta::reading(),
			)
		);
	}

	/**
	 * A page of the lead's journey, or why there is none.
	 *
	 * @param mixed $input The validated input.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function journey( mixed $input = null ): array|\WP_Error {
		$input = AbilitySchema::with_defaults( self::input_schema(), $input );
		$lead  = $this->leads->resolve( $input );
		if ( $lead instanceof \WP_Error ) {
			return $lead;
		}
		$per_page    = (int) $input['per_page'];
		$page        = (int) $input['page'];
		$timeline    = $this->timeline->read( $lead['devices'], $per_page, $page );
		$definitions = $this->definitions->find_many( array_column( $timeline['events'], 'code' ) );
		$events      = array();
		foreach ( $timeline['events'] as $event ) {
			$events[] = array(
				'code'        => $event['code'],
				'name'        => $event['name'],
				// A deleted definition leaves its events without a description.
				'description' => (string) ( $definitions[ $event['code'] ]['description'] ?? '' ),
				'attributes'  => $event['attributes'],
				'page'        => $event['page'],
				'referrer'    => $event['referrer'],
				'time'        => $event['time'],
				'session'     => $event['session'],
				'device_id'   => $event['device_id'],
			);
		}
		return array(
			'person'   => null === $lead['person'] ? null : $this->person( $lead['person'] ),
			'devices'  => $lead['devices'],
			'events'   => $events,
			'total'    => $timeline['total'],
			'page'     => $page,
			'per_page' => $per_page,
		);
	}

	/**
	 * Who the person is, with only the mapped traits.
	 *
	 * @param int $id Person id.
	 * @return array<string, mixed>|null
	 */
	private function person( int $id ): ?array {
		$person = $this->people->find( $id );
		if ( ! $person ) {
			return null;
		}
		$user = $person['wp_user_id'] ? get_userdata( (int) $person['wp_user_id'] ) : false;
		return array(
			'id'           => $id,
			'email'        => $person['email'],
			'user_id'      => $person['user_id'],
			'wp_user_id'   => $person['wp_user_id'],
			'display_name' => $user ? (string) $user->display_name : null,
			'traits'       => (object) $this->who->of( $person )['traits'],
		);
	}
}
