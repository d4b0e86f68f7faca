<?php
/**
 * EventValidator.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

use Footprints\Definitions\AttributeCoercer;

/**
 * Judges one event of a batch against the compiled collector config: its
 * shape (data/schema/event.json, anchored patterns), the limits, the
 * server-only codes, the accepted app IDs and the definition's attribute
 * schema. Returns the event ready to store, or why not. Plain PHP (only
 * __() is needed), so every collector runs this very code.
 */
final class EventValidator {

	private const MAX_FUTURE_MS = 86400000;

	/**
	 * Constructor.
	 *
	 * @param CollectorConfig $config     The compiled config.
	 * @param bool            $server_side Whether the events come from code on the server (footprints_track()), which may record server-only events.
	 */
	public function __construct( private CollectorConfig $config, private bool $server_side = false ) {}

	/**
	 * The event ready to store, or why it cannot be stored.
	 *
	 * @param mixed $event       One decoded event.
	 * @param int   $received_ms When the batch arrived, ms since 1970.
	 * @return array{id: string, event: string, attributes: array<string, mixed>, time: int, page: string, referrer: string, device_id: string|null, app_id: string}|Rejection
	 */
	public function validate( mixed $event, int $received_ms ): array|Rejection {
		if ( ! is_array( $event ) || ( $event && array_is_list( $event ) ) ) {
			return self::invalid( __( 'Each event must be a JSON object with at least "id" and "event".', 'footprints' ) );
		}
		$unknown = array_diff( array_map( 'strval', array_keys( $event ) ), $this->config->fields() );
		if ( $unknown ) {
			/* translators: 1: unknown field name, 2: list of allowed fields. */
			return self::invalid( sprintf( __( 'event has an unknown field "%1$s"; the fields are: %2$s.', 'footprints' ), self::shorten( (string) reset( $unknown ) ), implode( ', ', $this->config->fields() ) ) );
		}
		$nulls = array_keys( $event, null, true );
		if ( $nulls ) {
			/* translators: %s: field name. */
			return self::invalid( sprintf( __( 'event[%s] is null; leave a field out when there is nothing to send.', 'footprints' ), (string) $nulls[0] ) );
		}
		foreach ( $this->config->required() as $field ) {
			if ( ! isset( $event[ $field ] ) ) {
				/* translators: %s: field name. */
				return self::invalid( sprintf( __( 'event[%s] is missing; it is required.', 'footprints' ), $field ) );
			}
		}
		if ( ! is_string( $event['id'] ) || ! preg_match( $this->config->pattern( 'id' ), $event['id'] ) ) {
			return self::invalid( __( 'event[id] must be 8 to 64 letters, digits, "_" or "-" (case matters), with nothing after them.', 'footprints' ) );
		}
		if ( ! is_string( $event['event'] ) || ! preg_match( $this->config->pattern( 'event' ), $event['event'] ) ) {
			return self::invalid( __( 'event[event] must be an event code: a lowercase letter, then lowercase letters, digits or underscores (like trial_click).', 'footprints' ) );
		}
		$code = $event['event'];
		if ( ! $this->server_side && $this->config->is_server_only( $code ) ) {
			return new Rejection(
				'footprints_server_only_event',
				/* translators: %s: event code. */
				sprintf( __( 'The event "%s" carries trust, so only the server records it (from what happened on the site); it is never accepted from a browser or a trigger.', 'footprints' ), $code )
			);
		}
		$app_id = $this->app_id( $event );
		if ( $app_id instanceof Rejection ) {
			return $app_id;
		}
		$definition = $this->config->definition( $code );
		if ( null === $definition ) {
			return new Rejection(
				'footprints_unknown_event',
				/* translators: %s: event code. */
				sprintf( __( 'No event is defined with the code "%s". Define it in Footprints, or fix the code in the trigger.', 'footprints' ), $code )
			);
		}
		if ( ! $definition['enabled'] ) {
			return new Rejection(
				'footprints_disabled_event',
				/* translators: %s: event code. */
				sprintf( __( 'The event "%s" is disabled, so it is not tracked. Enable it in Footprints to track it again.', 'footprints' ), $code )
			);
		}
		$context = $this->context( $event, $received_ms );
		if ( $context instanceof Rejection ) {
			return $context;
		}
		$attributes = $this->attributes( $code, $event['attributes'] ?? array(), $definition['attributes'] );
		if ( $attributes instanceof Rejection ) {
			return $attributes;
		}
		return array(
			'id'         => $event['id'],
			'event'      => $code,
			'attributes' => $attributes,
			'app_id'     => $app_id,
		) + $context;
	}

	/**
	 * The event's app ID (this site's when none is sent), or why it is refused.
	 *
	 * @param array<mixed> $event The event.
	 */
	private function app_id( array $event ): string|Rejection {
		if ( ! isset( $event['app_id'] ) ) {
			return $this->config->site_app_id();
		}
		if ( ! is_string( $event['app_id'] ) || strlen( $event['app_id'] ) > $this->config->max_length( 'app_id' ) || ! $this->config->accepts_app_id( $event['app_id'] ) ) {
			return new Rejection(
				'footprints_unknown_app',
				/* translators: %s: app ID as sent. */
				sprintf( __( 'The app ID "%s" is not accepted here: it is unknown or was revoked. Check the app ID in the sending site\'s Footprints settings.', 'footprints' ), self::shorten( is_string( $event['app_id'] ) ? $event['app_id'] : gettype( $event['app_id'] ) ) )
			);
		}
		return $event['app_id'];
	}

