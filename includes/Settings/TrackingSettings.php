<?php
/**
 * TrackingSettings.
 *
 * @package Footprints
 */

namespace Footprints\Settings;

use Footprints\Hookable;

/**
 * The site's privacy and debugging choices for the client, as registered
 * settings (wp-admin and /wp/v2/settings validate them by their schema).
 */
final class TrackingSettings implements Hookable {

	public const GROUP = 'footprints';

	/** Treat the browser's Do Not Track signal as "no consent". */
	public const HONOR_DNT = 'footprints_honor_dnt';

	/** Without consent: "anonymous" sends events without a device id (and stores nothing in the browser), "none" sends nothing. */
	public const WITHOUT_CONSENT = 'footprints_without_consent';

	/** Log each event and its delivery to the browser console, for every visitor. */
	public const DEBUG = 'footprints_debug';

	public const WITHOUT_CONSENT_CHOICES = array( 'anonymous', 'none' );

	/**
	 * Registers the settings.
	 */
	public function hook(): void {
		add_action( 'init', array( $this, 'register' ) );
	}

	/**
	 * Registers each setting with its schema.
	 */
	public function register(): void {
		register_setting(
			self::GROUP,
			self::HONOR_DNT,
			array(
				'type'              => 'boolean',
				'description'       => __( 'Treat the browser\'s Do Not Track signal as no consent.', 'footprints' ),
				'default'           => true,
				'sanitize_callback' => 'rest_sanitize_boolean',
				'show_in_rest'      => true,
			)
		);
		register_setting(
			self::GROUP,
			self::WITHOUT_CONSENT,
			array(
				'type'              => 'string',
				'description'       => __( 'Without consent, send events without a device id (anonymous) or not at all (none).', 'footprints' ),
				'default'           => 'anonymous',
				'sanitize_callback' => array( self::class, 'sanitize_without_consent' ),
				'show_in_rest'      => array(
					'schema' => array( 'enum' => self::WITHOUT_CONSENT_CHOICES ),
				),
			)
		);
		register_setting(
			self::GROUP,
			self::DEBUG,
			array(
				'type'              => 'boolean',
				'description'       => __( 'Log each event and its delivery to the browser console.', 'footprints' ),
				'default'           => false,
				'sanitize_callback' => 'rest_sanitize_boolean',
				'show_in_rest'      => true,
			)
		);
	}

	/**
	 * Keeps one of the choices; anything else becomes the default.
	 *
	 * @param mixed $value Submitted value.
	 */
	public static function sanitize_without_consent( mixed $value ): string {
		return in_array( $value, self::WITHOUT_CONSENT_CHOICES, true ) ? $value : 'anonymous';
	}

	/**
	 * Whether Do Not Track counts as no consent.
	 */
	public function honors_dnt(): bool {
		return (bool) get_option( self::HONOR_DNT, true );
	}

	/**
	 * What happens to events without consent: "anonymous" or "none".
	 */
	public function without_consent(): string {
		return self::sanitize_without_consent( get_option( self::WITHOUT_CONSENT, 'anonymous' ) );
	}

	/**
	 * Whether the client logs to the console.
	 */
	public function debug(): bool {
		return (bool) get_option( self::DEBUG, false );
	}
}
