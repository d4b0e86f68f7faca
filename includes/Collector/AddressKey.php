<?php
/**
 * AddressKey.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * Turns a client's address into a name no one can turn back: an HMAC-SHA256
 * under a random key of the UTC day, kept in the rate counters' folder and
 * deleted once the day is over (sweep()). A plain hash of an address would
 * not do: there are only 2^32 IPv4 addresses, so anyone holding the hash
 * finds the address in minutes. With the key gone, yesterday's names lead
 * nowhere. The rate counters are the only thing named this way, and they
 * live two windows. Plain PHP: the fast collector runs without WordPress.
 */
final class AddressKey {

	private const PREFIX = 'key-';
	// A PHP exit line first, like every file of the folder, so serving it shows nothing.
	private const HEADER = "<?php exit; ?>\n";

	/**
	 * Constructor.
	 *
	 * @param string $dir Folder of the keys (the rate counters' folder).
	 */
	public function __construct( private string $dir ) {}

	/**
	 * The address's name for today: 32 hex characters; '' when no key could be made.
	 *
	 * @param string $address The client's address.
	 * @param int    $now     Now, in seconds since 1970.
	 */
	public function name( string $address, int $now ): string {
		$key = $this->key( $now );
		return '' === $key ? '' : substr( hash_hmac( 'sha256', $address, $key ), 0, 32 );
	}

	/**
	 * Deletes the keys of past days.
	 *
	 * @param int $now Now, in seconds since 1970.
	 */
	public function sweep( int $now ): void {
		$today = $this->file( $now );
		foreach ( (array) glob( $this->dir . '/' . self::PREFIX . '*.php' ) as $file ) {
			if ( (string) $file !== $today ) {
				@unlink( (string) $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.unlink_unlink -- another sweep may have taken it.
			}
		}
	}

	/**
	 * Today's key, made on first use: written aside, then linked into place,
	 * which fails when another request made it first (its key is read then).
	 *
	 * @param int $now Now, in seconds since 1970.
	 */
	private function key( int $now ): string {
		$file = $this->file( $now );
		$key  = self::read( $file );
		if ( '' !== $key ) {
			return $key;
		}
		// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.PHP.NoSilencedErrors.Discouraged -- plain PHP; a folder that cannot be written is answered with ''.
		$temp = $file . '.' . bin2hex( random_bytes( 6 ) ) . '.tmp';
		if ( false === @file_put_contents( $temp, self::HEADER . bin2hex( random_bytes( 32 ) ) ) ) {
			return '';
		}
		@chmod( $temp, 0600 );
		if ( ! @link( $temp, $file ) && ! is_file( $file ) ) {
			@rename( $temp, $file );
		}
		@unlink( $temp );
		// phpcs:enable
		return self::read( $file );
	}

	/**
	 * The key file of a day.
	 *
	 * @param int $now Now, in seconds since 1970.
	 */
	private function file( int $now ): string {
		return $this->dir . '/' . self::PREFIX . gmdate( 'Ymd', $now ) . '.php';
	}

	/**
	 * A key file's key, or '' when it is missing or not whole.
	 *
	 * @param string $file Key file.
	 */
	private static function read( string $file ): string {
		$data = @file_get_contents( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents, WordPress.PHP.NoSilencedErrors.Discouraged -- plain PHP; a missing file is made.
		$key  = is_string( $data ) ? substr( $data, strlen( self::HEADER ) ) : '';
		return 1 === preg_match( '/^[0-9a-f]{64}$/D', $key ) ? $key : '';
	}
}
