<?php
/**
 * Connection.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

use Footprints\Hookable;

/**
 * Which backend owns the definitions: this site (embedded, the default)
 * or a remote one (base URL, app ID, API key). The key is a separate
 * option that is never exposed through REST or printed in a page.
 */
final class Connection implements Hookable {

	public const OPTION     = 'footprints_backend';
	public const KEY_OPTION = 'footprints_api_key';
	public const EMBEDDED   = 'embedded';
	public const REMOTE     = 'remote';

	/**
	 * Registers the settings.
	 */
	public function hook(): void {
		add_action( 'init', array( $this, 'register' ) );
	}

	/**
	 * The settings, each with its sanitizer and schema.
	 */
	public function register(): void {
		register_setting(
			'footprints',
			self::OPTION,
			array(
				'type'              => 'object',
				'description'       => __( 'Which backend owns the Footprints definitions.', 'footprints' ),
				'sanitize_callback' => array( self::class, 'sanitize' ),
				'default'           => self::defaults(),
				'show_in_rest'      => array( 'schema' => self::schema() ),
			)
		);
		register_setting(
			'footprints',
			self::KEY_OPTION,
			array(
				'type'              => 'string',
				'description'       => __( 'API key of the remote backend; stays on the server.', 'footprints' ),
				'sanitize_callback' => array( self::class, 'sanitize_key' ),
				'default'           => '',
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * The schema of the connection option.
	 *
	 * @return array<string, mixed>
	 */
	public static function schema(): array {
		return array(
			'type'                 => 'object',
			'properties'           => array(
				'mode'   => array(
					'type' => 'string',
					'enum' => array( self::EMBEDDED, self::REMOTE ),
				),
				'url'    => array(
					'type'      => 'string',
					'maxLength' => 2048,
				),
				'app_id' => array(
					'type'      => 'string',
					'maxLength' => 64,
				),
			),
			'additionalProperties' => false,
		);
	}

	/**
	 * Keeps known fields of the right shape; a URL must be http(s).
	 *
	 * @param mixed $value Submitted value.
	 * @return array{mode: string, url: string, app_id: string}
	 */
	public static function sanitize( mixed $value ): array {
		$value = is_array( $value ) ? $value : array();
		$url   = esc_url_raw( trim( (string) ( $value['url'] ?? '' ) ), array( 'http', 'https' ) );
		return array(
			'mode'   => self::REMOTE === ( $value['mode'] ?? '' ) ? self::REMOTE : self::EMBEDDED,
			'url'    => untrailingslashit( $url ),
			'app_id' => sanitize_text_field( (string) ( $value['app_id'] ?? '' ) ),
		);
	}

	/**
	 * An API key is one printable token.
	 *
	 * @param mixed $value Submitted key.
	 */
	public static function sanitize_key( mixed $value ): string {
		return preg_replace( '/[^\x21-\x7e]/', '', (string) $value ) ?? '';
	}

	/**
	 * The stored settings.
	 *
	 * @return array{mode: string, url: string, app_id: string}
	 */
	public function get(): array {
		return self::sanitize( get_option( self::OPTION, self::defaults() ) );
	}

	/**
	 * Saves the settings; the key only when one is given (empty keeps it).
	 *
	 * @param array<string, mixed> $settings Mode, URL, app ID.
	 * @param string|null          $api_key  New key, or null to keep the stored one.
	 */
	public function save( array $settings, ?string $api_key ): void {
		update_option( self::OPTION, self::sanitize( $settings ), true );
		if ( null !== $api_key && '' !== $api_key ) {
			update_option( self::KEY_OPTION, self::sanitize_key( $api_key ), false );
		}
	}

	/**
	 * Whether a remote backend owns the definitions.
	 */
	public function is_remote(): bool {
		return self::REMOTE === $this->get()['mode'];
	}

	/**
	 * The remote backend's base URL.
	 */
	public function url(): string {
		return $this->get()['url'];
	}

	/**
	 * The URL of a route of a backend's REST contract (footprints/v1/…).
	 *
	 * @param string $base_url The backend's base URL.
	 * @param string $route    Route under footprints/v1, e.g. "collect".
	 */
	public static function route_url( string $base_url, string $route ): string {
		return untrailingslashit( $base_url ) . '/wp-json/footprints/v1/' . $route;
	}

	/**
	 * The stored API key (server-side use only).
	 */
	public function api_key(): string {
		return (string) get_option( self::KEY_OPTION, '' );
	}

	/**
	 * The settings of a new site.
	 *
	 * @return array{mode: string, url: string, app_id: string}
	 */
	private static function defaults(): array {
		return array(
			'mode'   => self::EMBEDDED,
			'url'    => '',
			'app_id' => '',
		);
	}
}
