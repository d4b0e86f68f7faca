<?php
/**
 * JsonColumn.
 *
 * @package Footprints
 */

namespace Footprints\Database;

/**
 * Reads the JSON objects stored in longtext columns (attributes, schemas).
 */
final class JsonColumn {

	/**
	 * The stored object as an array; an empty array for anything else, so a
	 * damaged row never breaks a listing.
	 *
	 * @param string $json Stored JSON.
	 * @return array<string, mixed>
	 */
	public static function decode( string $json ): array {
		$value = json_decode( $json, true );
		return is_array( $value ) ? $value : array();
	}
}
