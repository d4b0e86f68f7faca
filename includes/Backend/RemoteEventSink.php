<?php
/**
 * RemoteEventSink.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

/**
 * A remote backend (a hub) collects: the batch is posted to its
 * footprints/v1/server-events with this site's app ID and API key, each
 * event carrying the app ID. Not to its public collector: that one refuses
 * the server-only events (a sign-in, a verified profile, an erasure),
 * which only a server the hub knows by its key may send. The key goes
 * only to the URL and app ID it was saved for (RemoteBackendSettings::
 * api_key_for()), and redirects only within that origin (BackendHttp).
 */
final class RemoteEventSink implements EventSink {

	// The collector's answer to one batch is small; more is not a collector.
	private const MAX_BYTES = 256 * 1024;

	/**
	 * Constructor.
	 *
	 * @param RemoteBackendSettings $settings The remote backend.
	 */
	public function __construct( private RemoteBackendSettings $settings ) {}

	/**
	 * Posts the batch and returns the remote collector's answer.
	 *
	 * @param list<array<string, mixed>> $events Events.
	 * @return array{accepted: int, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>}|\WP_Error
	 */
	public function send( array $events ): array|\WP_Error {
		$backend = $this->settings->get();
		$key     = $this->settings->api_key_for( $backend );
		if ( '' === $key ) {
			return new \WP_Error(
				'footprints_remote_key_missing',
				/* translators: 1: backend URL, 2: app ID. */
				sprintf( __( 'The events were not sent to the backend at %1$s: no API key is saved for it and the app ID %2$s. Enter the key the backend\'s admin gave this site on the Connection tab.', 'footprints' ), $backend['url'], $backend['app_id'] ),
				array( 'status' => 401 )
			);
		}
		// The user an event happened to is this site's to link: a remote
		// backend has no users of this site (and its collector no such field).
		$events = array_map( static fn( array $event ) => array( 'app_id' => $backend['app_id'] ) + array_diff_key( $event, array( 'wp_user' => true ) ), $events );
		/** This filter is documented in includes/Backend/RemoteClient.php */
		$timeout  = (float) apply_filters( 'footprints_sync_timeout', 15 );
		$response = ( new BackendHttp( $backend['url'], self::MAX_BYTES ) )->request(
			'POST',
			BackendUrl::route( $backend['url'], 'serverEvents' ),
			array(
				'Content-Type'        => 'application/json',
				'Accept'              => 'application/json',
				'X-Footprints-App-Id' => $backend['app_id'],
				'Authorization'       => 'Bearer ' . $key,
			),
			(string) wp_json_encode( array( 'events' => $events ) ),
			microtime( true ) + $timeout
		);
		if ( is_wp_error( $response ) ) {
			return new \WP_Error(
				'footprints_remote_unreachable',
				/* translators: 1: backend URL, 2: reason. */
				sprintf( __( 'The events were not sent to the backend at %1$s: %2$s. Send them again later.', 'footprints' ), $backend['url'], $response->get_error_message() ),
				array( 'status' => 502 )
			);
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$answer = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( 401 === $status ) {
			return new \WP_Error(
				'footprints_remote_unauthorized',
				/* translators: 1: backend URL, 2: the backend's message. */
				trim( sprintf( __( 'The backend at %1$s refused this site\'s app ID or API key, so the events were not stored. %2$s', 'footprints' ), $backend['url'], is_array( $answer ) ? (string) ( $answer['message'] ?? '' ) : '' ) ),
				array( 'status' => 401 )
			);
		}
		if ( 200 !== $status || ! is_array( $answer ) || ! isset( $answer['accepted'], $answer['duplicates'] ) || ! is_array( $answer['rejected'] ?? null ) ) {
			return new \WP_Error(
				'footprints_remote_collect_failed',
				/* translators: 1: backend URL, 2: HTTP status, 3: the backend's message. */
				trim( sprintf( __( 'The backend at %1$s did not store the events (HTTP %2$d). Send them again later. %3$s', 'footprints' ), $backend['url'], $status, is_array( $answer ) ? (string) ( $answer['message'] ?? '' ) : '' ) ),
				array( 'status' => 502 )
			);
		}
		return array(
			'accepted'   => (int) $answer['accepted'],
			'duplicates' => (int) $answer['duplicates'],
			'rejected'   => array_values( (array) $answer['rejected'] ),
		);
	}
}
