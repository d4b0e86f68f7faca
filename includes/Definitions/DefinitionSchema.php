<?php
/**
 * DefinitionSchema.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

/**
 * The one JSON Schema of a definition (data/schema/definition.json):
 * REST arguments, the route schema and the validation of every write and of
 * every synced definition come from it, and so do the rules of names that
 * PHP checks elsewhere (event codes in triggers, attribute names and types
 * in the coercer). Reading it needs no WordPress, so the fast collector,
 * which runs without WordPress, reads the same rules.
 */
final class DefinitionSchema {

	public const FILE = '/data/schema/definition.json';

	// Fields a client may write; the others are the server's (readonly).
	public const WRITABLE = array( 'code', 'name', 'color', 'description', 'enabled', 'attributes' );

	/**
	 * The schema, read once per request.
	 *
	 * @var array<string, mixed>|null
	 */
	private static ?array $schema = null;

	/**
	 * The whole schema.
	 *
	 * @return array<string, mixed>
	 */
	public static function get(): array {
		if ( null === self::$schema ) {
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin, read without WordPress.
			$schema       = json_decode( (string) file_get_contents( dirname( __DIR__, 2 ) . self::FILE ), true );
			self::$schema = is_array( $schema ) ? $schema : array();
		}
		return self::$schema;
	}

	/**
	 * The pattern of an event code, as the schema writes it (anchored, for
	 * JSON Schema and JavaScript).
	 */
	public static function code_pattern(): string {
		return (string) self::get()['properties']['code']['pattern'];
	}

	/**
	 * The pattern of an event code for preg_match(). D: in PCRE `$` would
	 * also match before a final newline, which JSON Schema's `$` does not.
	 */
	public static function code_regex(): string {
		return '/' . self::code_pattern() . '/D';
	}

	/**
	 * The pattern of an attribute name (snake_case) for preg_match().
	 */
	public static function attribute_name_regex(): string {
		return '/' . (string) array_key_first( self::get()['properties']['attributes']['patternProperties'] ) . '/D';
	}

	/**
	 * The types an attribute can have: string, number, boolean, datetime, json.
	 *
	 * @return list<string>
	 */
	public static function attribute_types(): array {
		$types = current( self::get()['properties']['attributes']['patternProperties'] )['enum'];
		return array_values( array_map( 'strval', (array) $types ) );
	}

	/**
	 * REST arguments for a write: every writable property, none required
	 * (create checks required fields itself, so a partial update is possible).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function write_args(): array {
		$args = array();
		foreach ( self::WRITABLE as $field ) {
			$args[ $field ] = self::get()['properties'][ $field ];
		}
		return $args;
	}

	/**
	 * Why a complete definition (a create, or one pulled by a sync) breaks
	 * the schema, or null when it does not. The message names the field and
	 * the rule, so a person can fix it.
	 *
	 * @param mixed $definition Definition to check.
	 */
	public static function problem( mixed $definition ): ?DefinitionRefused {
		if ( ! is_array( $definition ) ) {
			return new DefinitionRefused( DefinitionProblem::Invalid, __( 'A definition must be a JSON object.', 'footprints' ) );
		}
		$schema = self::get();
		foreach ( $schema['required'] as $field ) {
			if ( ! isset( $definition[ $field ] ) ) {
				return DefinitionRefused::field(
					$field,
					/* translators: %s: field name. */
					sprintf( __( '%s is required.', 'footprints' ), $field )
				);
			}
		}
		foreach ( $definition as $field => $value ) {
			$property = $schema['properties'][ $field ] ?? null;
			if ( null === $property ) {
				return DefinitionRefused::field(
					(string) $field,
					/* translators: %s: field name. */
					sprintf( __( '%s is not a field of a definition.', 'footprints' ), $field )
				);
			}
			$valid = rest_validate_value_from_schema( $value, $property, (string) $field );
			if ( is_wp_error( $valid ) ) {
				return DefinitionRefused::field( (string) $field, $valid->get_error_message() );
			}
		}
		return null;
	}

	/**
	 * The problem() of a definition as the 400 a REST client gets, or null.
	 *
	 * @param mixed $definition Definition to check.
	 */
	public static function validate( mixed $definition ): ?\WP_Error {
		$problem = self::problem( $definition );
		if ( null === $problem ) {
			return null;
		}
		return new \WP_Error(
			'footprints_invalid_definition',
			$problem->getMessage(),
			array_filter(
				array(
					'status' => 400,
					'field'  => $problem->field,
				)
			)
		);
	}

	/**
	 * The rule of a field in words, added to every message about it.
	 *
	 * @param string $field Field name.
	 */
	public static function hint( string $field ): string {
		switch ( $field ) {
			case 'code':
				return __( 'A code starts with a lowercase letter, followed by 1 to 63 lowercase letters, digits or underscores, e.g. trial_click.', 'footprints' );
			case 'color':
				return __( 'Use a hex color such as #3858e9.', 'footprints' );
			case 'attributes':
				return __( 'Attribute names are snake_case (e.g. plan_name) and each type is one of string, number, boolean, datetime or json.', 'footprints' );
			default:
				return '';
		}
	}
}
