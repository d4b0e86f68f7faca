<?php
/**
 * SignInEvent.
 *
 * @package Footprints
 */

namespace Footprints\SystemEvents;

use Footprints\Hookable;

/**
 * `authentication` (Signed In): a person signed in through a form, which
 * WordPress tells with `wp_login` (wp_signon(): wp-login.php, or a theme's
 * or plugin's own sign-in form). The device is the one whose submit wrote
 * the handoff cookie, and the user is trusted context, so the writer links
 * that device to the person wp:<ID>. Application passwords, XML-RPC and
 * REST authenticate without wp_signon() and a logged-in cookie checked
 * again on the next request is no sign-in: none of them fires wp_login;
 * XML-RPC and application passwords are also refused here in case a
 * plugin signs on during such a request.
 */
final class SignInEvent implements Hookable {

	public const CODE = 'authentication';

	/**
	 * Constructor.
	 *
	 * @param ServerEvents $events Records system events.
	 */
	public function __construct( private ServerEvents $events ) {}

	/**
	 * Hooks the sign-in.
	 */
	public function hook(): void {
		add_action( 'wp_login', array( $this, 'signed_in' ), 10, 2 );
	}

	/**
	 * WordPress signed a user in.
	 *
	 * @param mixed $login The user's login name.
	 * @param mixed $user  The user (a plugin may pass something else: never a fatal at sign-in).
	 */
	public function signed_in( mixed $login, mixed $user ): void {
		unset( $login );
		if ( ! $user instanceof \WP_User || ! self::interactive() ) {
			return;
		}
		/**
		 * Filters how the user signed in: the `method` attribute of the
		 * `authentication` event ("password" for WordPress' own form; a
		 * single sign-on plugin may say e.g. "google").
		 *
		 * @param string   $method How they signed in.
		 * @param \WP_User $user   The user.
		 */
		$method = apply_filters( 'footprints_authentication_method', 'password', $user );
		$this->events->record( self::CODE, array( 'method' => is_string( $method ) ? $method : 'password' ), array( 'wp_user' => $user->ID ) );
	}

	/**
	 * Whether a person is signing in, not a program.
	 */
	private static function interactive(): bool {
		return ! ( defined( 'XMLRPC_REQUEST' ) && XMLRPC_REQUEST )
			&& ! ( defined( 'WP_CLI' ) && WP_CLI )
			&& ! did_action( 'application_password_did_authenticate' );
	}
}
