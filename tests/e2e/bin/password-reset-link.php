<?php
/**
 * Prints the set-password link WordPress emails a user (there is no mail
 * here: bin/wp/local-environment.php only logs the subject), made the way
 * WordPress makes it, so a test can follow it as the user would.
 *
 * Usage: php password-reset-link.php WP_DIR URL LOGIN
 *
 * @package Footprints
 */

require dirname( __DIR__, 3 ) . '/bin/wp/cli-load.php';
require $footprints_wp_dir . '/wp-load.php';

$footprints_user = get_user_by( 'login', (string) ( $argv[3] ?? '' ) );
if ( ! $footprints_user ) {
	fwrite( STDERR, "Usage: php password-reset-link.php WP_DIR URL LOGIN (LOGIN must exist)\n" );
	exit( 2 );
}
$footprints_key = get_password_reset_key( $footprints_user );
if ( is_wp_error( $footprints_key ) ) {
	fwrite( STDERR, $footprints_key->get_error_message() . "\n" );
	exit( 1 );
}
echo network_site_url( 'wp-login.php?action=rp&key=' . $footprints_key . '&login=' . rawurlencode( $footprints_user->user_login ), 'login' ), "\n";
