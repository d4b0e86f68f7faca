<?php
/**
 * BackendHttp.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

/**
 * Every request this site makes to its remote backend: checked against the
 * URL policy (BackendUrl) first, sent through wp_safe_remote_request() so
 * WordPress' own URL validation runs too, redirects followed only within
 * the backend's origin (the key is never re-sent to another host), and the
 * answer cut at a size.
 */
final class BackendHttp {

	// A redirect chain this long is a loop, not a moved backend.
	private const MAX_REDIRECTS = 3;

	/**
	 * Constructor.
	 *
	 * @param string $base_url  The backend's base URL: requests stay on its origin.
	 * @param int    $max_bytes Largest answer accepted.
	 */
	public function __construct( private string $base_url, private int $max_bytes ) {}

	/**
	 * Sends one request; the answer, or why there is none.
	 *
	 * @param string                $method   GET or POST.
	 * @param string                $url      URL on the backend's origin.
	 * @param array<string, string> $headers  Request headers.
	 * @param string|null           $body     Request body.
	 * @param float                 $deadline microtime() by which the answer must be in.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function request( string $method, string $url, array $headers, ?string $body, float $deadline ): array|\WP_Error {
		$refused = BackendUrl::check( $this->base_url );
		if ( $refused ) {
			return $refused;
		}
		for ( $redirects = 0; $redirects <= self::MAX_REDIRECTS; $redirects++ ) {
			$left = $deadline - microtime( true );
			if ( $left <= 0 ) {
				return self::late();
			}
			$response = $this->send( $method, $url, $headers, $body, $left );
			if ( is_wp_error( $response ) ) {
				return microtime( true ) >= $deadline ? self::late() : $response;
			}
			$status   = (int) wp_remote_retrieve_response_code( $response );
			$location = wp_remote_retrieve_header( $response, 'location' );
			// Several Location headers: the last one counts, as WordPress reads them.
			$location = is_array( $location ) ? (string) end( $location ) : $location;
			if ( $status < 300 || $status > 399 || '' === $location ) {
				return $this->within_size( $response );
			}
			$next = \WP_Http::make_absolute_url( $location, $url );
			if ( ! BackendUrl::same_origin( $next, $this->base_url ) ) {
				return new \WP_Error(
					'footprints_remote_redirect_refused',
					/* translators: 1: backend URL, 2: redirect target. */
					sprintf( __( 'The backend at %1$s redirected to %2$s, another host. Footprints does not follow it, so the API key is not sent there. If the backend moved, save its new address (and its key) on the Connection tab.', 'footprints' ), $this->base_url, $next )
				);
			}
			$url = $next;
		}//end for
		return new \WP_Error( 'footprints_remote_unreachable', __( 'The backend redirected too many times.', 'footprints' ) );
	}

	/**
	 * One request without following redirects; the backend's own host and
	 * port are let past WordPress' private-host check only when the
	 * server's owner allows private backends.
	 *
	 * @param string                $method  Method.
	 * @param string                $url     URL.
	 * @param array<string, string> $headers Headers.
	 * @param string|null           $body    Body.
	 * @param float                 $timeout Seconds.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function send( string $method, string $url, array $headers, ?string $body, float $timeout ): array|\WP_Error {
		$args = array(
			'method'              => $method,
			'headers'             => $headers,
			'timeout'             => $timeout,
			'redirection'         => 0,
			'limit_response_size' => $this->max_bytes + 1,
		);
		if ( null !== $body ) {
			$args['body'] = $body;
		}
		if ( ! BackendUrl::private_allowed() ) {
			return wp_safe_remote_request( $url, $args );
		}
		return self::past_private_check( $this->base_url, static fn() => wp_safe_remote_request( $url, $args ) );
	}

	/**
	 * Runs a wp_safe_remote_*() call with one URL's own host and port let
	 * past WordPress' private-host and safe-port checks (when the server's
	 * owner allows private hosts; the caller checks that), and only for
	 * the time of the call.
	 *
	 * @param string                                       $url  The URL whose host and port are let past.
	 * @param callable(): (array<string, mixed>|\WP_Error) $call The request.
	 * @return array<string, mixed>|\WP_Error
	 */
	public static function past_private_check( string $url, callable $call ): array|\WP_Error {
		$host       = strtolower( (string) wp_parse_url( $url, PHP_URL_HOST ) );
		$port       = (int) wp_parse_url( $url, PHP_URL_PORT );
		$allow_host = static fn( $external, $checked ) => $external || strtolower( (string) $checked ) === $host;
		$allow_port = static fn( $ports ) => $port ? array_merge( (array) $ports, array( $port ) ) : $ports;
		add_filter( 'http_request_host_is_external', $allow_host, 10, 2 );
		add_filter( 'http_allowed_safe_ports', $allow_port );
		try {
			return $call();
		} finally {
			remove_filter( 'http_request_host_is_external', $allow_host, 10 );
			remove_filter( 'http_allowed_safe_ports', $allow_port );
		}
	}

	/**
	 * The answer, unless it is larger than allowed.
	 *
	 * @param array<string, mixed> $response Answer.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function within_size( array $response ): array|\WP_Error {
		$announced = (int) wp_remote_retrieve_header( $response, 'content-length' );
		if ( strlen( (string) wp_remote_retrieve_body( $response ) ) > $this->max_bytes || $announced > $this->max_bytes ) {
			return new \WP_Error(
				'footprints_remote_too_large',
				/* translators: 1: backend URL, 2: size limit, e.g. "2 MB". */
				sprintf( __( 'The backend at %1$s answered with more than %2$s, so nothing was read and the last good copy is kept. Is the URL a Footprints backend?', 'footprints' ), $this->base_url, size_format( $this->max_bytes ) )
			);
		}
		return $response;
	}

	/**
	 * The error of a request past the deadline.
	 */
	private static function late(): \WP_Error {
		return new \WP_Error( 'footprints_remote_deadline', __( 'The backend took too long to answer, so the request was stopped.', 'footprints' ) );
	}
}
