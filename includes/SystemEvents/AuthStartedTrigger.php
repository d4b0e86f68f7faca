<?php
/**
 * AuthStartedTrigger.
 *
 * @package Footprints
 */

namespace Footprints\SystemEvents;

use Footprints\Hookable;

/**
 * `authentication_started` (Auth Initiated): the sign-in form or the
 * registration form was opened. The forms print the markup contract's load
 * trigger (the same bytes for every visitor, so a cached page stays right),
 * and the client fires it in the visitor's browser with their device. Any
 * form that fires `login_form` or `register_form` gets it, wp-login.php's
 * and a theme's alike; a disabled event prints nothing.
 */
final class AuthStartedTrigger implements Hookable {

	public const CODE = 'authentication_started';

	/**
	 * Constructor.
	 *
	 * @param LoadTrigger $trigger Prints a load trigger.
	 */
	public function __construct( private LoadTrigger $trigger ) {}

	/**
	 * Hooks the forms.
	 */
	public function hook(): void {
		add_action( 'login_form', array( $this, 'sign_in_form' ) );
		add_action( 'register_form', array( $this, 'registration_form' ) );
	}

	/**
	 * The sign-in form.
	 */
	public function sign_in_form(): void {
		$this->print( 'password' );
	}

	/**
	 * The registration form.
	 */
	public function registration_form(): void {
		$this->print( 'register' );
	}

	/**
	 * Prints the load trigger with this method.
	 *
	 * @param string $method How the visitor is about to authenticate.
	 */
	private function print( string $method ): void {
		echo $this->trigger->html( self::CODE, array( 'method' => $method ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- TriggerMarkup::to_html() escapes each attribute.
	}
}
