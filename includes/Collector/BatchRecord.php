<?php
/**
 * BatchRecord.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * One received batch as a transport keeps it until the drain, the same in
 * the file buffer (a line) and the Redis stream (an entry): when it
 * arrived (r, ms), its accepted events (e), its rejections by code and
 * reason (x) and, when the request carried a valid sign-in cookie, the
 * WordPress user who sent it (w), as unescaped JSON on one line. Plain PHP.
 */
final class BatchRecord {

	/**
	 * The record's JSON.
	 *
	 * @param int                               $received_ms When it arrived.
	 * @param list<array<string, mixed>>        $events      Validated events.
	 * @param array<string, array<string, int>> $tally       Rejections by code and reason.
	 * @param int                               $wp_user     The signed-in WordPress user who sent it; 0 for nobody.
	 */
	public static function encode( int $received_ms, array $events, array $tally, int $wp_user = 0 ): string {
		$record = array(
			'r' => $received_ms,
			'e' => $events,
			'x' => (object) $tally,
		);
		if ( $wp_user > 0 ) {
			$record['w'] = $wp_user;
		}
		// phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- plain PHP, the bytes sent.
		return (string) json_encode(
			$record,
			JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION
		);
	}

	/**
	 * A record read back, or null when it is not whole (cut by a crash).
	 *
	 * @param string $json The record's JSON.
	 * @return array{r: int, e: list<array<string, mixed>>, x: array<string, array<string, int>>, w: int}|null
	 */
	public static function decode( string $json ): ?array {
		$record = json_decode( $json, true );
		if ( ! is_array( $record ) || ! is_int( $record['r'] ?? null ) || ! is_array( $record['e'] ?? null ) ) {
			return null;
		}
		/**
		 * As encode() wrote it.
		 *
		 * @var array{r: int, e: list<array<string, mixed>>, x?: array<string, array<string, int>>, w?: int} $record
		 */
		return array(
			'r' => $record['r'],
			'e' => $record['e'],
			'x' => (array) ( $record['x'] ?? array() ),
			'w' => is_int( $record['w'] ?? null ) ? $record['w'] : 0,
		);
	}
}
