<?php
/**
 * A loopback HTTP receiver for the PHP tests (run by LoopbackServer with
 * `php -S`): it records every request it gets, and answers what the test
 * told it to, in order (the last answer repeats). A real server, so the
 * requests under test go through WordPress' HTTP API and its URL checks.
 *
 * @package Footprints
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.PHP.DiscouragedPHPFunctions, WordPress.Security.EscapeOutput -- a bare PHP server without WordPress.

$footprints_dir = (string) getenv( 'FOOTPRINTS_RECEIVER_DIR' );
$footprints_log = $footprints_dir . '/requests.jsonl';

$footprints_headers = array();
foreach ( getallheaders() as $footprints_name => $footprints_value ) {
	$footprints_headers[ strtolower( $footprints_name ) ] = $footprints_value;
}
$footprints_line = json_encode(
	array(
		'method'  => $_SERVER['REQUEST_METHOD'],
		'uri'     => $_SERVER['REQUEST_URI'],
		'headers' => $footprints_headers,
		'body'    => file_get_contents( 'php://input' ),
	)
) . "\n";
file_put_contents( $footprints_log, $footprints_line, FILE_APPEND | LOCK_EX );

$footprints_answers = json_decode( (string) @file_get_contents( $footprints_dir . '/answers.json' ), true ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
$footprints_answers = is_array( $footprints_answers ) && $footprints_answers ? $footprints_answers : array( array( 'status' => 404 ) );
$footprints_count   = count( file( $footprints_log ) );
$footprints_answer  = $footprints_answers[ min( $footprints_count, count( $footprints_answers ) ) - 1 ];

if ( ! empty( $footprints_answer['delay_ms'] ) ) {
	usleep( 1000 * (int) $footprints_answer['delay_ms'] );
}
http_response_code( (int) ( $footprints_answer['status'] ?? 200 ) );
header( 'Content-Type: application/json' );
foreach ( (array) ( $footprints_answer['headers'] ?? array() ) as $footprints_name => $footprints_value ) {
	header( $footprints_name . ': ' . $footprints_value );
}
if ( isset( $footprints_answer['repeat'] ) ) {
	// A large body, written in pieces so the receiver never holds it whole.
	for ( $footprints_i = 0; $footprints_i < (int) $footprints_answer['repeat']['times']; $footprints_i++ ) {
		echo $footprints_answer['repeat']['text'];
	}
	return true;
}
echo (string) ( $footprints_answer['body'] ?? '' );
return true;
