<?php
/**
 * PersonalAttributes.
 *
 * @package Footprints
 */

namespace Footprints\Privacy;

/**
 * What of an event is personal, read from data/privacy.json: the
 * attributes that name or describe the person (identify()'s user id and
 * traits, a form's email and fields...), removed by the eraser while the
 * event stays. Anywhere else in the event (any attribute, the page, the
 * referrer), the email being erased is replaced, raw or URL-encoded: a
 * page such as /thanks/?email=ann%40example.com names the person too.
 */
final class PersonalAttributes {

	public const FILE        = '/data/privacy.json';
	public const PLACEHOLDER = '[erased]';

	/**
	 * Personal attribute names by event code.
	 *
	 * @var array<string, list<string>>|null
	 */
	private ?array $names = null;

	/**
	 * Events an exporter or eraser page handles.
	 */
	public static function per_page(): int {
		return (int) self::file()['events_per_page'];
	}

	/**
	 * The event codes that have personal attributes.
	 *
	 * @return list<string>
	 */
	public function codes(): array {
		return array_map( 'strval', array_keys( $this->names() ) );
	}

	/**
	 * An event without what is personal in it.
	 *
	 * @param array{code: string, attributes: array<string, mixed>, page: string, referrer: string} $event  The event.
	 * @param string[]                                                                              $emails The emails erased (as given and lowercased).
	 * @return array{code: string, attributes: array<string, mixed>, page: string, referrer: string}
	 */
	public function scrub( array $event, array $emails ): array {
		$event['attributes'] = array_diff_key( $event['attributes'], array_flip( $this->names()[ $event['code'] ] ?? array() ) );
		$needles             = array();
		foreach ( array_filter( array_unique( $emails ) ) as $email ) {
			array_push( $needles, $email, rawurlencode( $email ), urlencode( $email ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.urlencode_urlencode -- what a form's query string holds (~ as %7E).
		}
		$needles = array_values( array_unique( $needles ) );
		if ( $needles ) {
			$event['page']       = self::replace( $event['page'], $needles );
			$event['referrer']   = self::replace( $event['referrer'], $needles );
			$event['attributes'] = self::replace_in( $event['attributes'], $needles );
		}
		return $event;
	}

	/**
	 * Personal attribute names by event code: the file's, and a site's own
	 * through the filter footprints_personal_attributes.
	 *
	 * @return array<string, list<string>>
	 */
	private function names(): array {
		if ( null === $this->names ) {
			/**
			 * Filters which attributes of which events are personal: the
			 * eraser removes them from an erased person's events.
			 *
			 * @param array<string, list<string>> $names Attribute names by event code.
			 */
			$names       = apply_filters( 'footprints_personal_attributes', (array) self::file()['personal_attributes'] );
			$this->names = array();
			foreach ( is_array( $names ) ? $names : array() as $code => $list ) {
				$this->names[ (string) $code ] = array_values( array_map( 'strval', (array) $list ) );
			}
		}
		return $this->names;
	}

	/**
	 * Replaces the needles in every string of a value, keys kept.
	 *
	 * @param array<mixed> $values   Values.
	 * @param string[]     $needles  What to replace.
	 * @return array<mixed>
	 */
	private static function replace_in( array $values, array $needles ): array {
		foreach ( $values as $key => $value ) {
			if ( is_string( $value ) ) {
				$values[ $key ] = self::replace( $value, $needles );
			} elseif ( is_array( $value ) ) {
				$values[ $key ] = self::replace_in( $value, $needles );
			}
		}
		return $values;
	}

	/**
	 * Replaces the needles in a text, whatever their case.
	 *
	 * @param string   $text    Text.
	 * @param string[] $needles What to replace.
	 */
	private static function replace( string $text, array $needles ): string {
		return str_ireplace( $needles, self::PLACEHOLDER, $text );
	}

	/**
	 * The file as committed.
	 *
	 * @return array{events_per_page: int, personal_attributes: array<string, list<string>>}
	 */
	private static function file(): array {
		static $file = null;
		if ( null === $file ) {
			/**
			 * The file as committed.
			 *
			 * @var array{events_per_page: int, personal_attributes: array<string, list<string>>} $decoded
			 */
			$decoded = wp_json_file_decode( FOOTPRINTS_DIR . self::FILE, array( 'associative' => true ) );
			$file    = $decoded;
		}
		return $file;
	}
}
