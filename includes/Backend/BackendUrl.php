<?php
/**
 * BackendUrl.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

use Footprints\Rest\Routes;

/**
 * Which remote backend addresses this server may call, and the URLs of the
 * backend's REST contract.
 *
 * A base URL is a scheme, a host, an optional port and path: no user info,
 * query or fragment (they could smuggle another host or route past a quick
 * look). It must be https://, except on this machine (loopback), where no
 * network sees the key. Hosts that are or resolve to private, loopback or
 * reserved addresses, and ports other than 80 and 443, are refused unless
 * wp-config.php defines FOOTPRINTS_ALLOW_PRIVATE_BACKEND as true: the
 * server's owner decides that, never an admin of one site of a network.
 */
final class BackendUrl {

	public const ALLOW_PRIVATE = 'FOOTPRINTS_ALLOW_PRIVATE_BACKEND';

	private const STANDARD_PORTS = array( 80, 443 );

	/**
	 * Whether wp-config.php lets this server call private hosts and other ports.
	 */
	public static function private_allowed(): bool {
		return defined( self::ALLOW_PRIVATE ) && true === constant( self::ALLOW_PRIVATE );
	}

	/**
	 * Why this base URL may not be called, or null when it may.
	 *
	 * @param string    $url           Base URL.
	 * @param bool|null $allow_private Whether private hosts and other ports are allowed (default: the constant).
	 */
	public static function check( string $url, ?bool $allow_private = null ): ?\WP_Error {
		$problem = self::problem( $url, $allow_private ?? self::private_allowed() );
		if ( null === $problem ) {
			return null;
		}
		$messages = array(
			'format'  => __( 'url: enter the backend\'s address as https://host (with a path if WordPress lives in a folder).', 'footprints' ),
			'parts'   => __( 'url: the backend\'s address may not carry a user name, password, query (?…) or fragment (#…). Enter only https://host and, if WordPress lives in a folder, its path.', 'footprints' ),
			'scheme'  => __( 'url: use https:// for a remote backend, so the API key never travels in clear. (http:// works only for a backend on this machine.)', 'footprints' ),
			/* translators: 1: port, 2: constant name. */
			'port'    => sprintf( __( 'url: port %1$d is not a standard web port (80 or 443). A backend on another port can be allowed only by the server\'s owner, with define( \'%2$s\', true ); in wp-config.php.', 'footprints' ), $problem['port'], self::ALLOW_PRIVATE ),
			/* translators: 1: host, 2: constant name. */
			'private' => sprintf( __( 'url: %1$s is a private, loopback or reserved address, which this server does not call on an admin\'s word. A backend on the local network can be allowed only by the server\'s owner, with define( \'%2$s\', true ); in wp-config.php.', 'footprints' ), $problem['host'], self::ALLOW_PRIVATE ),
		);
		return self::refused( $messages[ $problem['reason'] ] );
	}

