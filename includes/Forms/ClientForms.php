<?php
/**
 * ClientForms.
 *
 * @package Footprints
 */

namespace Footprints\Forms;

use Footprints\Assets\Client;
use Footprints\Hookable;

/**
 * Form tracking in the client: when the owner turned it on, the client
 * loads on every front-end page (a form can be anywhere: a footer
 * newsletter, a theme's contact page), may send form_submission, and its
 * settings carry the field mapping and the selector of the form plugins'
 * forms it leaves to their server hooks. The same bytes for every visitor.
 */
final class ClientForms implements Hookable {

	public const EVENT = 'form_submission';

	/**
	 * Constructor.
	 *
	 * @param FormSettings $settings The form tracking settings.
	 * @param FormPlugins  $plugins  The form plugins this site runs.
	 * @param Client       $client   The client's module.
	 */
	public function __construct( private FormSettings $settings, private FormPlugins $plugins, private Client $client ) {}

	/**
	 * Hooks into the client's settings and the front end's scripts.
	 */
	public function hook(): void {
		add_action( 'wp_enqueue_scripts', array( $this, 'enqueue' ) );
		add_filter( 'footprints_client_settings', array( $this, 'settings' ) );
	}

	/**
	 * Loads the client on this page, allowed to send form_submission, when forms are tracked.
	 */
	public function enqueue(): void {
		if ( $this->settings->enabled() ) {
			$this->client->enqueue( self::EVENT );
		}
	}

	/**
	 * Adds `forms` to the client's settings (src/client/settings.ts) when
	 * forms are tracked and the page may send form_submission (its
	 * definition is enabled).
	 *
	 * @param array<string, mixed> $settings The client's settings.
	 * @return array<string, mixed>
	 */
	public function settings( array $settings ): array {
		if ( ! $this->settings->enabled() || ! in_array( self::EVENT, (array) ( $settings['events'] ?? array() ), true ) ) {
			return $settings;
		}
		$forms  = array();
		$skip   = $this->plugins->skip_selector();
		$fields = $this->settings->mapped_fields();
		if ( '' !== $skip ) {
			$forms['skip'] = $skip;
		}
		if ( $fields ) {
			$forms['fields'] = $fields;
		}
		// An object even when empty: its presence turns form tracking on.
		$settings['forms'] = (object) $forms;
		return $settings;
	}
}
