<?php
/**
 * BriefValue.
 *
 * @package Footprints
 */

namespace Footprints\People;

/**
 * How a lead brief writes a value it did not write itself (a trait, an
 * attribute, a description): on one line, so a value cannot forge a line
 * of the brief, and short, so one long value cannot drown the journey.
 */
final class BriefValue {

	/** The longest value shown, in characters. */
	public const MAX_LENGTH = 80;

	/**
	 * A text on one line: every run of white space (new lines too) as one space.
	 *
	 * @param string $text Text.
	 */
	public static function line( string $text ): string {
		return trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
	}

	/**
	 * A text on one line, cut to MAX_LENGTH characters with an ellipsis.
	 *
	 * @param string $text Text.
	 */
	public static function short( string $text ): string {
		$line = self::line( $text );
		return mb_strlen( $line ) > self::MAX_LENGTH ? rtrim( mb_substr( $line, 0, self::MAX_LENGTH - 1 ) ) . '…' : $line;
	}

	/**
	 * An attribute's value: text as it is, true/false, numbers, JSON for the rest.
	 *
	 * @param mixed $value Value.
	 */
	public static function of( mixed $value ): string {
		if ( is_bool( $value ) ) {
			return $value ? 'true' : 'false';
		}
		if ( is_string( $value ) || is_int( $value ) || is_float( $value ) ) {
			return self::short( (string) $value );
		}
		return self::short( (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
	}
}
