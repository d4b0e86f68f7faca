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
	 * The capability that reads insights: the dashboard, live events, people,
	 * timelines, paths, exports and the counts in the editor. Administrators
	 * get it when Footprints installs (migrations/0007); a role editor can
	 * grant it to any other role.
	 */
	public static function view_insights(): string {
		return Routes::contract()['capabilities']['viewInsights'];
	}

	/**
	 * Whether the current user may read insights: the permission callback
	 * of every insights route.
	 */
	public static function current_user_views_insights(): bool {
		return current_user_can( self::view_insights() );
	}

	/**
	 * Whether the current user manages Footprints: the permission callback
	 * of every admin-only route.
	 */
	public static function current_user_manages(): bool {
		return current_user_can( self::manage() );
	}
}
