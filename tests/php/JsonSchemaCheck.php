<?php
/**
 * A small JSON Schema checker for the tests: what docs/openapi.json and
 * data/schema/*.json use (type, properties, required, additionalProperties,
 * items, enum, const, pattern, lengths, bounds, allOf/anyOf/oneOf,
 * date-time), with $ref resolved across files. WordPress' own validator
 * would serve for some of it, but it reports a schema without "type" as
 * a developer error and ignores allOf and const.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class JsonSchemaCheck {

	/**
	 * Decoded files by absolute path.
	 *
	 * @var array<string, array<string, mixed>>
	 */
	private static array $files = array();

	/**
	 * A JSON file, decoded.
	 *
	 * @param string $file Absolute path.
	 * @return array<string, mixed>
	 */
	public static function file( string $file ): array {
		return self::$files[ $file ] ??= json_decode( (string) file_get_contents( $file ), true, 512, JSON_THROW_ON_ERROR );
	}

	/**
	 * The schema with every $ref replaced by what it points to.
	 *
	 * @param mixed  $schema A schema, or part of one.
	 * @param string $file   The file it is written in (refs are relative to it).
	 * @param int    $depth  Guards against a ref that points to itself.
	 * @return mixed
	 */
	public static function resolve( mixed $schema, string $file, int $depth = 0 ): mixed {
		if ( ! is_array( $schema ) || $depth > 20 ) {
			return $schema;
		}
		if ( isset( $schema['$ref'] ) && is_string( $schema['$ref'] ) ) {
			list( $path, $pointer ) = array_pad( explode( '#', $schema['$ref'], 2 ), 2, '' );
			$target_file            = '' === $path ? $file : (string) realpath( dirname( $file ) . '/' . $path );
			$target                 = self::file( $target_file );
			foreach ( array_filter( explode( '/', $pointer ), 'strlen' ) as $key ) {
				$target = $target[ str_replace( array( '~1', '~0' ), array( '/', '~' ), $key ) ];
			}
			return self::resolve( $target, $target_file, $depth + 1 );
		}
		foreach ( $schema as $key => $value ) {
			$schema[ $key ] = self::resolve( $value, $file, $depth + 1 );
		}
		return $schema;
	}

	/**
	 * What in the value breaks the (resolved) schema; empty when nothing.
	 *
	 * @param mixed                $value  The value, as decoded JSON (objects as arrays).
	 * @param array<string, mixed> $schema The resolved schema.
	 * @param string               $at     Where the value is, for the messages.
	 * @return list<string>
	 */
	public static function problems( mixed $value, array $schema, string $at = '$' ): array {
		$problems = array();
		if ( isset( $schema['type'] ) && ! self::has_type( $value, (array) $schema['type'] ) ) {
			return array( "$at: " . wp_json_encode( $value ) . ' is not of type ' . implode( '|', (array) $schema['type'] ) );
		}
		if ( isset( $schema['enum'] ) && ! in_array( $value, $schema['enum'], true ) ) {
			$problems[] = "$at: " . wp_json_encode( $value ) . ' is not one of ' . wp_json_encode( $schema['enum'] );
		}
		if ( array_key_exists( 'const', $schema ) && $value !== $schema['const'] ) {
			$problems[] = "$at: " . wp_json_encode( $value ) . ' is not ' . wp_json_encode( $schema['const'] );
		}
		foreach ( (array) ( $schema['allOf'] ?? array() ) as $part ) {
			$problems = array_merge( $problems, self::problems( $value, $part, $at ) );
		}
		foreach ( array( 'anyOf', 'oneOf' ) as $keyword ) {
			if ( isset( $schema[ $keyword ] ) ) {
				$matches = count( array_filter( $schema[ $keyword ], static fn( $part ) => ! self::problems( $value, $part, $at ) ) );
				if ( 0 === $matches || ( 'oneOf' === $keyword && $matches > 1 ) ) {
					$problems[] = "$at: matches $matches of the $keyword schemas";
				}
			}
		}
		if ( is_string( $value ) ) {
			$problems = array_merge( $problems, self::string_problems( $value, $schema, $at ) );
		}
		if ( is_int( $value ) || is_float( $value ) ) {
			if ( isset( $schema['minimum'] ) && $value < $schema['minimum'] ) {
				$problems[] = "$at: $value is below {$schema['minimum']}";
			}
			if ( isset( $schema['maximum'] ) && $value > $schema['maximum'] ) {
				$problems[] = "$at: $value is above {$schema['maximum']}";
			}
		}
		if ( is_array( $value ) && array_is_list( $value ) && ( $value || ! self::is_object_schema( $schema ) ) ) {
			return array_merge( $problems, self::list_problems( $value, $schema, $at ) );
		}
		if ( is_array( $value ) ) {
			$problems = array_merge( $problems, self::object_problems( $value, $schema, $at ) );
		}
		return $problems;
	}

	/**
	 * Whether a decoded JSON value has one of these types.
	 *
	 * @param mixed    $value Value.
	 * @param string[] $types JSON Schema types.
	 */
	private static function has_type( mixed $value, array $types ): bool {
		foreach ( $types as $type ) {
			$ok = match ( $type ) {
				'string'  => is_string( $value ),
				'integer' => is_int( $value ),
				'number'  => is_int( $value ) || is_float( $value ),
				'boolean' => is_bool( $value ),
				'null'    => null === $value,
				// An empty JSON object and an empty list both decode to array().
				'array'   => is_array( $value ) && array_is_list( $value ),
				'object'  => is_array( $value ) && ( ! $value || ! array_is_list( $value ) ),
				default   => false,
			};
			if ( $ok ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the schema describes an object.
	 *
	 * @param array<string, mixed> $schema Schema.
	 */
	private static function is_object_schema( array $schema ): bool {
		return in_array( 'object', (array) ( $schema['type'] ?? array() ), true ) || isset( $schema['properties'] );
	}

	/**
	 * Problems of a string.
	 *
	 * @param string               $value  Value.
	 * @param array<string, mixed> $schema Schema.
	 * @param string               $at     Where.
	 * @return list<string>
	 */
	private static function string_problems( string $value, array $schema, string $at ): array {
		$problems = array();
		if ( isset( $schema['pattern'] ) && ! preg_match( '/' . str_replace( '/', '\/', $schema['pattern'] ) . '/Du', $value ) ) {
			$problems[] = "$at: \"$value\" does not match {$schema['pattern']}";
		}
		if ( isset( $schema['maxLength'] ) && mb_strlen( $value ) > $schema['maxLength'] ) {
			$problems[] = "$at: longer than {$schema['maxLength']}";
		}
		if ( isset( $schema['minLength'] ) && mb_strlen( $value ) < $schema['minLength'] ) {
			$problems[] = "$at: shorter than {$schema['minLength']}";
		}
		if ( 'date-time' === ( $schema['format'] ?? null ) && ! preg_match( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/D', $value ) ) {
			$problems[] = "$at: \"$value\" is not an RFC 3339 date-time";
		}
		return $problems;
	}

	/**
	 * Problems of a list.
	 *
	 * @param list<mixed>          $value  Value.
	 * @param array<string, mixed> $schema Schema.
	 * @param string               $at     Where.
	 * @return list<string>
	 */
	private static function list_problems( array $value, array $schema, string $at ): array {
		$problems = array();
		if ( isset( $schema['maxItems'] ) && count( $value ) > $schema['maxItems'] ) {
			$problems[] = "$at: more than {$schema['maxItems']} items";
		}
		if ( isset( $schema['minItems'] ) && count( $value ) < $schema['minItems'] ) {
			$problems[] = "$at: fewer than {$schema['minItems']} items";
		}
		foreach ( isset( $schema['items'] ) ? $value : array() as $index => $item ) {
			$problems = array_merge( $problems, self::problems( $item, $schema['items'], "{$at}[$index]" ) );
		}
		return $problems;
	}

	/**
	 * Problems of an object.
	 *
	 * @param array<mixed>         $value  Value.
	 * @param array<string, mixed> $schema Schema.
	 * @param string               $at     Where.
	 * @return list<string>
	 */
	private static function object_problems( array $value, array $schema, string $at ): array {
		$problems = array();
		foreach ( (array) ( $schema['required'] ?? array() ) as $field ) {
			if ( ! array_key_exists( $field, $value ) ) {
				$problems[] = "$at: \"$field\" is required";
			}
		}
		foreach ( $value as $field => $item ) {
			$field = (string) $field;
			if ( isset( $schema['properties'][ $field ] ) ) {
				$problems = array_merge( $problems, self::problems( $item, $schema['properties'][ $field ], "$at.$field" ) );
				continue;
			}
			$pattern_schema = null;
			foreach ( (array) ( $schema['patternProperties'] ?? array() ) as $pattern => $candidate ) {
				if ( preg_match( '/' . $pattern . '/D', $field ) ) {
					$pattern_schema = $candidate;
				}
			}
			if ( null !== $pattern_schema ) {
				$problems = array_merge( $problems, self::problems( $item, $pattern_schema, "$at.$field" ) );
			} elseif ( false === ( $schema['additionalProperties'] ?? true ) ) {
				$problems[] = "$at: \"$field\" is not a documented field";
			} elseif ( is_array( $schema['additionalProperties'] ?? null ) ) {
				$problems = array_merge( $problems, self::problems( $item, $schema['additionalProperties'], "$at.$field" ) );
			}
		}
		return $problems;
	}
}