	/**
	 * What makes a URL one this server may not call: the rule itself, which
	 * backends and automations word each in their own terms. Null when it
	 * may be called.
	 *
	 * @param string $url           URL.
	 * @param bool   $allow_private Whether private hosts and other ports are allowed.
	 * @return array{reason: string, host: string, port: int}|null The reason is one of format, parts, scheme, port or private.
	 */
	public static function problem( string $url, bool $allow_private ): ?array {
		$parts  = wp_parse_url( $url );
		$scheme = strtolower( (string) ( $parts['scheme'] ?? '' ) );
		$host   = strtolower( trim( (string) ( $parts['host'] ?? '' ), '[]' ) );
		$port   = (int) ( $parts['port'] ?? 0 );
		$found  = static fn( string $reason ) => array(
			'reason' => $reason,
			'host'   => $host,
			'port'   => $port,
		);
		if ( ! is_array( $parts ) || ! in_array( $scheme, array( 'http', 'https' ), true ) || '' === $host ) {
			return $found( 'format' );
		}
		if ( isset( $parts['user'] ) || isset( $parts['pass'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) || str_contains( $url, '?' ) || str_contains( $url, '#' ) ) {
			return $found( 'parts' );
		}
		$addresses = self::addresses( $host );
		$loopback  = 'localhost' === $host || ( $addresses && array_filter( $addresses, array( self::class, 'is_loopback' ) ) === $addresses );
		if ( 'https' !== $scheme && ! $loopback ) {
			return $found( 'scheme' );
		}
		if ( $allow_private ) {
			return null;
		}
		if ( $port && ! in_array( $port, self::STANDARD_PORTS, true ) ) {
			return $found( 'port' );
		}
		$private = array_filter( $addresses, static fn( string $ip ) => ! self::is_public( $ip ) );
		if ( 'localhost' === $host || $private ) {
			return $found( 'private' );
		}
		return null;
	}

	/**
	 * The URL of a route of a backend's REST contract (footprints/v1/…).
	 * Through `?rest_route=`, which every WordPress serves whatever its
	 * permalinks, so a hub with plain permalinks works too.
	 *
	 * @param string               $base_url The backend's base URL.
	 * @param string               $route    Name of the route in data/rest.json, e.g. "collect".
	 * @param array<string, mixed> $query    More query arguments.
	 */
	public static function route( string $base_url, string $route, array $query = array() ): string {
		// Routes are fixed ASCII paths: their slashes may stay as they are in a query.
		$url = trailingslashit( $base_url ) . '?rest_route=' . Routes::path( $route );
		return $query ? $url . '&' . http_build_query( $query, '', '&' ) : $url;
	}

	/**
	 * Whether two URLs share scheme, host and port (a redirect may stay there).
	 *
	 * @param string $one URL.
	 * @param string $two URL.
	 */
	public static function same_origin( string $one, string $two ): bool {
		return self::origin( $one ) === self::origin( $two );
	}

	/**
	 * Scheme, host and port of a URL.
	 *
	 * @param string $url URL.
	 */
	private static function origin( string $url ): string {
		$parts  = (array) wp_parse_url( $url );
		$scheme = strtolower( (string) ( $parts['scheme'] ?? '' ) );
		$port   = (int) ( $parts['port'] ?? ( 'https' === $scheme ? 443 : 80 ) );
		return $scheme . '://' . strtolower( (string) ( $parts['host'] ?? '' ) ) . ':' . $port;
	}

	/**
	 * The addresses a host is or resolves to (none when it does not resolve).
	 *
	 * @param string $host Host name or IP.
	 * @return list<string>
	 */
	private static function addresses( string $host ): array {
		if ( filter_var( $host, FILTER_VALIDATE_IP ) ) {
			return array( $host );
		}
		$found = array();
		foreach ( (array) @dns_get_record( $host, DNS_A | DNS_AAAA ) as $record ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- an unknown host is an answer, not a warning.
			$found[] = (string) ( $record['ip'] ?? $record['ipv6'] ?? '' );
		}
		$found = array_values( array_filter( $found ) );
		$ipv4  = $found ? false : gethostbynamel( $host );
		return $found ? $found : ( false === $ipv4 ? array() : $ipv4 );
	}

	/**
	 * Whether an address is loopback (127.0.0.0/8, ::1).
	 *
	 * @param string $ip Address.
	 */
	private static function is_loopback( string $ip ): bool {
		return '::1' === $ip || str_starts_with( $ip, '127.' );
	}

	/**
	 * Whether an address is a public one: not private, loopback, link-local
	 * (cloud metadata), shared (CGNAT) or otherwise reserved.
	 *
	 * @param string $ip Address.
	 */
	private static function is_public( string $ip ): bool {
		if ( ! filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_NO_PRIV_RANGE | FILTER_FLAG_NO_RES_RANGE ) ) {
			return false;
		}
		// 100.64.0.0/10 (CGNAT) and 198.18.0.0/15 (benchmarking) pass PHP's flags.
		$long = ip2long( $ip );
		if ( false !== $long ) {
			return ! ( ( $long & 0xFFC00000 ) === ip2long( '100.64.0.0' ) || ( $long & 0xFFFE0000 ) === ip2long( '198.18.0.0' ) );
		}
		// IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged by its IPv4 address.
		if ( preg_match( '/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i', $ip, $mapped ) ) {
			return self::is_public( $mapped[1] );
		}
		return true;
	}

	/**
	 * A 400 about the URL.
	 *
	 * @param string $message What is wrong and what to do.
	 */
	private static function refused( string $message ): \WP_Error {
		return new \WP_Error(
			'footprints_backend_url_refused',
			$message,
			array(
				'status' => 400,
				'field'  => 'url',
			)
		);
	}
}
