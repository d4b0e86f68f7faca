<?php
/**
 * ConfigFile.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * The compiled collector config as a PHP file that returns an array: the
 * fast collector includes it, so opcache keeps it in memory. It is written
 * to a temporary name and renamed over the old one, so a collector never
 * reads half a file. Plain PHP.
 */
final class ConfigFile {

	/**
	 * Constructor.
	 *
	 * @param string $path The file.
	 */
	public function __construct( private string $path ) {}

	/**
	 * Writes the config atomically. Returns whether it was written.
	 *
	 * @param array<string, mixed> $config The config.
	 */
	public function write( array $config ): bool {
		$temporary = $this->path . '.' . bin2hex( random_bytes( 6 ) ) . '.tmp';
		$source    = "<?php\n// Compiled by Footprints from the event definitions; rewritten whenever they change. Do not edit.\nreturn " . var_export( $config, true ) . ";\n"; // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- var_export writes the PHP array opcache caches.
		// phpcs:disable WordPress.WP.AlternativeFunctions -- plain PHP: the fast collector reads this without WordPress.
		if ( false === file_put_contents( $temporary, $source ) || ! rename( $temporary, $this->path ) ) {
			@unlink( $temporary ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- it may not exist.
			return false;
		}
		// phpcs:enable
		if ( function_exists( 'opcache_invalidate' ) ) {
			opcache_invalidate( $this->path, true );
		}
		return true;
	}

	/**
	 * The config, or null when none was compiled yet.
	 *
	 * @return array<string, mixed>|null
	 */
	public function read(): ?array {
		if ( ! is_file( $this->path ) ) {
			return null;
		}
		$config = include $this->path;
		return is_array( $config ) ? $config : null;
	}
}
