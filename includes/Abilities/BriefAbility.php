<?php
/**
 * BriefAbility.
 *
 * @package Footprints
 */

namespace Footprints\Abilities;

use Footprints\Capabilities;
use Footprints\Hookable;
use Footprints\People\LeadBrief;

/**
 * The ability footprints/get-lead-brief: the lead brief (People\LeadBrief) of a
 * person, a device or an email: the same answer the lead timeline and the
 * brief routes show. For users who view insights.
 */
final class BriefAbility implements Hookable {

	public const NAME = 'footprints/get-lead-brief';

	/**
	 * Constructor.
	 *
	 * @param LeadInput $leads  Which lead the input names.
	 * @param LeadBrief $briefs The briefs.
	 */
	public function __construct( private LeadInput $leads, private LeadBrief $briefs ) {}

	/**
	 * Registers the ability when WordPress has the API (6.9+).
	 */
	public function hook(): void {
		add_action( 'wp_abilities_api_init', array( $this, 'register' ) );
	}

	/**
	 * Registers footprints/get-lead-brief.
	 */
	public function register(): void {
		wp_register_ability(
			self::NAME,
			array(
				'label'               => __( 'Get a lead brief', 'footprints' ),
				'description'         => __( 'A readable summary of one lead\'s journey, the same every time for the same events: who they are (only what the site owner mapped), what they did in order with each event\'s description, when, and which paths they completed. Name the lead by person_id, device_id or email.', 'footprints' ),
				'category'            => AbilityMeta::CATEGORY,
				'input_schema'        => AbilitySchema::input( LeadInput::properties(), __( 'Exactly one of person_id, device_id or email.', 'footprints' ) ),
				'output_schema'       => array(
					'type'       => 'object',
					'properties' => array(
						'text'      => array(
							'description' => __( 'The brief: plain text, lines joined by a newline.', 'footprints' ),
							'type'        => 'string',
						),
						'person'    => array( 'type' => array( 'integer', 'null' ) ),
						'devices'   => array(
							'type'  => 'array',
							'items' => array( 'type' => 'string' ),
						),
						'events'    => array(
							'description' => __( 'Events the brief read.', 'footprints' ),
							'type'        => 'integer',
						),
						'truncated' => array(
							'description' => __( 'Whether the lead has more events than the brief read.', 'footprints' ),
							'type'        => 'boolean',
						),
					),
					// The brief may carry more than these five (LeadBrief's class comment).
					'required'   => array( 'text', 'person', 'devices', 'events', 'truncated' ),
				),
				'execute_callback'    => array( $this, 'brief' ),
				'permission_callback' => array( Capabilities::class, 'current_user_views_insights' ),
				'meta'                => AbilityMeta::reading(),
			)
		);
	}

	/**
	 * The lead's brief, or why there is none.
	 *
	 * @param mixed $input The validated input.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function brief( mixed $input = null ): array|\WP_Error {
		$lead = $this->leads->resolve( is_array( $input ) ? $input : array() );
		if ( $lead instanceof \WP_Error ) {
			return $lead;
		}
		if ( null === $lead['person'] ) {
			return $this->briefs->of_device( $lead['devices'][0] );
		}
		// Found a moment ago; merged into another since, it is a 404 like any other.
		return $this->briefs->of_person( $lead['person'] ) ?? LeadInput::no_person( $lead['person'] );
	}
}
