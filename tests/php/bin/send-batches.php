<?php
/**
 * Sends batches of one event each to a fast collector, one after another,
 * and prints how many it accepted: the other side of the delete race.
 *
 * Usage: php send-batches.php URL CODE COUNT
 *
 * @package Footprints
 */

// phpcs:disable WordPress.WP.AlternativeFunctions -- a plain HTTP client outside WordPress.
list( , $footprints_url, $footprints_code, $footprints_count ) = $argv;
$footprints_accepted = 0;
for ( $footprints_i = 0; $footprints_i < (int) $footprints_count; $footprints_i++ ) {
	$footprints_curl = curl_init( $footprints_url );
	curl_setopt_array(
		$footprints_curl,
		array(
			CURLOPT_POST           => true,
			CURLOPT_POSTFIELDS     => sprintf( '{"events":[{"id":"race_%s_%05d","event":"%s"}]}', getmypid(), $footprints_i, $footprints_code ),
			CURLOPT_HTTPHEADER     => array( 'Content-Type: text/plain' ),
			CURLOPT_RETURNTRANSFER => true,
		)
	);
	$footprints_answer    = json_decode( (string) curl_exec( $footprints_curl ), true );
	$footprints_accepted += (int) ( $footprints_answer['accepted'] ?? 0 );
	curl_close( $footprints_curl );
}
echo (int) $footprints_accepted;
