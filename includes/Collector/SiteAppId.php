<?php
/**
 * SiteAppId.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * This site's own app ID: events recorded here without one carry it, and
 * a hub tells its own events from its connected sites' by it. Made once,
 * on first use, and kept.
 */
final class SiteAppId {

	public const OPTION = 'footprints_site_app_id';

	/**
	 * The app ID, made on first use: app_ and 12 lowercase letters or digits.
	 */
	public function get(): string {
		$app_id = get_option( self::OPTION );
		if ( is_string( $app_id ) && '' !== $app_id ) {
			return $app_id;
		}
		$app_id = 'app_' . strtolower( wp_generate_password( 12, false ) );
		// add_option keeps the first one when two requests race to make it.
		add_option( self::OPTION, $app_id, '', true );
		return (string) get_option( self::OPTION, $app_id );
	}
}
