<?php
/**
 * Removes from the release zip what .distignore leaves out.
 *
 * `wp-scripts plugin-zip` packs the "files" of package.json, and npm's
 * file list always adds package.json and README.md: this takes them (and
 * anything else .distignore names) back out, so the zip holds only what
 * runs on a site. Prints what it removed and what the zip holds. Refuses a
 * release whose versions differ (plugin header, FOOTPRINTS_VERSION,
 * readme.txt's Stable tag, package.json).
 *
 * Usage: php bin/plugin-zip-prune.php footprints.zip
 *
 * @package Footprints
 */

$footprints_root = dirname( __DIR__ );

// A release says one version everywhere a site or a directory reads it.
$footprints_versions = array(
	'plugin.php header'     => preg_match( '/^\s*\*\s*Version:\s*(\S+)/m', (string) file_get_contents( $footprints_root . '/plugin.php' ), $footprints_match ) ? $footprints_match[1] : '',
	'FOOTPRINTS_VERSION'    => preg_match( "/define\( 'FOOTPRINTS_VERSION', '([^']+)' \)/", (string) file_get_contents( $footprints_root . '/plugin.php' ), $footprints_match ) ? $footprints_match[1] : '',
	'readme.txt Stable tag' => preg_match( '/^Stable tag:\s*(\S+)/m', (string) file_get_contents( $footprints_root . '/readme.txt' ), $footprints_match ) ? $footprints_match[1] : '',
	'package.json version'  => (string) ( json_decode( (string) file_get_contents( $footprints_root . '/package.json' ), true )['version'] ?? '' ),
);
if ( 1 !== count( array_unique( $footprints_versions ) ) ) {
	// No zip rather than one that says two versions.
	unlink( $argv[1] ?? 'footprints.zip' );
	fwrite( STDERR, "The versions differ, so there is no zip; make them equal:\n" );
	foreach ( $footprints_versions as $footprints_where => $footprints_version ) {
		fwrite( STDERR, "  $footprints_where: $footprints_version\n" );
	}
	exit( 1 );
}
$footprints_file = $argv[1] ?? 'footprints.zip';
$footprints_zip  = new ZipArchive();
if ( true !== $footprints_zip->open( $footprints_file ) ) {
	fwrite( STDERR, "Cannot open $footprints_file: run wp-scripts plugin-zip first.\n" );
	exit( 1 );
}

$footprints_patterns = array();
foreach ( file( $footprints_root . '/.distignore', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $footprints_line ) {
	if ( '#' !== $footprints_line[0] ) {
		$footprints_patterns[] = $footprints_line;
	}
}

$footprints_removed = array();
for ( $footprints_index = $footprints_zip->count() - 1; $footprints_index >= 0; $footprints_index-- ) {
	$footprints_name = (string) $footprints_zip->getNameIndex( $footprints_index );
	// Entries sit under the plugin's folder, e.g. footprints/README.md.
	$footprints_path = substr( $footprints_name, (int) strpos( $footprints_name, '/' ) );
	foreach ( $footprints_patterns as $footprints_pattern ) {
		$footprints_hit = '/' === $footprints_pattern[0]
			? ( $footprints_path === $footprints_pattern || str_starts_with( $footprints_path, $footprints_pattern . '/' ) )
			: fnmatch( $footprints_pattern, basename( $footprints_path ) );
		if ( $footprints_hit ) {
			$footprints_zip->deleteIndex( $footprints_index );
			$footprints_removed[] = $footprints_name;
			break;
		}
	}
}
$footprints_count = $footprints_zip->count() - count( $footprints_removed );
$footprints_zip->close();

clearstatcache();
printf(
	"Removed what .distignore leaves out: %s\n%s: %d files, %s bytes\n",
	$footprints_removed ? implode( ', ', array_reverse( $footprints_removed ) ) : 'nothing',
	$footprints_file,
	$footprints_count,
	number_format( (int) filesize( $footprints_file ) )
);
