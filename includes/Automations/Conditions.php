<?php
/**
 * Conditions.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

/**
 * Whether an event's attributes meet a rule's conditions (all of them).
 * Values compare as the event typed them: equals/not_equals compare
 * numbers as numbers, booleans with true/false (or "true"/"false"), text
 * exactly; contains is a case-insensitive substring of text (or an item of
 * a list); greater_than/less_than compare numbers; exists is "sent, and
 * not null". A missing attribute meets only not_equals.
 *
 * @phpstan-import-type Condition from RuleStore
 */
final class Conditions {

	/**
	 * Whether the attributes meet every condition.
	 *
	 * @param array                $conditions Conditions.
	 * @param array<string, mixed> $attributes The event's typed attributes.
	 * @phpstan-param list<Condition> $conditions
	 */
	public static function met( array $conditions, array $attributes ): bool {
		foreach ( $conditions as $condition ) {
			if ( ! self::holds( $condition, $attributes[ $condition['attribute'] ] ?? null ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether one condition holds for a value.
	 *
	 * @param array $condition Condition.
	 * @param mixed $actual    The attribute's value (null when not sent).
	 * @phpstan-param Condition $condition
	 */
	private static function holds( array $condition, mixed $actual ): bool {
		$expected = $condition['value'] ?? null;
		switch ( $condition['operator'] ) {
			case 'exists':
				return null !== $actual;
			case 'equals':
				return null !== $actual && self::same( $actual, $expected );
			case 'not_equals':
				return null === $actual || ! self::same( $actual, $expected );
			case 'contains':
				if ( is_array( $actual ) ) {
					return in_array( (string) $expected, array_map( static fn( $item ) => is_scalar( $item ) ? (string) $item : '', $actual ), true );
				}
				return is_scalar( $actual ) && '' !== (string) $expected && false !== mb_stripos( (string) $actual, (string) $expected );
			case 'greater_than':
				return is_numeric( $actual ) && is_numeric( $expected ) && (float) $actual > (float) $expected;
			case 'less_than':
				return is_numeric( $actual ) && is_numeric( $expected ) && (float) $actual < (float) $expected;
		}
		return false;
	}

	/**
	 * Equality as a site owner means it: 199 = "199", true = "true".
	 *
	 * @param mixed $actual   The attribute's value.
	 * @param mixed $expected The condition's value.
	 */
	private static function same( mixed $actual, mixed $expected ): bool {
		if ( is_bool( $actual ) || is_bool( $expected ) ) {
			return self::as_bool( $actual ) === self::as_bool( $expected );
		}
		if ( is_numeric( $actual ) && is_numeric( $expected ) ) {
			return (float) $actual === (float) $expected;
		}
		return is_scalar( $actual ) && is_scalar( $expected ) && (string) $actual === (string) $expected;
	}

	/**
	 * A boolean from true/false, "true"/"false", 1/0.
	 *
	 * @param mixed $value Value.
	 */
	private static function as_bool( mixed $value ): ?bool {
		if ( is_bool( $value ) ) {
			return $value;
		}
		$text = is_scalar( $value ) ? strtolower( (string) $value ) : '';
		return in_array( $text, array( 'true', '1' ), true ) ? true : ( in_array( $text, array( 'false', '0' ), true ) ? false : null );
	}
}
