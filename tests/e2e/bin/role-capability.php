<?php
/**
 * Grants a capability to a role of the test site, or takes it back, as a
 * role editor plugin would: WordPress has no REST route for roles. Roles
 * are stored in the database, so a test that grants takes back after.
 *
 * Usage: php role-capability.php WP_DIR URL ROLE CAPABILITY grant|revoke
 *
 * @package Footprints
 */

require dirname( __DIR__, 3 ) . '/bin/wp/cli-load.php';
require $footprints_wp_dir . '/wp-load.php';

$footprints_role = get_role( (string) ( $argv[3] ?? '' ) );
$footprints_cap  = (string) ( $argv[4] ?? '' );
$footprints_how  = (string) ( $argv[5] ?? '' );
if ( null === $footprints_role || '' === $footprints_cap || ! in_array( $footprints_how, array( 'grant', 'revoke' ), true ) ) {
	fwrite( STDERR, "Usage: php role-capability.php WP_DIR URL ROLE CAPABILITY grant|revoke (ROLE must exist)\n" );
	exit( 2 );
}
if ( 'grant' === $footprints_how ) {
	$footprints_role->add_cap( $footprints_cap );
} else {
	$footprints_role->remove_cap( $footprints_cap );
}
echo wp_json_encode( array( $footprints_role->name => $footprints_role->has_cap( $footprints_cap ) ) ), "\n";
