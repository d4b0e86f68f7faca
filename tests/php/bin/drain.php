<?php
/**
 * Runs one drain of the PHPUnit site in its own process, optionally killed
 * (SIGKILL, as a crash would) right after a step: the drain resume test.
 *
 * Usage: php drain.php [claimed|read|written|committed|deleted]
 *
 * @package Footprints
 */

$footprints_url            = (string) getenv( 'FOOTPRINTS_WP_URL' );
$_SERVER['HTTP_HOST']      = (string) parse_url( $footprints_url, PHP_URL_HOST ) . ':' . (string) parse_url( $footprints_url, PHP_URL_PORT );
$_SERVER['REQUEST_URI']    = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
require getenv( 'FOOTPRINTS_WP_DIR' ) . '/wp-load.php';

if ( getenv( 'FOOTPRINTS_TEST_USE_REDIS' ) ) {
	require_once dirname( __DIR__ ) . '/TestServers.php';
	add_filter( 'footprints_redis_settings', array( Footprints\Tests\TestServers::class, 'redis_settings' ) );
}

$footprints_kill_at = $argv[1] ?? '';
add_action(
	'footprints_drain_step',
	static function ( string $step ) use ( $footprints_kill_at ): void {
		if ( $step === $footprints_kill_at ) {
			posix_kill( getmypid(), SIGKILL );
		}
	}
);
echo wp_json_encode( Footprints\plugin()->drainer()->drain() );
