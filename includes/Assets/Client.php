<?php
/**
 * Client.
 *
 * @package Footprints
 */

namespace Footprints\Assets;

use Footprints\Hookable;
use Footprints\Settings\TrackingSettings;

/**
 * The bundled front-end client as a script module: registered once, and
 * enqueued only when a page renders a trigger or code asks for it, with
 * the event codes that page may send. Its stub (ClientStub), settings
 * (ClientSettings) and consent (ClientConsent) are their own classes.
 */
final class Client implements Hookable {

	public const MODULE = '@footprints/client';

	/** The URL parameter that serves the debug build, on any page. */
	public const DEBUG_PARAMETER = 'footprints_debug';

	/**
	 * Event codes the page's triggers (or code) asked for, as keys.
	 *
	 * @var array<string, true>
	 */
	private array $codes = array();

	/**
	 * Whether this class enqueued the client on this page.
	 *
	 * @var bool
	 */
	private bool $enqueued = false;

	/**
	 * Constructor.
	 *
	 * @param TrackingSettings $settings The site's privacy and debug choices.
	 */
	public function __construct( private TrackingSettings $settings ) {}

	/**
	 * Registers the module on init.
	 */
	public function hook(): void {
		add_action( 'init', array( $this, 'register' ) );
	}

	/**
	 * Registers the built module with the version the build computed: the
	 * debug build (console logging) in debug mode, the default one else.
	 */
	public function register(): void {
		$module = BuiltAsset::load( $this->debug() ? 'client/debug' : 'client/index' );
		if ( $module ) {
			wp_register_script_module( self::MODULE, $module->url, $module->dependencies, $module->version );
		}
	}

	/**
	 * Loads the client on this page, allowed to send these event codes
	 * (disabled or unknown ones are left out of its settings).
	 *
	 * @param string ...$codes Event codes the page sends.
	 */
	public function enqueue( string ...$codes ): void {
		$this->enqueued = true;
		$this->codes   += array_fill_keys( $codes, true );
		wp_enqueue_script_module( self::MODULE );
	}

	/**
	 * The event codes asked for on this page so far.
	 *
	 * @return list<string>
	 */
	public function codes(): array {
		return array_map( 'strval', array_keys( $this->codes ) );
	}

	/**
	 * Whether this page loads the client, whoever enqueued it (WordPress
	 * 6.9 lists the queue; before, only this class's own enqueue is known).
	 */
	public function is_enqueued(): bool {
		$modules = wp_script_modules();
		// @phpstan-ignore function.alreadyNarrowedType (the stubs are WordPress 7.1's; get_queue() arrived in 6.9 and the plugin supports 6.8)
		return $this->enqueued || ( method_exists( $modules, 'get_queue' ) && in_array( self::MODULE, $modules->get_queue(), true ) );
	}

	/**
	 * Debug mode: the site's setting, or `?footprints_debug=1` on this URL
	 * (full-page caches key on the URL, so a cached page stays right).
	 */
	public function debug(): bool {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- read-only switch of which build loads; nothing is written.
		return $this->settings->debug() || '1' === ( $_GET[ self::DEBUG_PARAMETER ] ?? '' );
	}
}
