<?php
/**
 * AccessKey.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

/**
 * How this site, acting as a remote backend (a hub), lets other sites read
 * its definitions: they send `Authorization: Bearer <API key>` and
 * `X-Footprints-App-Id: <app ID>`. Only a hash of the key is stored; the key
 * is shown once, when an admin generates it.
 */
final class AccessKey {

	public const OPTION     = 'footprints_access_key';
	public const APP_HEADER = 'x_footprints_app_id';

	/**
	 * A new app ID (kept if one exists) and key; the previous key stops working.
	 *
	 * @return array{app_id: string, api_key: string}
	 */
	public function generate(): array {
		$app_id = $this->app_id() ?? 'app_' . strtolower( wp_generate_password( 12, false ) );
		$key    = 'fpk_' . wp_generate_password( 40, false );
		update_option(
			self::OPTION,
			array(
				'app_id' => $app_id,
				'hash'   => hash( 'sha256', $key ),
			),
			false
		);
		return array(
			'app_id'  => $app_id,
			'api_key' => $key,
		);
	}

	/**
	 * The app ID other sites use for this backend, or null before a key exists.
	 */
	public function app_id(): ?string {
		$stored = get_option( self::OPTION );
		return is_array( $stored ) && isset( $stored['app_id'] ) ? (string) $stored['app_id'] : null;
	}

	/**
	 * Whether the request carries a key, so a wrong one can answer 401
	 * instead of the anonymous reader's 403.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function is_presented( \WP_REST_Request $request ): bool {
		return str_starts_with( (string) $request->get_header( 'authorization' ), 'Bearer ' );
	}

	/**
	 * True when the request's app ID and key match; otherwise why not.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function check( \WP_REST_Request $request ): bool|\WP_Error {
		$stored = get_option( self::OPTION );
		$key    = substr( (string) $request->get_header( 'authorization' ), strlen( 'Bearer ' ) );
		$app_id = (string) $request->get_header( self::APP_HEADER );
		if ( ! is_array( $stored ) || ! hash_equals( (string) $stored['hash'], hash( 'sha256', $key ) ) ) {
			return new \WP_Error(
				'footprints_invalid_api_key',
				__( 'This API key is not valid for this Footprints backend. Copy the current key from the backend\'s Footprints settings (Connection tab) into the connected site.', 'footprints' ),
				array( 'status' => 401 )
			);
		}
		if ( $app_id !== $stored['app_id'] ) {
			return new \WP_Error(
				'footprints_unknown_app',
				/* translators: %s: app ID the request sent. */
				sprintf( __( 'The app ID "%s" does not match this backend. Copy the app ID from the backend\'s Footprints settings.', 'footprints' ), $app_id ),
				array( 'status' => 401 )
			);
		}
		return true;
	}
}
