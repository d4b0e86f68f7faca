<?php
/**
 * SignInLink.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Hookable;

/**
 * Sets the sign-in cookie (SignInCookie) when WordPress sets its own
 * logged-in cookie, with the same expiry, and clears it at sign-out; a
 * user signed in before Footprints had this gets it on their next page.
 * The collectors read it from the same-origin collect request and the
 * drain links the batch's device to the person wp:<ID>.
 */
final class SignInLink implements Hookable {

	public const SECRET_OPTION = 'footprints_signin_secret';

	/**
	 * Hooks sign-in and sign-out.
	 */
	public function hook(): void {
		add_action( 'set_logged_in_cookie', array( $this, 'on_sign_in' ), 10, 4 );
		add_action( 'clear_auth_cookie', array( $this, 'clear' ) );
		add_action( 'init', array( $this, 'ensure' ) );
	}

	/**
	 * The site's secret, or '' when none was made yet.
	 */
	public static function secret(): string {
		$secret = get_option( self::SECRET_OPTION );
		return is_string( $secret ) ? $secret : '';
	}

	/**
	 * WordPress set its logged-in cookie: ours follows it.
	 *
	 * @param mixed $logged_in_cookie The logged-in cookie.
	 * @param mixed $expire           When the browser drops it (0: at the end of the session).
	 * @param mixed $expiration       When WordPress stops accepting it.
	 * @param mixed $user_id          The user (a plugin may pass the ID as a string: never a fatal at sign-in).
	 */
	public function on_sign_in( mixed $logged_in_cookie, mixed $expire, mixed $expiration, mixed $user_id ): void {
		unset( $logged_in_cookie );
		if ( is_numeric( $user_id ) && is_numeric( $expire ) && is_numeric( $expiration ) ) {
			$this->set( (int) $user_id, (int) $expire, (int) $expiration );
		}
	}

	/**
	 * A signed-in visitor without our cookie (signed in before it existed,
	 * or for another user) gets it; front-end pages and wp-admin alike.
	 */
	public function ensure(): void {
		$user = get_current_user_id();
		if ( $user <= 0 || headers_sent() || wp_doing_cron() ) {
			return;
		}
		if ( SignInCookie::user( $_SERVER, self::secret(), time() ) === $user ) {
			return;
		}
		$this->set( $user, 0, time() + 2 * DAY_IN_SECONDS );
	}

	/**
	 * Removes the cookie at sign-out.
	 */
	public function clear(): void {
		if ( headers_sent() ) {
			return;
		}
		setcookie( SignInCookie::NAME, '', self::options( time() - DAY_IN_SECONDS ) );
		unset( $_COOKIE[ SignInCookie::NAME ] );
	}

	/**
	 * Sets the cookie.
	 *
	 * @param int $user       User ID.
	 * @param int $expire     When the browser drops it (0: end of session).
	 * @param int $expiration When it stops counting.
	 */
	private function set( int $user, int $expire, int $expiration ): void {
		$secret = self::secret();
		if ( '' === $secret ) {
			add_option( self::SECRET_OPTION, wp_generate_password( 64, true, true ), '', false );
			$secret = self::secret();
		}
		if ( '' === $secret || headers_sent() ) {
			return;
		}
		setcookie( SignInCookie::NAME, SignInCookie::value( $user, $expiration, $secret ), self::options( $expire ) );
	}

	/**
	 * Cookie options: the whole site's path (the fast collector and the
	 * REST route both read it), HttpOnly, Lax.
	 *
	 * @param int $expire When the browser drops it.
	 * @return array{expires: int, path: string, domain: string, secure: bool, httponly: bool, samesite: 'Lax'}
	 */
	private static function options( int $expire ): array {
		return array(
			'expires'  => $expire,
			'path'     => '/',
			'domain'   => (string) ( defined( 'COOKIE_DOMAIN' ) ? COOKIE_DOMAIN : '' ),
			'secure'   => is_ssl(),
			'httponly' => true,
			'samesite' => 'Lax',
		);
	}
}
