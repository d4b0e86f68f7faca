<?php
/**
 * ClientAddress.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * Who is sending, for the rate limit: the socket address, which a sender
 * cannot choose. Only when the site owner names the header their own
 * proxy sets does that header count, and then its last entry (the one the
 * proxy appended; entries before it come from the sender). Plain PHP.
 */
final class ClientAddress {

	/**
	 * The client's address.
	 *
	 * @param array<string, mixed> $server        $_SERVER.
	 * @param string               $trusted_header Header name the owner trusts, or ''.
	 */
	public static function from( array $server, string $trusted_header ): string {
		if ( '' !== $trusted_header ) {
			$key   = 'HTTP_' . strtoupper( str_replace( '-', '_', $trusted_header ) );
			$value = is_string( $server[ $key ] ?? null ) ? $server[ $key ] : '';
			$parts = array_map( 'trim', explode( ',', $value ) );
			$last  = (string) end( $parts );
			if ( false !== filter_var( $last, FILTER_VALIDATE_IP ) ) {
				return $last;
			}
		}
		return is_string( $server['REMOTE_ADDR'] ?? null ) ? $server['REMOTE_ADDR'] : '';
	}
}
