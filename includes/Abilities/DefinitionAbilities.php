<?php
/**
 * DefinitionAbilities.
 *
 * @package Footprints
 */

namespace Footprints\Abilities;

use Footprints\Capabilities;
use Footprints\Definitions\DefinitionRefused;
use Footprints\Definitions\DefinitionSchema;
use Footprints\Definitions\DefinitionService;
use Footprints\Hookable;

/**
 * Abilities (the WordPress Abilities API) that let agents read the event
 * definitions: what each event means is in its description, the context
 * an AI needs. They call the same DefinitionService as the REST routes,
 * with the same capability, and answer its refusals with the same errors.
 */
final class DefinitionAbilities implements Hookable {

	public const CATEGORY = AbilityMeta::CATEGORY;

	/**
	 * Constructor.
	 *
	 * @param DefinitionService $definitions The rules of reading definitions.
	 */
	public function __construct( private DefinitionService $definitions ) {}

	/**
	 * Registers the category and the abilities when WordPress has the API (6.9+).
	 */
	public function hook(): void {
		add_action( 'wp_abilities_api_categories_init', array( $this, 'register_category' ) );
		add_action( 'wp_abilities_api_init', array( $this, 'register_abilities' ) );
	}

	/**
	 * The Footprints category.
	 */
	public function register_category(): void {
		wp_register_ability_category(
			self::CATEGORY,
			array(
				'label'       => __( 'Footprints', 'footprints' ),
				'description' => __( 'The events Footprints tracks on this site and what they mean, the journeys of its leads, its insights, and tracking from the server.', 'footprints' ),
			)
		);
	}

	/**
	 * Registers footprints/list-events and footprints/get-event.
	 */
	public function register_abilities(): void {
		$definition = DefinitionSchema::get();
		wp_register_ability(
			'footprints/list-events',
			array(
				'label'               => __( 'List tracked events', 'footprints' ),
				'description'         => __( 'The event definitions of this site (system events first, then by name): code, name, description (what the event means about a visitor), attribute types, whether it is tracked and how often it was received. Search by code or name.', 'footprints' ),
				'category'            => self::CATEGORY,
				'input_schema'        => self::page_input(),
				'output_schema'       => array(
					'type'       => 'object',
					'properties' => array(
						'items' => array(
							'type'  => 'array',
							'items' => $definition,
						),
						'total' => array( 'type' => 'integer' ),
					),
				),
				'execute_callback'    => array( $this, 'list_events' ),
				'permission_callback' => array( self::class, 'can_read' ),
				'meta'                => AbilityMeta::reading(),
			)
		);
		wp_register_ability(
			'footprints/get-event',
			array(
				'label'               => __( 'Get a tracked event', 'footprints' ),
				'description'         => __( 'One event definition by its code, e.g. trial_click: its name, description (what it means about a visitor) and attribute types.', 'footprints' ),
				'category'            => self::CATEGORY,
				'input_schema'        => array(
					'type'                 => 'object',
					'properties'           => array(
						'code' => $definition['properties']['code'],
					),
					'required'             => array( 'code' ),
					'additionalProperties' => false,
				),
				'output_schema'       => $definition,
				'execute_callback'    => array( $this, 'get_event' ),
				'permission_callback' => array( self::class, 'can_read' ),
				'meta'                => AbilityMeta::reading(),
			)
		);
	}

	/**
	 * The input of a page of definitions: search, enabled and paging.
	 *
	 * @return array<string, mixed>
	 */
	public static function page_input(): array {
		return array(
			'type'                 => 'object',
			'properties'           => array(
				'search'   => array(
					'description' => __( 'Part of the code or the name.', 'footprints' ),
					'type'        => 'string',
					'maxLength'   => 191,
				),
				'enabled'  => array(
					'description' => __( 'Only tracked (true) or only switched-off (false) events.', 'footprints' ),
					'type'        => 'boolean',
				),
				'per_page' => array(
					'type'    => 'integer',
					'minimum' => 1,
					'maximum' => 100,
					'default' => 20,
				),
				'page'     => array(
					'type'    => 'integer',
					'minimum' => 1,
					'default' => 1,
				),
			),
			'additionalProperties' => false,
		);
	}

	/**
	 * The page query of a page input, for DefinitionService::page().
	 *
	 * @param mixed $input The validated input.
	 * @return array{search: string, enabled: bool|null, per_page: int, page: int}
	 */
	public static function page_query( mixed $input ): array {
		$input = AbilitySchema::with_defaults( self::page_input(), $input );
		return array(
			'search'   => trim( (string) ( $input['search'] ?? '' ) ),
			'enabled'  => isset( $input['enabled'] ) ? (bool) $input['enabled'] : null,
			'per_page' => (int) $input['per_page'],
			'page'     => (int) $input['page'],
		);
	}

	/**
	 * Those who may pick events in the editor may read them.
	 */
	public static function can_read(): bool {
		return current_user_can( Capabilities::pick_events() );
	}

	/**
	 * A page of definitions and the count of all matches.
	 *
	 * @param mixed $input The validated input.
	 * @return array{items: list<array<string, mixed>>, total: int}
	 */
	public function list_events( mixed $input = null ): array {
		return $this->definitions->page( self::page_query( $input ) );
	}

	/**
	 * One definition, or why not (unknown code: 404).
	 *
	 * @param mixed $input The validated input.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function get_event( mixed $input = null ): array|\WP_Error {
		try {
			return $this->definitions->get( (string) ( is_array( $input ) ? $input['code'] ?? '' : '' ) );
		} catch ( DefinitionRefused $refused ) {
			return $refused->to_wp_error();
		}
	}
}
