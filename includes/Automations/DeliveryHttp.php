<?php
/**
 * DeliveryHttp.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Backend\BackendHttp;

/**
 * Sends one action request: the URL checked by AutomationUrl first (again,
 * at send time), then wp_safe_remote_post() so WordPress' own URL checks
 * run too; a timeout (data/automations.json), no redirect followed (a
 * write-only value never reaches a URL it was not saved for; a 3xx is a
 * failed attempt that says where it pointed), and the answer read up to a
 * bounded size.
 */
final class DeliveryHttp {

	/**
	 * Sends it; how it went.
	 *
	 * @param ActionRequest $request The request.
	 */
	public function send( ActionRequest $request ): Outcome {
		$refused = AutomationUrl::check( $request->url, 'url' );
		if ( $refused ) {
			return new Outcome( false, null, 0, $refused->get_error_message(), null );
		}
		$args  = array(
			'method'              => 'POST',
			'headers'             => $request->headers,
			'body'                => $request->body,
			'timeout'             => AutomationRules::limit( 'timeoutSeconds' ),
			'redirection'         => 0,
			'limit_response_size' => AutomationRules::limit( 'responseBytes' ),
			'user-agent'          => 'Footprints/' . FOOTPRINTS_VERSION . '; ' . home_url( '/' ),
		);
		$start = microtime( true );
		$reply = $this->post( $request->url, $args );
		$ms    = (int) round( ( microtime( true ) - $start ) * 1000 );
		if ( is_wp_error( $reply ) ) {
			return new Outcome( false, null, $ms, $reply->get_error_message(), null );
		}
		$code = (int) wp_remote_retrieve_response_code( $reply );
		$body = (string) wp_remote_retrieve_body( $reply );
		if ( $code >= 200 && $code < 300 ) {
			return new Outcome( true, $code, $ms, null, $body );
		}
		$location = wp_remote_retrieve_header( $reply, 'location' );
		$error    = $code >= 300 && $code < 400
			/* translators: 1: status, 2: where it pointed. */
			? sprintf( __( 'The receiver answered %1$d, a redirect to %2$s: Footprints does not follow it. Save the new address in the rule.', 'footprints' ), $code, is_array( $location ) ? (string) end( $location ) : $location )
			/* translators: %d: status. */
			: sprintf( __( 'The receiver answered %d.', 'footprints' ), $code );
		return new Outcome( false, $code, $ms, $error, $body );
	}

	/**
	 * The POST through wp_safe_remote_post(), with this URL's own host and
	 * port let past its private-host check when the server allows it.
	 *
	 * @param string               $url  URL.
	 * @param array<string, mixed> $args Arguments.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function post( string $url, array $args ): array|\WP_Error {
		if ( ! AutomationUrl::private_allowed( $url ) ) {
			return wp_safe_remote_post( $url, $args );
		}
		return BackendHttp::past_private_check( $url, static fn() => wp_safe_remote_post( $url, $args ) );
	}
}
