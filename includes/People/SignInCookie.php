<?php
/**
 * SignInCookie.
 *
 * @package Footprints
 */

namespace Footprints\People;

/**
 * The cookie that tells a collector which WordPress user sent a batch,
 * without a byte in the front-end client and without WordPress in the
 * fast collector: "<user ID>.<expiry>.<HMAC-SHA256>", HttpOnly, set at
 * sign-in and cleared at sign-out (SignInLink). The secret lives in the
 * site's options and the compiled collector config, never in a page; a
 * forged, altered or expired cookie names nobody. Plain PHP.
 */
final class SignInCookie {

	public const NAME = 'footprints_signin';

	/**
	 * The cookie's value for a user.
	 *
	 * @param int    $user    WordPress user ID.
	 * @param int    $expires When it stops counting (Unix time).
	 * @param string $secret  The site's sign-in secret.
	 */
	public static function value( int $user, int $expires, string $secret ): string {
		return $user . '.' . $expires . '.' . self::mac( $user, $expires, $secret );
	}

	/**
	 * The signed-in user a request's Cookie header names; 0 for nobody
	 * (no cookie, no secret, a bad signature, or expired).
	 *
	 * @param array<string, mixed> $server  $_SERVER of the request.
	 * @param string               $secret  The site's sign-in secret.
	 * @param int                  $now     Unix time.
	 */
	public static function user( array $server, string $secret, int $now ): int {
		$header = $server['HTTP_COOKIE'] ?? '';
		if ( '' === $secret || ! is_string( $header ) || ! preg_match( '/(?:^|;\s*)' . self::NAME . '=(\d{1,20})\.(\d{1,12})\.([0-9a-f]{64})(?:;|$)/', $header, $parts ) ) {
			return 0;
		}
		$user    = (int) $parts[1];
		$expires = (int) $parts[2];
		return $user > 0 && $expires > $now && hash_equals( self::mac( $user, $expires, $secret ), $parts[3] ) ? $user : 0;
	}

	/**
	 * The signature of a user and expiry.
	 *
	 * @param int    $user    User ID.
	 * @param int    $expires Expiry.
	 * @param string $secret  Secret.
	 */
	private static function mac( int $user, int $expires, string $secret ): string {
		return hash_hmac( 'sha256', 'footprints-signin|' . $user . '|' . $expires, $secret );
	}
}
