<?php
/**
 * The server-side tracking API, in the global namespace so themes and
 * plugins can call it without a `use`.
 *
 * @package Footprints
 */

/**
 * Records an event from PHP, sent to wherever the configured backend
 * collects (this site, or the remote backend with this site's app ID),
 * through the collectors' one validator: the code must name an enabled
 * definition and the attributes are coerced by its schema (`"199"` becomes
 * 199 for a number). Code on the server may record the server-only events
 * (e.g. identity_conversion) that no browser may send.
 *
 * Consent is the caller's to check: this records what it is given.
 *
 * The context may name `wp_user`, the ID of the WordPress user the event
 * happened to (a sign-in, a new account). Only code on the server can say
 * that, so it is trusted: this site's writer links the event's device to
 * the person wp:<ID>, with the user's email. A remote backend (a hub,
 * which records the server-only events sent with this site's key) gets
 * the event without it.
 *
 * @param string $code       Event code, e.g. 'trial_click'.
 * @param mixed  $attributes Attribute values by snake_case name (an array; anything else counts as none).
 * @param mixed  $context    Optional array: id, time (ms since 1970), page, referrer, device_id, app_id, wp_user (a user ID).
 * @return string|WP_Error The stored event's id, or why it was not stored (status 400; 401 when a remote backend has no key saved for it or refused the key; 409 for a stored id; 503, or a backend that could not be reached: send it again).
 */
function footprints_track( $code, $attributes = array(), $context = array() ) {
	if ( is_array( $context ) && array_key_exists( 'wp_user', $context ) ) {
		$user = $context['wp_user'];
		if ( ! is_int( $user ) || $user <= 0 || ! get_userdata( $user ) ) {
			return new WP_Error(
				'footprints_invalid_event',
				/* translators: %s: the value given. */
				sprintf( __( 'context[wp_user] must be the ID (an integer) of an existing WordPress user; "%s" is not.', 'footprints' ), is_scalar( $user ) ? (string) $user : gettype( $user ) ),
				array( 'status' => 400 )
			);
		}
	}
	$event  = array_merge(
		array(
			'id'   => str_replace( '-', '', wp_generate_uuid4() ),
			'time' => (int) floor( microtime( true ) * 1000 ),
		),
		is_array( $context ) ? $context : array(),
		array(
			'event'      => $code,
			'attributes' => is_array( $attributes ) ? $attributes : array(),
		)
	);
	$result = Footprints\plugin()->event_sink()->send( array( $event ) );
	if ( is_wp_error( $result ) ) {
		return $result;
	}
	if ( $result['rejected'] ) {
		return new WP_Error( $result['rejected'][0]['code'], $result['rejected'][0]['message'], array( 'status' => 400 ) );
	}
	if ( ! $result['accepted'] ) {
		return new WP_Error(
			'footprints_duplicate_event',
			/* translators: %s: event id. */
			sprintf( __( 'An event with the id "%s" is stored already.', 'footprints' ), $event['id'] ),
			array( 'status' => 409 )
		);
	}
	return $event['id'];
}
