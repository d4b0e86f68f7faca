<?php
/**
 * RemoteClient.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

/**
 * Reads a remote backend's definitions through the same REST contract this
 * plugin serves (docs/openapi.json), authenticated by the app ID and key,
 * through BackendHttp (URL policy, same-origin redirects, size cap).
 */
final class RemoteClient {

	public const PER_PAGE = 100;

	// A page of 100 definitions is far below this; more is not a Footprints backend.
	public const MAX_BYTES = 2 * 1024 * 1024;

	/**
	 * Constructor.
	 *
	 * @param string $url     Base URL of the remote site.
	 * @param string $app_id  App ID.
	 * @param string $api_key API key, saved for this URL and app ID.
	 */
	public function __construct( private string $url, private string $app_id, private string $api_key ) {}

	/**
	 * One page of definitions, or why it could not be read.
	 *
	 * @param int         $page     Page number, from 1.
	 * @param string|null $etag     ETag of the last good copy: a 304 means nothing changed.
	 * @param int         $per_page Definitions per page.
	 * @param float|null  $deadline microtime() by which the answer must be in (default: the per-request timeout).
	 * @return array{not_modified: bool, items: list<mixed>, total: int|null, pages: int, etag: string}|\WP_Error
	 */
	public function page( int $page, ?string $etag = null, int $per_page = self::PER_PAGE, ?float $deadline = null ): array|\WP_Error {
		$endpoint = BackendUrl::route(
			$this->url,
			'definitions',
			array(
				'per_page' => $per_page,
				'page'     => $page,
			)
		);
		$headers  = array(
			'Accept'              => 'application/json',
			'Authorization'       => 'Bearer ' . $this->api_key,
			'X-Footprints-App-Id' => $this->app_id,
		);
		if ( $etag ) {
			$headers['If-None-Match'] = $etag;
		}
		/**
		 * Seconds a sync waits for each answer of the remote backend.
		 *
		 * @param int $timeout Seconds.
		 */
		$timeout  = (float) apply_filters( 'footprints_sync_timeout', 15 );
		$deadline = min( $deadline ?? PHP_FLOAT_MAX, microtime( true ) + $timeout );
		$response = ( new BackendHttp( $this->url, self::MAX_BYTES ) )->request( 'GET', $endpoint, $headers, null, $deadline );
		if ( is_wp_error( $response ) ) {
			if ( 'http_request_failed' !== $response->get_error_code() ) {
				return $response;
			}
			return new \WP_Error(
				'footprints_remote_unreachable',
				/* translators: 1: backend URL, 2: reason. */
				sprintf( __( 'Could not reach the backend at %1$s: %2$s. Check the URL and that the backend is up.', 'footprints' ), $this->url, $response->get_error_message() )
			);
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$tag    = wp_remote_retrieve_header( $response, 'etag' );
		$tag    = is_string( $tag ) ? $tag : '';
		if ( 304 === $status ) {
			return array(
				'not_modified' => true,
				'items'        => array(),
				'total'        => 0,
				'pages'        => 0,
				'etag'         => $tag,
			);
		}
		$body = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( $status >= 400 ) {
			return self::http_error( $status, is_array( $body ) && isset( $body['message'] ) ? (string) $body['message'] : '' );
		}
		if ( 200 !== $status || ! is_array( $body ) || ! array_is_list( $body ) ) {
			return new \WP_Error(
				'footprints_remote_invalid_response',
				/* translators: 1: backend URL, 2: HTTP status. */
				sprintf( __( 'The backend at %1$s answered HTTP %2$d without a JSON list of definitions. Is it a Footprints backend, and is the URL its home address?', 'footprints' ), $this->url, $status )
			);
		}
		$total = wp_remote_retrieve_header( $response, 'x-wp-total' );
		return array(
			'not_modified' => false,
			'items'        => $body,
			// A backend that does not count its list is taken at its word.
			'total'        => '' === $total ? null : (int) $total,
			'pages'        => max( 1, (int) wp_remote_retrieve_header( $response, 'x-wp-totalpages' ) ),
			'etag'         => $tag,
		);
	}

	/**
	 * What an error status means for the person running the sync.
	 *
	 * @param int    $status  HTTP status.
	 * @param string $message The backend's own message, if it sent one.
	 */
	private static function http_error( int $status, string $message ): \WP_Error {
		if ( 401 === $status || 403 === $status ) {
			return new \WP_Error(
				'footprints_remote_unauthorized',
				'' === $message
					/* translators: %d: HTTP status. */
					? sprintf( __( 'The backend refused the app ID and API key (HTTP %d). Copy both again from the backend\'s Footprints settings.', 'footprints' ), $status )
					/* translators: 1: HTTP status, 2: the backend's reason (unknown app ID, revoked site, wrong key). */
					: sprintf( __( 'The backend refused the app ID and API key (HTTP %1$d): %2$s', 'footprints' ), $status, $message )
			);
		}
		return new \WP_Error(
			'footprints_remote_http_error',
			/* translators: 1: HTTP status, 2: the backend's message. */
			trim( sprintf( __( 'The backend answered HTTP %1$d; the last good copy is kept. Try again later. %2$s', 'footprints' ), $status, $message ) )
		);
	}
}
