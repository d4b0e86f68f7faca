<?php
/**
 * DeviceHandoff.
 *
 * @package Footprints
 */

namespace Footprints\SystemEvents;

/**
 * Which device sent a request the server turns into a system event (a form
 * plugin's submission, a sign-in): the client writes its device id into the
 * short-lived first-party cookie `footprints_device` in the capture phase of
 * every submit (10 minutes, path /, SameSite=Lax), so it rides along with
 * the form's own request, AJAX or not, whatever the form plugin serialises.
 * Nothing per visitor is printed into a page, so full-page caches stay safe,
 * and there is no cookie until a visitor with a device id (consent) submits
 * a form. The value is untrusted: anything but a device id names nobody.
 */
final class DeviceHandoff {

	public const COOKIE = 'footprints_device';

	/**
	 * The device id the request carries, or null.
	 *
	 * @param array<string, mixed>|null $cookies The request's cookies ($_COOKIE when null).
	 */
	public static function device_id( ?array $cookies = null ): ?string {
		$cookies ??= $_COOKIE;
		$value     = $cookies[ self::COOKIE ] ?? null;
		return is_string( $value ) && preg_match( self::pattern(), $value ) ? $value : null;
	}

	/**
	 * The event schema's device_id pattern (data/schema/event.json), anchored.
	 */
	private static function pattern(): string {
		static $pattern = null;
		if ( null === $pattern ) {
			/**
			 * The file as committed.
			 *
			 * @var array{properties: array{device_id: array{pattern: string}}} $schema
			 */
			$schema  = wp_json_file_decode( FOOTPRINTS_DIR . '/data/schema/event.json', array( 'associative' => true ) );
			$pattern = '/' . $schema['properties']['device_id']['pattern'] . '/D';
		}
		return $pattern;
	}
}
