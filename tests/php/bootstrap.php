<?php
/**
 * Loads the real WordPress of the test instance (bin/wp-up test) against
 * its own PHPUnit database, which bin/test-php recreates and installs
 * before each run. No WordPress function is mocked.
 *
 * @package Footprints
 */

$footprints_wp_dir = getenv( 'FOOTPRINTS_WP_DIR' );
if ( ! $footprints_wp_dir || ! is_file( $footprints_wp_dir . '/wp-load.php' ) ) {
	fwrite( STDERR, "FOOTPRINTS_WP_DIR must name a WordPress installed by bin/wp-up; run the PHP tests with `npm run test:php`.\n" );
	exit( 1 );
}

$footprints_url            = (string) getenv( 'FOOTPRINTS_WP_URL' );
$_SERVER['HTTP_HOST']      = (string) parse_url( $footprints_url, PHP_URL_HOST ) . ':' . (string) parse_url( $footprints_url, PHP_URL_PORT );
$_SERVER['SERVER_NAME']    = (string) parse_url( $footprints_url, PHP_URL_HOST );
$_SERVER['REQUEST_URI']    = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';

// PHPUnit includes this file inside a method, so variables that WordPress
// sets at file level would be local here; declare them global first, as
// WordPress' own test bootstrap does.
global $wpdb, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $phpmailer, $wp_theme_directories;
require_once $footprints_wp_dir . '/wp-load.php';
require_once dirname( __DIR__, 2 ) . '/vendor/autoload.php';

if ( ! is_plugin_active( 'footprints/plugin.php' ) && ! function_exists( 'Footprints\plugin' ) ) {
	fwrite( STDERR, "Footprints is not active in the PHPUnit database.\n" );
	exit( 1 );
}

// The test AI provider `footprints-test` (tests/ai-provider), registered
// without an API key: a test gives it one (TestProvider::use_api_key) and
// starts its loopback server (AiServer) when it drafts.
require_once dirname( __DIR__ ) . '/ai-provider/load.php';
Footprints\Tests\AiProvider\register();
