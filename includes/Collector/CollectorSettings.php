<?php
/**
 * CollectorSettings.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

use Footprints\Hookable;
use Footprints\Settings\TrackingSettings;

/**
 * The site owner's collector choices, as registered settings: how long
 * events are kept, and the request header that names the client behind a
 * proxy the owner trusts (none by default: the socket address counts, so
 * a sender cannot dodge the rate limit with a made-up X-Forwarded-For).
 */
final class CollectorSettings implements Hookable {

	public const RETENTION_DAYS = 'footprints_retention_days';
	public const PROXY_HEADER   = 'footprints_trusted_proxy_header';

	public const DEFAULT_RETENTION_DAYS = 395;

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
			TrackingSettings::GROUP,
			self::RETENTION_DAYS,
			array(
				'type'              => 'integer',
				'description'       => __( 'Days events are kept; daily totals are kept for good.', 'footprints' ),
				'default'           => self::DEFAULT_RETENTION_DAYS,
				'sanitize_callback' => array( self::class, 'sanitize_retention' ),
				'show_in_rest'      => array(
					'schema' => array(
						'minimum' => 1,
						'maximum' => 36500,
					),
				),
			)
		);
		register_setting(
			TrackingSettings::GROUP,
			self::PROXY_HEADER,
			array(
				'type'              => 'string',
				'description'       => __( 'Request header your proxy or CDN sets to the visitor\'s address (e.g. X-Forwarded-For); leave empty when visitors reach this server directly.', 'footprints' ),
				'default'           => '',
				'sanitize_callback' => array( self::class, 'sanitize_header' ),
				'show_in_rest'      => array(
					'schema' => array( 'pattern' => '^([A-Za-z0-9-]{1,64})?$' ),
				),
			)
		);
	}

	/**
	 * Days events are kept.
	 */
	public function retention_days(): int {
		return self::sanitize_retention( get_option( self::RETENTION_DAYS, self::DEFAULT_RETENTION_DAYS ) );
	}

	/**
	 * The trusted header, or '' for the socket address.
	 */
	public function proxy_header(): string {
		return self::sanitize_header( get_option( self::PROXY_HEADER, '' ) );
	}

	/**
	 * A whole number of days from 1 to 36,500; anything else is the default.
	 *
	 * @param mixed $days As submitted.
	 */
	public static function sanitize_retention( mixed $days ): int {
		$days = is_numeric( $days ) ? (int) $days : 0;
		return $days >= 1 && $days <= 36500 ? $days : self::DEFAULT_RETENTION_DAYS;
	}

	/**
	 * A header name, or ''.
	 *
	 * @param mixed $header As submitted.
	 */
	public static function sanitize_header( mixed $header ): string {
		$header = is_string( $header ) ? trim( $header ) : '';
		return preg_match( '/^[A-Za-z0-9-]{1,64}$/D', $header ) ? $header : '';
	}
}
