<?php
/**
 * AttributeCoercer.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

/**
 * Coerces attribute values by a definition's attribute schema
 * (name => string|number|boolean|datetime|json). The PHP twin of
 * src/shared/attributes.ts, which the client runs before sending: both
 * accept and refuse the same values, with the same reason.
 */
final class AttributeCoercer {

	// The same patterns as src/shared/attributes.ts; D: `$` is the very end.
	// Attribute names and types are the definition schema's (DefinitionSchema).
	private const NUMBER   = '/^-?\d+(\.\d+)?(e[+-]?\d+)?$/iD';
	private const DATETIME = '/^(\d{4})-(\d\d)-(\d\d)(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/D';

	/**
	 * The attributes coerced by the schema, or why they cannot be. An
	 * attribute without a schema entry (or with an unknown type) is a string.
	 *
	 * @param array<string, string> $schema     Attribute types by name.
	 * @param array<mixed>          $attributes Values as sent.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function coerce( array $schema, array $attributes ): array|\WP_Error {
		$coerced = array();
		foreach ( $attributes as $name => $value ) {
			$name = (string) $name;
			$type = in_array( $schema[ $name ] ?? null, DefinitionSchema::attribute_types(), true ) ? $schema[ $name ] : 'string';
			if ( ! preg_match( DefinitionSchema::attribute_name_regex(), $name ) ) {
				return self::refuse( $name, __( 'snake_case name', 'footprints' ) );
			}
			$result = self::coerce_value( $type, $value );
			if ( null === $result ) {
				return self::refuse( $name, $type );
			}
			$coerced[ $name ] = $result[0];
		}
		return $coerced;
	}

	/**
	 * One value as its type, wrapped in an array; null when it cannot be.
	 *
	 * @param string $type  One of DefinitionSchema::attribute_types().
	 * @param mixed  $value The value as sent.
	 * @return array{0: mixed}|null
	 */
	private static function coerce_value( string $type, mixed $value ): ?array {
		return match ( $type ) {
			'number'   => self::to_number( $value ),
			'boolean'  => self::to_boolean( $value ),
			'datetime' => self::to_datetime( $value ),
			'json'     => self::to_json( $value ),
			default    => self::to_string( $value ),
		};
	}

	/**
	 * Scalars as text; booleans as "true"/"false", as JavaScript writes them.
	 *
	 * @param mixed $value The value as sent.
	 * @return array{0: string}|null
	 */
	private static function to_string( mixed $value ): ?array {
		if ( is_bool( $value ) ) {
			return array( $value ? 'true' : 'false' );
		}
		return is_string( $value ) || is_int( $value ) || is_float( $value ) ? array( (string) $value ) : null;
	}

	/**
	 * Numbers, and text written as a JSON number ("199", "-1.5e3").
	 *
	 * @param mixed $value The value as sent.
	 * @return array{0: int|float}|null
	 */
	private static function to_number( mixed $value ): ?array {
		if ( is_string( $value ) && preg_match( self::NUMBER, $value ) && is_numeric( $value ) ) {
			$value += 0;
		}
		return ( is_int( $value ) || is_float( $value ) ) && is_finite( $value ) ? array( $value ) : null;
	}

	/**
	 * Booleans, and the words "true" and "false".
	 *
	 * @param mixed $value The value as sent.
	 * @return array{0: bool}|null
	 */
	private static function to_boolean( mixed $value ): ?array {
		if ( is_bool( $value ) ) {
			return array( $value );
		}
		return 'true' === $value || 'false' === $value ? array( 'true' === $value ) : null;
	}

	/**
	 * ISO 8601 text on a real calendar day (2025-02-30 has the shape, not the day).
	 *
	 * @param mixed $value The value as sent.
	 * @return array{0: string}|null
	 */
	private static function to_datetime( mixed $value ): ?array {
		return is_string( $value ) && preg_match( self::DATETIME, $value, $parts )
			&& checkdate( (int) $parts[2], (int) $parts[3], (int) $parts[1] ) ? array( $value ) : null;
	}

	/**
	 * JSON text, parsed; any other value as it is.
	 *
	 * @param mixed $value The value as sent.
	 * @return array{0: mixed}|null
	 */
	private static function to_json( mixed $value ): ?array {
		if ( ! is_string( $value ) ) {
			return array( $value );
		}
		try {
			return array( json_decode( $value, true, 512, JSON_THROW_ON_ERROR ) );
		} catch ( \JsonException $e ) {
			return null;
		}
	}

	/**
	 * The reason an attribute is refused, worded as the client words it.
	 *
	 * @param string $name The attribute name.
	 * @param string $what What it should be: its type, or "snake_case name".
	 */
	private static function refuse( string $name, string $what ): \WP_Error {
		return new \WP_Error(
			'footprints_invalid_attribute',
			/* translators: 1: attribute name, 2: a type such as "number", or "snake_case name". */
			sprintf( __( 'attribute "%1$s" is not a valid %2$s', 'footprints' ), $name, $what )
		);
	}
}