	/**
	 * Time, page, referrer and device of the event, checked.
	 *
	 * @param array<mixed> $event       The event.
	 * @param int          $received_ms When the batch arrived.
	 * @return array{time: int, page: string, referrer: string, device_id: string|null}|Rejection
	 */
	private function context( array $event, int $received_ms ): array|Rejection {
		$time = $event['time'] ?? $received_ms;
		if ( ! is_int( $time ) || $time < 0 ) {
			return self::invalid( __( 'event[time] must be a whole number of milliseconds since 1970 (UTC).', 'footprints' ) );
		}
		if ( $time > $received_ms + self::MAX_FUTURE_MS ) {
			return self::invalid( __( 'event[time] is more than a day in the future; send milliseconds since 1970 (UTC).', 'footprints' ) );
		}
		foreach ( array( 'page', 'referrer' ) as $field ) {
			$value = $event[ $field ] ?? '';
			if ( ! is_string( $value ) || self::length( $value ) > $this->config->max_length( $field ) ) {
				/* translators: 1: field name, 2: most characters. */
				return self::invalid( sprintf( __( 'event[%1$s] must be text of at most %2$d characters.', 'footprints' ), $field, $this->config->max_length( $field ) ) );
			}
		}
		$device = $event['device_id'] ?? null;
		if ( null !== $device && ( ! is_string( $device ) || ! preg_match( $this->config->pattern( 'device_id' ), $device ) ) ) {
			return self::invalid( __( 'event[device_id] must be 8 to 64 letters, digits, "_" or "-" (case matters), with nothing after them.', 'footprints' ) );
		}
		return array(
			'time'      => $time,
			'page'      => (string) ( $event['page'] ?? '' ),
			'referrer'  => (string) ( $event['referrer'] ?? '' ),
			'device_id' => $device,
		);
	}

	/**
	 * The attributes typed by the definition's schema, within the limits.
	 *
	 * @param string                $code       Event code.
	 * @param mixed                 $attributes As sent.
	 * @param array<string, string> $schema     Attribute types by name.
	 * @return array<string, mixed>|Rejection
	 */
	private function attributes( string $code, mixed $attributes, array $schema ): array|Rejection {
		if ( ! is_array( $attributes ) || ( $attributes && array_is_list( $attributes ) ) ) {
			return self::invalid( __( 'event[attributes] must be a JSON object of values by snake_case name.', 'footprints' ) );
		}
		$most = $this->config->limit( 'attributes_per_event' );
		if ( count( $attributes ) > $most ) {
			/* translators: %d: most attributes. */
			return new Rejection( 'footprints_too_many_attributes', sprintf( __( 'An event may carry at most %d attributes; send fewer.', 'footprints' ), $most ) );
		}
		$longest  = $this->config->limit( 'string_length' );
		$too_long = null;
		array_walk_recursive(
			$attributes,
			static function ( $value, $key ) use ( $longest, &$too_long ): void {
				$bad = ( is_string( $value ) && self::length( $value ) > $longest ) || ( is_float( $value ) && ! is_finite( $value ) );
				if ( null === $too_long && $bad ) {
					$too_long = (string) $key;
				}
			}
		);
		if ( null !== $too_long ) {
			/* translators: 1: attribute name, 2: most characters. */
			return new Rejection( 'footprints_value_too_long', sprintf( __( 'attribute "%1$s" has text longer than %2$d characters (or a number too large to store); send a shorter value.', 'footprints' ), self::shorten( $too_long ), $longest ) );
		}
		$coerced = AttributeCoercer::coerce_values( $schema, $attributes );
		if ( is_string( $coerced ) ) {
			/* translators: 1: event code, 2: what is wrong, e.g. 'attribute "price" is not a valid number'. */
			return new Rejection( 'footprints_invalid_attribute', sprintf( __( 'The event "%1$s" was not stored: %2$s.', 'footprints' ), $code, $coerced ) );
		}
		return $coerced;
	}

	/**
	 * Characters (code points) of valid UTF-8 text, without mbstring: every
	 * byte that does not continue a character starts one.
	 *
	 * @param string $text UTF-8 text.
	 */
	private static function length( string $text ): int {
		$bytes = strlen( $text );
		return $bytes < 128 ? $bytes : $bytes - (int) preg_match_all( '/[\x80-\xBF]/', $text );
	}

	/**
	 * Text sent by a stranger, cut short to be quoted in a message.
	 *
	 * @param string $text Text as sent.
	 */
	private static function shorten( string $text ): string {
		return strlen( $text ) > 64 ? (string) preg_replace( '/^(.{0,64}).*$/su', '$1…', $text ) : $text;
	}

	/**
	 * A shape problem.
	 *
	 * @param string $message What is wrong and how to fix it.
	 */
	private static function invalid( string $message ): Rejection {
		return new Rejection( 'footprints_invalid_event', $message );
	}
}
