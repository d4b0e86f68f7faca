<?php
/**
 * The fast collector: receives event batches like footprints/v1/collect,
 * without loading WordPress (thousands of batches a second instead of a
 * hundred), and appends them to a buffer the drain moves into the events
 * table. The client is given this URL only when the self-test found it
 * working on this host; otherwise it uses the REST route.
 *
 * It finds its site's folder (wp-content/footprints/site-N) three folders
 * above its own URL path, or in FOOTPRINTS_CONTENT_DIR when the server
 * sets that environment variable.
 *
 * @package Footprints
 */

// phpcs:disable WordPress.Security.NonceVerification, WordPress.Security.ValidatedSanitizedInput -- no WordPress here: the body is validated by BatchValidator, the site number by ctype_digit.
require __DIR__ . '/includes/Collector/no-wordpress.php';
require __DIR__ . '/includes/autoload.php';

header( 'Content-Type: application/json; charset=UTF-8' );
header( 'Access-Control-Allow-Origin: *' );
header( 'Cache-Control: no-store' );
header( 'X-Footprints-Collector: fast' );

try {
	$footprints_site    = isset( $_GET['site'] ) && is_string( $_GET['site'] ) && ctype_digit( $_GET['site'] ) ? (int) $_GET['site'] : 1;
	$footprints_content = getenv( 'FOOTPRINTS_CONTENT_DIR' );
	$footprints_content = $footprints_content ? $footprints_content : dirname( (string) $_SERVER['SCRIPT_FILENAME'], 3 );
	$footprints_answer  = ( new Footprints\Collector\FastCollector(
		Footprints\Collector\DataDir::for_site( $footprints_content, $footprints_site ),
		Footprints\Collector\Buffer::node_name()
	) )->handle(
		$_SERVER,
		static fn( int $bytes ): string => (string) file_get_contents( 'php://input', false, null, 0, $bytes ) // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- the request body.
	);
} catch ( Throwable $footprints_error ) {
	// Whatever went wrong, the sender keeps its events and tries again.
	error_log( 'Footprints fast collector: ' . $footprints_error->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- no WordPress logger here.
	$footprints_answer = array(
		'status'  => 503,
		'headers' => array( 'Retry-After' => '30' ),
		'body'    => ( new Footprints\Collector\Refusal( 503, 'footprints_unavailable', 'The collector failed; send the same batch again shortly.' ) )->body(),
	);
}

http_response_code( $footprints_answer['status'] );
foreach ( $footprints_answer['headers'] as $footprints_name => $footprints_value ) {
	header( $footprints_name . ': ' . $footprints_value );
}
if ( 204 === $footprints_answer['status'] ) {
	exit;
}
echo json_encode( $footprints_answer['body'], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode, WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON answer, no WordPress.
