<?php
/**
 * Router for PHP's built-in server: real files (and folders with an
 * index.php, such as /wp-admin/) are served as they are; every other path
 * goes to WordPress' front controller, which gives pretty permalinks and
 * /wp-json/ without Apache's rewrite rules.
 *
 * @package Footprints
 */

$footprints_root = $_SERVER['DOCUMENT_ROOT'];
$footprints_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$footprints_file = $footprints_root . $footprints_path;

// The e2e tests play a host that refuses PHP files in plugin folders (as
// many do) by creating this file; the fast collector's self-test must then
// fail and the client fall back to the REST route.
if ( is_file( $footprints_root . '/.footprints-block-plugin-php' ) && preg_match( '#^/wp-content/plugins/.+\.php$#', $footprints_path ) ) {
	http_response_code( 403 );
	echo 'Forbidden';
	return true;
}

if ( '/' !== $footprints_path && ( is_file( $footprints_file ) || is_file( rtrim( $footprints_file, '/' ) . '/index.php' ) ) ) {
	return false;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $footprints_root . '/index.php';
chdir( $footprints_root );
require $footprints_root . '/index.php';
