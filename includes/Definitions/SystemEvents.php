<?php
/**
 * SystemEvents.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

/**
 * The built-in events (data/schema/system-events.json). They live in
 * the definitions table flagged as system, so listing, search, the
 * collector and the editor treat them like any other event, but nothing
 * can change or delete them, and custom definitions cannot take their codes.
 */
final class SystemEvents {

	public const FILE = '/data/schema/system-events.json';

	/**
	 * The catalogue.
	 *
	 * @return list<array{code: string, name: string, color: string, description: string, enabled?: bool, attributes: array<string, string>}>
	 */
	public static function all(): array {
		static $events = null;
		$events      ??= (array) wp_json_file_decode( FOOTPRINTS_DIR . self::FILE, array( 'associative' => true ) )['events'];
		return $events;
	}

	/**
	 * Whether a code belongs to a system event.
	 *
	 * @param string $code Event code.
	 */
	public static function is_reserved( string $code ): bool {
		return in_array( $code, array_column( self::all(), 'code' ), true );
	}
}
