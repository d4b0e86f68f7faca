<?php
/**
 * ClientConsent.
 *
 * @package Footprints
 */

namespace Footprints\Assets;

use Footprints\Hookable;
use Footprints\Settings\TrackingSettings;

/**
 * Consent, one concept under one name: `without_consent` (`anonymous` sends
 * events without a device id and keeps them out of the browser's storage,
 * `none` sends nothing), plus whether Do Not Track counts as no consent.
 * The client asks the WP Consent API's `statistics` category at each event.
 */
final class ClientConsent implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param TrackingSettings $settings The site's privacy choices.
	 */
	public function __construct( private TrackingSettings $settings ) {}

	/**
	 * Consent plugins list the plugins that ask the WP Consent API first.
	 */
	public function hook(): void {
		add_filter( 'wp_consent_api_registered_' . plugin_basename( FOOTPRINTS_FILE ), '__return_true' );
	}

	/**
	 * The client's consent settings (keys of src/client/settings.ts).
	 *
	 * @return array{dnt: bool, without_consent: string}
	 */
	public function settings(): array {
		return array(
			'dnt'             => $this->settings->honors_dnt(),
			'without_consent' => $this->settings->without_consent(),
		);
	}
}
