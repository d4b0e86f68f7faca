<?php
/**
 * A loopback OpenAI-compatible server for the tests (run under `php -S` by
 * tests/php/AiServer.php and tests/e2e/ai-server.ts, through the receivers'
 * LoopbackServer / Receiver): GET /v1/models lists one model, POST
 * /v1/chat/completions answers what the test scripted (answers.json, in
 * order, the last one repeating), a request without a bearer key gets
 * OpenAI's 401. Every request is logged (requests.jsonl) so a test can read
 * the prompt WordPress sent.
 *
 * @package Footprints
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.PHP.DiscouragedPHPFunctions, WordPress.Security.EscapeOutput, WordPress.PHP.NoSilencedErrors -- a bare PHP server without WordPress.

$footprints_dir = (string) getenv( 'FOOTPRINTS_RECEIVER_DIR' );
$footprints_log = $footprints_dir . '/requests.jsonl';

$footprints_headers = array();
foreach ( getallheaders() as $footprints_name => $footprints_value ) {
	$footprints_headers[ strtolower( $footprints_name ) ] = $footprints_value;
}
$footprints_uri = (string) parse_url( (string) $_SERVER['REQUEST_URI'], PHP_URL_PATH );
file_put_contents(
	$footprints_log,
	json_encode(
		array(
			'method'  => $_SERVER['REQUEST_METHOD'],
			'uri'     => $_SERVER['REQUEST_URI'],
			'headers' => $footprints_headers,
			'body'    => file_get_contents( 'php://input' ),
		)
	) . "\n",
	FILE_APPEND | LOCK_EX
);

/**
 * Sends an answer as JSON.
 *
 * @param int    $status HTTP status.
 * @param string $body   JSON text.
 */
function footprints_ai_answer( int $status, string $body ): bool {
	http_response_code( $status );
	header( 'Content-Type: application/json' );
	echo $body;
	return true;
}

/**
 * An OpenAI-style error.
 *
 * @param int    $status  HTTP status.
 * @param string $message The message.
 * @param string $type    Its type.
 */
function footprints_ai_error( int $status, string $message, string $type ): bool {
	return footprints_ai_answer(
		$status,
		(string) json_encode(
			array(
				'error' => array(
					'message' => $message,
					'type'    => $type,
					'code'    => null,
				),
			)
		)
	);
}

if ( ! preg_match( '/^Bearer \S+/', (string) ( $footprints_headers['authorization'] ?? '' ) ) ) {
	return footprints_ai_error( 401, 'You didn\'t provide an API key.', 'invalid_request_error' );
}
if ( 'GET' === $_SERVER['REQUEST_METHOD'] && '/v1/models' === $footprints_uri ) {
	return footprints_ai_answer( 200, '{"object":"list","data":[{"id":"footprints-test-model","object":"model","owned_by":"footprints"}]}' );
}
if ( 'POST' !== $_SERVER['REQUEST_METHOD'] || '/v1/chat/completions' !== $footprints_uri ) {
	return footprints_ai_error( 404, 'Unknown request: ' . $_SERVER['REQUEST_METHOD'] . ' ' . $footprints_uri, 'invalid_request_error' );
}

// The n-th completion gets the n-th scripted answer; model listings do not count.
$footprints_completions = count(
	array_filter(
		(array) file( $footprints_log ),
		static fn( $line ) => str_contains( (string) $line, '"uri":"\/v1\/chat\/completions' )
	)
);
$footprints_answers     = json_decode( (string) @file_get_contents( $footprints_dir . '/answers.json' ), true );
$footprints_answers     = is_array( $footprints_answers ) && $footprints_answers ? $footprints_answers : array( array( 'status' => 500 ) );
$footprints_answer      = $footprints_answers[ min( $footprints_completions, count( $footprints_answers ) ) - 1 ];
if ( isset( $footprints_answer['content'] ) ) {
	return footprints_ai_answer(
		200,
		(string) json_encode(
			array(
				'id'      => 'chatcmpl-footprints-' . $footprints_completions,
				'object'  => 'chat.completion',
				'created' => time(),
				'model'   => 'footprints-test-model',
				'choices' => array(
					array(
						'index'         => 0,
						'message'       => array(
							'role'    => 'assistant',
							'content' => (string) $footprints_answer['content'],
						),
						'finish_reason' => 'stop',
					),
				),
				'usage'   => array(
					'prompt_tokens'     => 1,
					'completion_tokens' => 1,
					'total_tokens'      => 2,
				),
			)
		)
	);
}
if ( isset( $footprints_answer['error'] ) ) {
	return footprints_ai_error( (int) ( $footprints_answer['status'] ?? 500 ), (string) $footprints_answer['error'], 'server_error' );
}
return footprints_ai_answer( (int) ( $footprints_answer['status'] ?? 500 ), (string) ( $footprints_answer['body'] ?? '' ) );
