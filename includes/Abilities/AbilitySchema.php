<?php
/**
 * AbilitySchema.
 *
 * @package Footprints
 */

namespace Footprints\Abilities;

/**
 * Input schemas of abilities from the REST routes' own arguments, so an
 * ability and its route validate alike, and the defaults those arguments
 * give. REST arguments mark a required one with `required: true` on the
 * argument (JSON Schema draft 3, as register_rest_route() takes it); an
 * ability's schema is one object, which lists them in `required`
 * (draft 4, what agents and the MCP adapter read).
 */
final class AbilitySchema {

	// Keys of a REST argument that are PHP callbacks, not JSON Schema.
	private const NOT_SCHEMA = array( 'required', 'sanitize_callback', 'validate_callback', 'arg_options' );

	/**
	 * An object of these properties and no others.
	 *
	 * @param array<string, array<string, mixed>> $args        REST arguments or JSON Schema properties.
	 * @param string                              $description What the input is.
	 * @return array<string, mixed>
	 */
	public static function input( array $args, string $description = '' ): array {
		$properties = array();
		$required   = array();
		foreach ( $args as $name => $arg ) {
			if ( true === ( $arg['required'] ?? null ) ) {
				$required[] = $name;
			}
			$properties[ $name ] = array_diff_key( $arg, array_flip( self::NOT_SCHEMA ) );
		}
		return array_filter(
			array(
				'type'                 => 'object',
				'description'          => $description,
				'properties'           => $properties,
				'required'             => $required,
				'additionalProperties' => false,
			),
			static fn( $value ) => array() !== $value && '' !== $value
		);
	}

	/**
	 * The input with each missing property's default (the abilities API
	 * validates the input but, unlike a REST route, fills in nothing).
	 *
	 * @param array<string, mixed> $schema The ability's input schema.
	 * @param mixed                $input  The validated input.
	 * @return array<string, mixed>
	 */
	public static function with_defaults( array $schema, mixed $input ): array {
		$input = is_array( $input ) ? $input : array();
		foreach ( (array) ( $schema['properties'] ?? array() ) as $name => $property ) {
			if ( ! array_key_exists( $name, $input ) && is_array( $property ) && array_key_exists( 'default', $property ) ) {
				$input[ $name ] = $property['default'];
			}
		}
		return $input;
	}

	/**
	 * An object of exactly these properties, all present.
	 *
	 * @param array<string, array<string, mixed>> $properties Properties.
	 * @return array<string, mixed>
	 */
	public static function closed( array $properties ): array {
		return array(
			'type'                 => 'object',
			'properties'           => $properties,
			'required'             => array_keys( $properties ),
			'additionalProperties' => false,
		);
	}
}
