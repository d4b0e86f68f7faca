<?php
/**
 * LoginPageClient.
 *
 * @package Footprints
 */

namespace Footprints\SystemEvents;

use Footprints\Assets\Client;
use Footprints\Assets\ClientStub;
use Footprints\Hookable;

/**
 * The client on wp-login.php. WordPress prints script modules only in
 * wp_head/wp_footer and the admin footer, none of which the login screen
 * has, so the stub, the import map, the module and its data are printed
 * here, in login_footer, after WordPress' own footer scripts. It loads
 * when any account event that needs it is on: authentication_started (its
 * trigger is in the forms), and authentication and verified_conversion,
 * whose device comes from the handoff cookie the client writes at submit.
 * Nothing per visitor is printed.
 */
final class LoginPageClient implements Hookable {

	/** The events the client on the login screen serves. */
	private const EVENTS = array( AuthStartedTrigger::CODE, SignInEvent::CODE, AccountVerified::CODE );

	/**
	 * Constructor.
	 *
	 * @param Client       $client The front-end client.
	 * @param ServerEvents $events Whether the events are on.
	 */
	public function __construct( private Client $client, private ServerEvents $events ) {}

	/**
	 * Hooks the login screen.
	 */
	public function hook(): void {
		add_action( 'login_enqueue_scripts', array( $this, 'enqueue' ) );
		add_action( 'login_footer', array( $this, 'print' ), 21 );
	}

	/**
	 * Loads the client when an account event is on.
	 */
	public function enqueue(): void {
		foreach ( self::EVENTS as $code ) {
			if ( $this->events->is_on( $code ) ) {
				$this->client->enqueue();
				return;
			}
		}
	}

	/**
	 * Prints the client (what wp_footer would print on a front-end page).
	 */
	public function print(): void {
		$modules = wp_script_modules();
		// A WordPress that prints modules on the login screen itself needs nothing from us.
		if ( ! $this->client->is_enqueued() || has_action( 'login_footer', array( $modules, 'print_enqueued_script_modules' ) ) ) {
			return;
		}
		wp_print_inline_script_tag( ClientStub::source() );
		$modules->print_import_map();
		$modules->print_enqueued_script_modules();
		$modules->print_script_module_preloads();
		$modules->print_script_module_data();
	}
}
