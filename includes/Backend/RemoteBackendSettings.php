<?php
/**
 * RemoteBackendSettings.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

use Footprints\Hookable;

/**
 * Which backend owns the definitions and collects the events: this site
 * (embedded, the default) or a remote one (base URL, app ID, API key).
 *
 * The key is stored apart, together with the URL and app ID it was saved
 * for, and api_key() hands it out only while those are still the settings:
 * whatever changes the URL or app ID (this class, a plugin writing the
 * option, a restored backup), the key never travels to an address it was
 * not given for. Neither REST nor any page ever shows it.
 */
final class RemoteBackendSettings implements Hookable {

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
	 * The settings, each with its sanitizer. Neither is in /wp/v2/settings:
	 * footprints/v1/connection is the one way to change them, because it
	 * checks the URL and asks for the key again when the URL changes.
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
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * The schema of the settings (REST arguments of footprints/v1/connection).
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
	 * Keeps known fields of the right shape. Whether the URL may be used is
	 * BackendUrl's call, made before saving and before every request.
	 *
	 * @param mixed $value Submitted value.
	 * @return array{mode: string, url: string, app_id: string}
	 */
	public static function sanitize( mixed $value ): array {
		$value = is_array( $value ) ? $value : array();
		return array(
			'mode'   => self::REMOTE === ( $value['mode'] ?? '' ) ? self::REMOTE : self::EMBEDDED,
			'url'    => untrailingslashit( trim( (string) ( $value['url'] ?? '' ) ) ),
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
	 * Why these settings cannot be saved with this key, or null. Changing the
	 * URL or the app ID needs the key entered again: the stored one was
	 * given for the old address only.
	 *
	 * @param array{mode: string, url: string, app_id: string} $settings New settings.
	 * @param string                                           $new_key  Key entered now ('' for none).
	 * @param bool                                             $remove   Whether the stored key is being removed.
	 */
	public function check( array $settings, string $new_key, bool $remove ): ?\WP_Error {
		if ( self::REMOTE !== $settings['mode'] ) {
			return null;
		}
		foreach ( array(
			'url'    => __( 'url: enter the remote backend\'s address, starting with https:// (http:// only for this machine).', 'footprints' ),
			'app_id' => __( 'app_id: enter the app ID the backend\'s admin gave this site (Connected sites, on the backend\'s Connection tab).', 'footprints' ),
		) as $field => $message ) {
			if ( '' === $settings[ $field ] ) {
				return self::invalid( $field, $message );
			}
		}
		$url_error = BackendUrl::check( $settings['url'] );
		if ( $url_error ) {
			$url_error->add_data(
				array(
					'status' => 400,
					'field'  => 'url',
				)
			);
			return $url_error;
		}
		// Removing the key is always allowed: syncs then say a key is missing.
		if ( '' !== $new_key || $remove ) {
			return null;
		}
		if ( '' !== $this->api_key_for( $settings ) ) {
			return null;
		}
		return '' === $this->stored_key()['key']
			? self::invalid( 'api_key', __( 'api_key: enter the API key the backend\'s admin gave this site.', 'footprints' ) )
			: self::invalid( 'api_key', __( 'api_key: the backend\'s URL or app ID changed, so enter its API key again. The stored key is only ever sent to the address it was saved for.', 'footprints' ) );
	}

	/**
	 * Saves the settings (checked first with check()). A new key is bound to
	 * these settings; $remove deletes the stored key.
	 *
	 * @param array<string, mixed> $settings Mode, URL, app ID.
	 * @param string               $new_key  New key, or '' to keep the stored one.
	 * @param bool                 $remove   Whether to delete the stored key.
	 */
	public function save( array $settings, string $new_key = '', bool $remove = false ): void {
		$settings = self::sanitize( $settings );
		update_option( self::OPTION, $settings, true );
		$new_key = self::sanitize_key( $new_key );
		if ( '' !== $new_key ) {
			update_option(
				self::KEY_OPTION,
				array(
					'key'    => $new_key,
					'url'    => $settings['url'],
					'app_id' => $settings['app_id'],
				),
				false
			);
		} elseif ( $remove ) {
			delete_option( self::KEY_OPTION );
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
	 * The stored API key (server-side use only), or '' when none is stored
	 * for the current URL and app ID.
	 */
	public function api_key(): string {
		return $this->api_key_for( $this->get() );
	}

	/**
	 * Whether a key is stored, whatever it was saved for.
	 */
	public function has_stored_key(): bool {
		return '' !== $this->stored_key()['key'];
	}

	/**
	 * The stored key when it was saved for these settings, else ''.
	 *
	 * @param array{mode: string, url: string, app_id: string} $settings Settings.
	 */
	public function api_key_for( array $settings ): string {
		$stored = $this->stored_key();
		return $stored['url'] === $settings['url'] && $stored['app_id'] === $settings['app_id'] ? $stored['key'] : '';
	}

	/**
	 * The stored key and what it was saved for (migration 0004 bound the
	 * plain key of earlier versions to the settings of the time).
	 *
	 * @return array{key: string, url: string, app_id: string}
	 */
	private function stored_key(): array {
		$stored = get_option( self::KEY_OPTION );
		$stored = is_array( $stored ) ? $stored : array();
		return array(
			'key'    => self::sanitize_key( $stored['key'] ?? '' ),
			'url'    => (string) ( $stored['url'] ?? '' ),
			'app_id' => (string) ( $stored['app_id'] ?? '' ),
		);
	}

	/**
	 * A 400 naming the field.
	 *
	 * @param string $field   Field.
	 * @param string $message What to do.
	 */
	private static function invalid( string $field, string $message ): \WP_Error {
		return new \WP_Error(
			'footprints_invalid_connection',
			$message,
			array(
				'status' => 400,
				'field'  => $field,
			)
		);
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
