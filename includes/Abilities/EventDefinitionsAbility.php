<?php
/**
 * EventDefinitionsAbility.
 *
 * @package Footprints
 */

namespace Footprints\Abilities;

use Footprints\Definitions\DefinitionSchema;
use Footprints\Definitions\DefinitionService;
use Footprints\Hookable;

/**
 * The ability footprints/list-event-definitions: the definitions as an agent needs
 * them to understand a journey or to track an event: what each event
 * means (its description) and its attributes as a JSON Schema, which is
 * what track-event accepts. Paged and searched like list-events, through
 * the same DefinitionService, for those who may pick events.
 */
final class EventDefinitionsAbility implements Hookable {

	public const NAME = 'footprints/list-event-definitions';

	/**
	 * Constructor.
	 *
	 * @param DefinitionService $definitions The rules of reading definitions.
	 */
	public function __construct( private DefinitionService $definitions ) {}

	/**
	 * Registers the ability when WordPress has the API (6.9+).
	 */
	public function hook(): void {
		add_action( 'wp_abilities_api_init', array( $this, 'register' ) );
	}

	/**
	 * Registers footprints/list-event-definitions.
	 */
	public function register(): void {
		$fields = DefinitionSchema::get()['properties'];
		wp_register_ability(
			self::NAME,
			array(
				'label'               => __( 'List event definitions with attribute schemas', 'footprints' ),
				'description'         => __( 'Every event this site defines (system events first, then by name): its code, name, description (what the event says about a visitor, the context for follow-up), color, whether it is tracked, and its attributes as a JSON Schema (the attributes footprints/track-event accepts). Search by code or name; paged.', 'footprints' ),
				'category'            => AbilityMeta::CATEGORY,
				'input_schema'        => DefinitionAbilities::page_input(),
				'output_schema'       => array(
					'type'                 => 'object',
					'properties'           => array(
						'items' => array(
							'type'  => 'array',
							'items' => array(
								'type'                 => 'object',
								'properties'           => array(
									'code'        => $fields['code'],
									'name'        => $fields['name'],
									'description' => $fields['description'],
									'color'       => $fields['color'],
									'enabled'     => $fields['enabled'],
									'system'      => array_diff_key( $fields['system'], array( 'readonly' => true ) ),
									'attributes'  => array(
										'description' => __( 'A JSON Schema of the attributes: string, number, boolean, datetime (string, date-time) and json (object or array); attributes without a type are strings.', 'footprints' ),
										'type'        => 'object',
									),
								),
								'required'             => array( 'code', 'name', 'description', 'color', 'enabled', 'system', 'attributes' ),
								'additionalProperties' => false,
							),
						),
						'total' => array(
							'description' => __( 'Definitions that match, on every page.', 'footprints' ),
							'type'        => 'integer',
						),
					),
					'required'             => array( 'items', 'total' ),
					'additionalProperties' => false,
				),
				'execute_callback'    => array( $this, 'list' ),
				'permission_callback' => array( DefinitionAbilities::class, 'can_read' ),
				'meta'                => AbilityMeta::reading(),
			)
		);
	}

	/**
	 * A page of definitions with their attribute schemas, and the count of all matches.
	 *
	 * @param mixed $input The validated input.
	 * @return array{items: list<array<string, mixed>>, total: int}
	 */
	public function list( mixed $input = null ): array {
		$page = $this->definitions->page( DefinitionAbilities::page_query( $input ) );
		return array(
			'items' => array_map(
				static fn( array $definition ): array => array(
					'code'        => (string) $definition['code'],
					'name'        => (string) $definition['name'],
					'description' => (string) ( $definition['description'] ?? '' ),
					'color'       => (string) $definition['color'],
					'enabled'     => (bool) $definition['enabled'],
					'system'      => (bool) ( $definition['system'] ?? false ),
					'attributes'  => AttributeJsonSchema::of( (array) ( $definition['attributes'] ?? array() ) ),
				),
				$page['items']
			),
			'total' => $page['total'],
		);
	}
}
