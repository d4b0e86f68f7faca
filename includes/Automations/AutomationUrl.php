<?php
/**
 * AutomationUrl.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Backend\BackendUrl;

/**
 * Which URLs an automation may call. http(s) with a host and no user info;
 * https unless the host is this machine (loopback), where no network sees
 * the payload. Private, loopback and reserved hosts and ports other than 80
 * and 443 are refused unless the server's owner allows them: the same
 * wp-config.php constant as private backends (FOOTPRINTS_ALLOW_PRIVATE_BACKEND),
 * or the filter `footprints_automations_allow_private` (e.g. a CRM on the
 * office network). A query string is allowed (many receivers take a key
 * there); a fragment is not (it never reaches the server).
 *
 * The rule is BackendUrl's, applied to the URL's origin and path, so the
 * two never drift apart; the same check runs again before each attempt,
 * since a host may resolve elsewhere later.
 */
final class AutomationUrl {

	/**
	 * Whether private hosts and other ports may be called.
	 *
	 * @param string $url The URL about to be saved or called.
	 */
	public static function private_allowed( string $url ): bool {
		/**
		 * Whether automations may call private, loopback or reserved hosts
		 * and ports other than 80 and 443 (defaults to the server owner's
		 * FOOTPRINTS_ALLOW_PRIVATE_BACKEND).
		 *
		 * @param bool   $allowed Allowed.
		 * @param string $url     The URL.
		 */
		return (bool) apply_filters( 'footprints_automations_allow_private', BackendUrl::private_allowed(), $url );
	}

	/**
	 * Why this URL may not be called, or null when it may.
	 *
	 * @param string $url   URL.
	 * @param string $field The field it came in, for the message (action.url).
	 */
	public static function check( string $url, string $field ): ?\WP_Error {
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || strlen( $url ) > AutomationRules::limit( 'urlLength' ) || preg_match( '/\s/', $url ) ) {
			return self::refused( $field, __( 'enter a full address such as https://example.com/hooks/footprints.', 'footprints' ) );
		}
		if ( isset( $parts['fragment'] ) || str_contains( $url, '#' ) ) {
			return self::refused( $field, __( 'the address may not end with a #fragment: a server never receives it.', 'footprints' ) );
		}
		$problem = BackendUrl::problem( (string) preg_replace( '/\?.*$/s', '', $url ), self::private_allowed( $url ) );
		if ( null === $problem ) {
			return null;
		}
		$messages = array(
			'format'  => __( 'enter the address as https://host (with a path if WordPress lives in a folder).', 'footprints' ),
			'parts'   => __( 'the address may not carry a user name or password. Enter https://host, its path and, if the receiver takes one, a query.', 'footprints' ),
			'scheme'  => __( 'use https:// for a receiver, so the payload never travels in clear. (http:// works only for a receiver on this machine.)', 'footprints' ),
			/* translators: 1: port, 2: constant name. */
			'port'    => sprintf( __( 'port %1$d is not a standard web port (80 or 443). A receiver on another port can be allowed only by the server\'s owner, with define( \'%2$s\', true ); in wp-config.php.', 'footprints' ), $problem['port'], BackendUrl::ALLOW_PRIVATE ),
			/* translators: 1: host, 2: constant name. */
			'private' => sprintf( __( '%1$s is a private, loopback or reserved address, which this server does not call on an admin\'s word. A receiver on the local network can be allowed only by the server\'s owner, with define( \'%2$s\', true ); in wp-config.php.', 'footprints' ), $problem['host'], BackendUrl::ALLOW_PRIVATE ),
		);
		return self::refused( $field, $messages[ $problem['reason'] ] );
	}

	/**
	 * A 400 about a URL field.
	 *
	 * @param string $field   Field.
	 * @param string $message What is wrong and what to do.
	 */
	private static function refused( string $field, string $message ): \WP_Error {
		return new \WP_Error(
			'footprints_automation_url_refused',
			$field . ': ' . $message,
			array(
				'status' => 400,
				'field'  => $field,
			)
		);
	}
}
