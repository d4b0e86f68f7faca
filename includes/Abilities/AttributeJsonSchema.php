<?php
/**
 * AttributeJsonSchema.
 *
 * @package Footprints
 */

namespace Footprints\Abilities;

/**
 * A definition's attribute types (data/schema/definition.json: string,
 * number, boolean, datetime, json) as the JSON Schema an agent builds
 * attributes from, and the collectors accept (Definitions\AttributeCoercer).
 */
final class AttributeJsonSchema {

	/**
	 * The JSON Schema of a definition's attributes: one property per typed
	 * attribute; any other attribute is accepted as a string.
	 *
	 * @param array<mixed> $attributes Attribute types by name, as a definition has them.
	 * @return array{type: string, properties: object, additionalProperties: array{type: string}}
	 */
	public static function of( array $attributes ): array {
		$properties = array();
		foreach ( $attributes as $name => $type ) {
			$properties[ (string) $name ] = self::type( (string) $type );
		}
		return array(
			'type'                 => 'object',
			// An object even when empty: JSON Schema's properties is a map, never a list.
			'properties'           => (object) $properties,
			'additionalProperties' => array( 'type' => 'string' ),
		);
	}

	/**
	 * One attribute type as JSON Schema.
	 *
	 * @param string $type string, number, boolean, datetime or json.
	 * @return array<string, mixed>
	 */
	public static function type( string $type ): array {
		return match ( $type ) {
			'number'   => array( 'type' => 'number' ),
			'boolean'  => array( 'type' => 'boolean' ),
			'datetime' => array(
				'type'        => 'string',
				'format'      => 'date-time',
				'description' => __( 'ISO 8601; a day alone (YYYY-MM-DD) is accepted too.', 'footprints' ),
			),
			'json'     => array( 'type' => array( 'object', 'array' ) ),
			default    => array( 'type' => 'string' ),
		};
	}
}
