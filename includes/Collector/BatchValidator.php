<?php
/**
 * BatchValidator.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * The one validator of the collectors: the fast collector, the REST route
 * footprints/v1/collect and footprints_track() all hand it what they
 * received. It refuses a request as a whole only for what concerns the
 * whole (type, size, JSON, batch size) and judges every event on its own,
 * so one bad event never costs the good ones. Plain PHP.
 */
final class BatchValidator {

	private const CONTENT_TYPES = array( 'application/json', 'text/plain' );

	/**
	 * Constructor.
	 *
	 * @param CollectorConfig $config The compiled config.
	 */
	public function __construct( private CollectorConfig $config ) {}

	/**
	 * The configuration it judges by.
	 */
	public function config(): CollectorConfig {
		return $this->config;
	}

	/**
	 * Reads a request body: the events ready to store and the rejected ones,
	 * or why the whole request is refused.
	 *
	 * @param string $body         Raw request body.
	 * @param string $content_type The Content-Type header.
	 * @param int    $received_ms  When it arrived, ms since 1970.
	 * @return array{events: list<array<string, mixed>>, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>, tally: array<string, array<string, int>>, indexes: array<string, int>}|Refusal
	 */
	public function validate_body( string $body, string $content_type, int $received_ms ): array|Refusal {
		$type = strtolower( trim( explode( ';', $content_type )[0] ) );
		if ( ! in_array( $type, self::CONTENT_TYPES, true ) ) {
			return new Refusal( 415, 'footprints_unsupported_type', __( 'Send the batch as JSON, with Content-Type application/json or text/plain.', 'footprints' ) );
		}
		if ( strlen( $body ) > $this->config->limit( 'body_bytes' ) ) {
			return $this->too_large();
		}
		$decoded = $this->decode( $body );
		if ( $decoded instanceof Refusal ) {
			return $decoded;
		}
		return $this->validate_events( $decoded['events'], $received_ms, $decoded['broken'] );
	}

	/**
	 * The refusal of a body over the size limit (also told by its Content-Length).
	 */
	public function too_large(): Refusal {
		/* translators: %d: most bytes. */
		return new Refusal( 413, 'footprints_body_too_large', sprintf( __( 'The request body is larger than %d bytes; send fewer events per request.', 'footprints' ), $this->config->limit( 'body_bytes' ) ) );
	}

	/**
	 * Judges decoded events one by one.
	 *
	 * @param mixed           $events      Events, oldest first.
	 * @param int             $received_ms When they arrived, ms since 1970.
	 * @param array<int, int> $broken      Indexes of events that held invalid UTF-8.
	 * @param bool            $server_side Whether code on the server sends them (footprints_track()): only it may record server-only events.
	 * @return array{events: list<array<string, mixed>>, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>, tally: array<string, array<string, int>>, indexes: array<string, int>}|Refusal
	 */
	public function validate_events( mixed $events, int $received_ms, array $broken = array(), bool $server_side = false ): array|Refusal {
		$most = $this->config->limit( 'events_per_batch' );
		if ( ! is_array( $events ) || ! $events || ! array_is_list( $events ) || count( $events ) > $most ) {
			/* translators: %d: most events per batch. */
			return new Refusal( 400, 'rest_invalid_param', sprintf( __( 'Invalid parameter(s): events. Send "events" as a list of 1 to %d event objects; send more in another request.', 'footprints' ), $most ) );
		}
		$validator = new EventValidator( $this->config, $server_side );
		$result    = array(
			'events'     => array(),
			'duplicates' => 0,
			'rejected'   => array(),
			'tally'      => array(),
			'indexes'    => array(),
		);
		$seen      = array();
		foreach ( $events as $index => $event ) {
			$verdict = isset( $broken[ $index ] )
				? new Rejection( 'footprints_invalid_utf8', __( 'The event holds text that is not valid UTF-8, so it was not stored; send text as UTF-8.', 'footprints' ) )
				: $validator->validate( $event, $received_ms );
			if ( $verdict instanceof Rejection ) {
				$result['rejected'][]                       = array(
					'index'   => $index,
					'id'      => is_array( $event ) && is_string( $event['id'] ?? null ) && ! isset( $broken[ $index ] ) ? $event['id'] : null,
					'code'    => $verdict->code,
					'message' => $verdict->message,
				);
				$code                                       = is_array( $event ) && is_string( $event['event'] ?? null ) && preg_match( $this->config->pattern( 'event' ), $event['event'] ) ? $event['event'] : '';
				$result['tally'][ $code ][ $verdict->code ] = ( $result['tally'][ $code ][ $verdict->code ] ?? 0 ) + 1;
			} elseif ( isset( $seen[ $verdict['id'] ] ) ) {
				++$result['duplicates'];
			} else {
				$seen[ $verdict['id'] ]              = true;
				$result['events'][]                  = $verdict;
				$result['indexes'][ $verdict['id'] ] = $index;
			}
		}//end foreach
		return $result;
	}

	/**
	 * The events of a JSON body, with the indexes of those that held
	 * invalid UTF-8: such a body is decoded twice, dropping and replacing
	 * the bad bytes, and an event that differs between the two held some.
	 *
	 * @param string $body Raw request body.
	 * @return array{events: mixed, broken: array<int, int>}|Refusal
	 */
	private function decode( string $body ): array|Refusal {
		$depth = max( 1, $this->config->limit( 'json_depth' ) );
		$data  = json_decode( $body, true, $depth );
		$error = json_last_error();
		$bad   = array();
		if ( JSON_ERROR_UTF8 === $error ) {
			$data    = json_decode( $body, true, $depth, JSON_INVALID_UTF8_IGNORE );
			$error   = json_last_error();
			$replace = json_decode( $body, true, $depth, JSON_INVALID_UTF8_SUBSTITUTE );
			foreach ( (array) ( $data['events'] ?? array() ) as $index => $event ) {
				if ( ( $replace['events'][ $index ] ?? null ) !== $event ) {
					$bad[ $index ] = $index;
				}
			}
		}
		if ( JSON_ERROR_DEPTH === $error ) {
			/* translators: %d: most levels. */
			return new Refusal( 400, 'footprints_too_deep', sprintf( __( 'The JSON is nested deeper than %d levels; send flatter attribute values.', 'footprints' ), $depth ) );
		}
		if ( JSON_ERROR_NONE !== $error || ! is_array( $data ) || array_is_list( $data ) || ! array_key_exists( 'events', $data ) ) {
			return new Refusal( 400, 'rest_invalid_param', __( 'Invalid parameter(s): events. The body must be a JSON object like {"events": [...]}.', 'footprints' ) );
		}
		return array(
			'events' => $data['events'],
			'broken' => $bad,
		);
	}
}
