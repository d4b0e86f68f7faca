<?php
/**
 * The connected site's side of `npm run bench:sync`: connects to the hub,
 * times a full sync and an unchanged one, and prints JSON figures.
 *   php bench-site.php WP_DIR URL HUB_URL APP_ID API_KEY
 *   php bench-site.php WP_DIR URL --embedded      (back to its own backend)
 *
 * @package Footprints
 */

// Sets up the request WordPress believes it serves (the instance's URL).
require __DIR__ . '/cli-load.php';
require $footprints_wp_dir . '/wp-load.php';

$footprints_plugin = Footprints\plugin();
if ( '--embedded' === $argv[3] ) {
	$footprints_plugin->backend_settings()->save( array( 'mode' => 'embedded' ) );
	exit( 0 );
}
$footprints_plugin->backend_settings()->save(
	array(
		'mode'   => 'remote',
		'url'    => $argv[3],
		'app_id' => $argv[4],
	),
	$argv[5]
);
delete_option( Footprints\Backend\SyncStatus::ETAG_OPTION );

/**
 * Runs one sync and measures it.
 *
 * @return array<string, mixed>
 */
function footprints_bench_sync(): array {
	$definitions = Footprints\plugin()->definitions();
	$revision    = $definitions->revision();
	$started     = microtime( true );
	// Confirmed: the test site may have history the hub lacks (kept, disabled).
	$status = Footprints\plugin()->syncer()->sync( true );
	$ms     = ( microtime( true ) - $started ) * 1000;
	if ( is_wp_error( $status ) ) {
		fwrite( STDERR, $status->get_error_message() . "\n" );
		exit( 1 );
	}
	return array(
		'ms'        => round( $ms ),
		'result'    => $status['result'],
		'added'     => $status['added'],
		'changed'   => $status['changed'],
		'removed'   => $status['removed'],
		// Every write of a definition moves the revision on.
		'revisions' => $definitions->revision() - $revision,
	);
}

echo wp_json_encode(
	array(
		'full'      => footprints_bench_sync(),
		'unchanged' => footprints_bench_sync(),
	)
);
