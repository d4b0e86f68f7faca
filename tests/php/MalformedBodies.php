<?php
/**
 * Generates request bodies none of whose events may be stored: wrong
 * types, 1 MB strings, deep JSON, invalid UTF-8, missing fields, too many
 * events or attributes, server-only or unknown codes, broken JSON.
 * Deterministic (seeded), so a failure can be replayed.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class MalformedBodies {

	/**
	 * Bodies with their content types.
	 *
	 * @param int $count How many, at least.
	 * @return list<array{0: string, 1: string}>
	 */
	public static function generate( int $count ): array {
		mt_srand( 20261123 );
		$bodies = array();
		foreach ( self::fixed() as $body ) {
			$bodies[] = array( $body, 'text/plain' );
		}
		foreach ( array( 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'text/html' ) as $type ) {
			$bodies[] = array( '{"events":[{"id":"evt_typed_0001","event":"trial_click"}]}', $type );
		}
		for ( $made = count( $bodies ); $made < $count; $made++ ) {
			$events = array();
			$size   = mt_rand( 1, 5 );
			for ( $i = 0; $i < $size; $i++ ) {
				$events[] = self::broken_event();
			}
			$body        = (string) json_encode( array( 'events' => $events ), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_IGNORE ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode
			$every_fifth = mt_rand( 0, 4 );
			if ( 0 === $every_fifth ) {
				// Invalid UTF-8 inside a string of a valid event.
				$body = '{"events":[{"id":"evt_' . sprintf( '%08d', mt_rand() ) . '","event":"trial_click","attributes":{"x":"a' . chr( mt_rand( 0x80, 0xFF ) ) . '"}},' . substr( $body, 11 );
			}
			$as_json  = mt_rand( 0, 1 );
			$bodies[] = array( $body, 0 === $as_json ? 'application/json' : 'text/plain;charset=UTF-8' );
		}
		return $bodies;
	}

	/**
	 * Bodies refused as a whole.
	 *
	 * @return list<string>
	 */
	private static function fixed(): array {
		$bodies = array( '', ' ', 'null', 'true', '1', '"events"', '[]', '{}', '{"events":null}', '{"events":"x"}', '{"events":{}}', '{"events":[]}', '{"events":{"0":{}}}', '{"events":[', '{"events":[{"id":"evt_trunc_001","event":"trial_click"', 'events=1', "\xFF\xFE{\x00}", '{"events":[{"id":"\ud800bad","event":"trial_click"}]}' );
		// Ten thousand valid-looking events: over the size and count limits.
		$many = array();
		for ( $i = 0; $i < 10000; $i++ ) {
			$many[] = array(
				'id'    => sprintf( 'evt_many_%06d', $i ),
				'event' => 'trial_click',
			);
		}
		$bodies[] = (string) wp_json_encode( array( 'events' => $many ) );
		$bodies[] = (string) wp_json_encode( array( 'events' => array_slice( $many, 0, 51 ) ) );
		// A 1 MB string.
		$bodies[] = (string) wp_json_encode(
			array(
				'events' => array(
					array(
						'id'         => 'evt_huge_00001',
						'event'      => 'trial_click',
						'attributes' => array(
							'x' => str_repeat(
								'a',
								1 << 20
							),
						),
					),
				),
			)
		);
		// Deep JSON, 11 to 200 levels.
		foreach ( array( 11, 12, 20, 64, 200 ) as $depth ) {
			$bodies[] = '{"events":[{"id":"evt_deep_0001","event":"trial_click","attributes":{"x":' . str_repeat( '[', $depth ) . str_repeat( ']', $depth ) . '}}]}';
		}
		// Random bytes.
		for ( $i = 0; $i < 40; $i++ ) {
			$bytes = '';
			for ( $j = mt_rand( 1, 300 ); $j > 0; $j-- ) {
				$bytes .= chr( mt_rand( 0, 255 ) );
			}
			$bodies[] = $bytes;
		}
		return $bodies;
	}

	/**
	 * A trial_click event with at least one thing wrong.
	 *
	 * @return mixed
	 */
	private static function broken_event(): mixed {
		$event = array(
			'id'    => sprintf( 'evt_%012d', mt_rand() ),
			'event' => 'trial_click',
		);
		$wrong = array(
			'not an object'    => static fn() => array( 'a', 'string', 1, null, true, 1.5, array() )[ mt_rand( 0, 6 ) ],
			'no id'            => static function () use ( $event ) {
				unset( $event['id'] );
				return $event;
			},
			'no event'         => static function () use ( $event ) {
				unset( $event['event'] );
				return $event;
			},
			'id type'          => static fn() => array( 'id' => self::any_but_string() ) + $event,
			'id shape'         => static fn() => array( 'id' => array( 'short', '', $event['id'] . "\n", ' ' . $event['id'], str_repeat( 'a', 65 ), 'évènement_1', 'evt/slash/1', "evt\0nul\0byte" )[ mt_rand( 0, 7 ) ] ) + $event,
			'event type'       => static fn() => array( 'event' => self::any_but_string() ) + $event,
			'event code'       => static fn() => array( 'event' => array( 'Trial_Click', 'never_defined', "trial_click\n", 'trial-click', 'x', 'identity_conversion', 'verified_conversion', 'authentication', 'deidentification_requested', 'deidentification' )[ mt_rand( 0, 9 ) ] ) + $event,
			'attributes type'  => static fn() => array( 'attributes' => array( 'text', 1, true, array( 1, 2 ) )[ mt_rand( 0, 3 ) ] ) + $event,
			'attribute name'   => static fn() => array( 'attributes' => array( array( 'Bad Name' => 1 ), array( '9lives' => 1 ), array( str_repeat( 'a', 65 ) => 1 ) )[ mt_rand( 0, 2 ) ] ) + $event,
			'attribute length' => static fn() => array( 'attributes' => array( 'x' => str_repeat( 'é', 1025 + mt_rand( 0, 5000 ) ) ) ) + $event,
			'many attributes'  => static fn() => array( 'attributes' => array_fill_keys( array_map( static fn( $i ) => 'a' . $i, range( 1, 51 + mt_rand( 0, 200 ) ) ), 'v' ) ) + $event,
			'time'             => static fn() => array( 'time' => array( -1, 1.5, 'now', PHP_INT_MAX, null, array(), (int) ( microtime( true ) * 1000 ) + 2 * 86400000 )[ mt_rand( 0, 6 ) ] ) + $event,
			'page'             => static fn() => array( 'page' => array( 1, array(), str_repeat( 'p', 2049 ), false )[ mt_rand( 0, 3 ) ] ) + $event,
			'device id'        => static fn() => array( 'device_id' => array( 1, 'short', "device_000001\n", str_repeat( 'd', 65 ), array() )[ mt_rand( 0, 4 ) ] ) + $event,
			'app id'           => static fn() => array( 'app_id' => array( 'app_unknown00', 1, str_repeat( 'a', 65 ), array() )[ mt_rand( 0, 3 ) ] ) + $event,
			'unknown field'    => static fn() => array( 'admin' => true ) + $event,
		);
		$pick  = array_keys( $wrong )[ mt_rand( 0, count( $wrong ) - 1 ) ];
		return $wrong[ $pick ]();
	}

	/**
	 * A JSON value that is not a string.
	 *
	 * @return mixed
	 */
	private static function any_but_string(): mixed {
		return array( 1, 1.5, true, null, array(), array( 'a' => 1 ) )[ mt_rand( 0, 5 ) ];
	}
}
