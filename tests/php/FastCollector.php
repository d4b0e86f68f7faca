<?php
/**
 * Posts to the fast collector (collect.php) of the test site over real
 * HTTP, as a browser does.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class FastCollector {

	/**
	 * The fast collector's URL on the test site.
	 */
	public static function url(): string {
		return rtrim( (string) getenv( 'FOOTPRINTS_WP_URL' ), '/' ) . '/wp-content/plugins/footprints/collect.php';
	}

	/**
	 * Forgets every client's request count: all tests post from 127.0.0.1.
	 */
	public static function forget_rates(): void {
		foreach ( (array) glob( \Footprints\plugin()->collector_config()->data_dir()->rate_dir() . '/*.php' ) as $file ) {
			if ( 'index.php' !== basename( (string) $file ) ) {
				unlink( (string) $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
		}
	}

	/**
	 * Posts a body.
	 *
	 * @param string        $body         Body.
	 * @param string        $content_type Content-Type.
	 * @param array<string> $headers      More headers, "Name: value".
	 * @param string        $url          Another node's collector URL, or '' for the test site's.
	 * @return array{status: int, headers: array<string, string>, body: mixed}
	 */
	public static function post( string $body, string $content_type = 'text/plain;charset=UTF-8', array $headers = array(), string $url = '' ): array {
		// phpcs:disable WordPress.WP.AlternativeFunctions -- a plain HTTP client for the test, outside WordPress' HTTP API on purpose.
		$curl    = curl_init( '' !== $url ? $url : self::url() );
		$answer  = array(
			'status'  => 0,
			'headers' => array(),
			'body'    => null,
		);
		$options = array(
			CURLOPT_POST           => true,
			CURLOPT_POSTFIELDS     => $body,
			CURLOPT_HTTPHEADER     => array_merge( array( 'Content-Type: ' . $content_type, 'Expect:' ), $headers ),
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_TIMEOUT        => 30,
			CURLOPT_HEADERFUNCTION => static function ( $handle, string $line ) use ( &$answer ): int {
				$parts = explode( ':', $line, 2 );
				if ( 2 === count( $parts ) ) {
					$answer['headers'][ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
				}
				return strlen( $line );
			},
		);
		curl_setopt_array( $curl, $options );
		$raw              = (string) curl_exec( $curl );
		$answer['status'] = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		$answer['body']   = json_decode( $raw, true );
		curl_close( $curl );
		// phpcs:enable
		return $answer;
	}
}
