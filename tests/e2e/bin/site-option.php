<?php
/**
 * Sets an option of the test site that WordPress' REST API does not
 * expose (e.g. users_can_register, "Anyone can register"). A test that
 * sets one sets it back after.
 *
 * Usage: php site-option.php WP_DIR URL NAME VALUE
 *
 * @package Footprints
 */

require dirname( __DIR__, 3 ) . '/bin/wp/cli-load.php';
require $footprints_wp_dir . '/wp-load.php';

$footprints_name = (string) ( $argv[3] ?? '' );
if ( '' === $footprints_name || ! isset( $argv[4] ) ) {
	fwrite( STDERR, "Usage: php site-option.php WP_DIR URL NAME VALUE\n" );
	exit( 2 );
}
update_option( $footprints_name, (string) $argv[4] );
echo wp_json_encode( array( $footprints_name => get_option( $footprints_name ) ) ), "\n";
