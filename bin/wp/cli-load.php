<?php
/**
 * Loads the WordPress of one local instance from the command line, as if
 * requested at its URL (the host decides which site WordPress thinks it is).
 * Required by the bin/wp scripts: `php script.php WP_DIR URL ...`.
 *
 * @package Footprints
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

$footprints_wp_dir = $argv[1];
$footprints_url    = $argv[2];

$footprints_parts          = parse_url( $footprints_url );
$_SERVER['HTTP_HOST']      = $footprints_parts['host'] . ( isset( $footprints_parts['port'] ) ? ':' . $footprints_parts['port'] : '' );
$_SERVER['REQUEST_URI']    = '/';
$_SERVER['SERVER_NAME']    = $footprints_parts['host'];
$_SERVER['SERVER_PORT']    = $footprints_parts['port'] ?? 80;
$_SERVER['REQUEST_METHOD'] = 'GET';
