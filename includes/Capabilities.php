<?php
/**
 * Capabilities.
 *
 * @package Footprints
 */

namespace Footprints;

use Footprints\Rest\Routes;

/**
 * Who may do what, from the "capabilities" of data/rest.json: the REST
 * routes, the settings screen and the TypeScript side read the same names.
 */
final class Capabilities {

	/**
	 * The capability that manages Footprints: definitions, the connection,
	 * sync, stored events and the settings screen.
	 */
	public static function manage(): string {
		return Routes::contract()['capabilities']['manage'];
	}

	/**
	 * The capability that picks events in the editor (reads definitions).
	 */
	public static function pick_events(): string {
		return Routes::contract()['capabilities']['pickEvents'];
	}

	/**
	 * Whether the current user manages Footprints: the permission callback
	 * of every admin-only route.
	 */
	public static function current_user_manages(): bool {
		return current_user_can( self::manage() );
	}
}
