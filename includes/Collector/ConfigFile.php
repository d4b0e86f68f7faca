<?php
/**
 * ConfigFile.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * The compiled collector config as a PHP file that returns an array: the
 * fast collector includes it, so opcache keeps it in memory. Each version
 * gets its own name (from its content), and a small pointer file names
 * the current one: opcache may keep a file's old content for a couple of
 * seconds after it changes, and opcache_invalidate() from WP-CLI or cron
 * does not reach the web server's cache, but a new name is never stale.
 * Both are written under a temporary name and renamed, so a collector
 * never reads half a file. Plain PHP.
 */
final class ConfigFile {

	// A collector that read the pointer just before a rewrite may still
	// include the version before: keep replaced versions this long.
	private const KEEP_SECONDS = 60;

	/**
	 * Constructor.
	 *
	 * @param string $dir The site's collector folder.
	 */
	public function __construct( private string $dir ) {}

	/**
	 * Writes the config atomically. Returns whether it was written.
	 *
	 * @param array<string, mixed> $config The config.
	 */
	public function write( array $config ): bool {
		$source = "<?php\n// Compiled by Footprints from the event definitions; rewritten whenever they change. Do not edit.\nreturn " . var_export( $config, true ) . ";\n"; // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- var_export writes the PHP array opcache caches.
		$name   = 'collector-config-' . substr( hash( 'sha256', $source ), 0, 16 ) . '.php';
		if ( ! self::put( $this->dir . '/' . $name, $source ) || ! self::put( $this->pointer(), $name ) ) {
			return false;
		}
		foreach ( (array) glob( $this->dir . '/collector-config-*.php' ) as $old ) {
			if ( basename( (string) $old ) !== $name && (int) filemtime( (string) $old ) < time() - self::KEEP_SECONDS ) {
				@unlink( (string) $old ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.unlink_unlink -- another writer may have removed it.
			}
		}
		return true;
	}

	/**
	 * The config, or null when none was compiled yet.
	 *
	 * @return array<string, mixed>|null
	 */
	public function read(): ?array {
		$name = @file_get_contents( $this->pointer() ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- plain PHP; missing means not compiled yet.
		if ( ! is_string( $name ) || ! preg_match( '/^collector-config-[0-9a-f]{16}\.php$/D', $name ) || ! is_file( $this->dir . '/' . $name ) ) {
			return null;
		}
		$config = include $this->dir . '/' . $name;
		return is_array( $config ) ? $config : null;
	}

	/**
	 * The file naming the current version.
	 */
	private function pointer(): string {
		return $this->dir . '/collector-config.current';
	}

	/**
	 * Writes a file under a temporary name, then renames it into place.
	 *
	 * @param string $path    Final path.
	 * @param string $content Content.
	 */
	private static function put( string $path, string $content ): bool {
		$temporary = $path . '.' . bin2hex( random_bytes( 6 ) ) . '.tmp';
		// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.PHP.NoSilencedErrors.Discouraged -- plain PHP: the fast collector reads this without WordPress.
		if ( false === @file_put_contents( $temporary, $content ) || ! @rename( $temporary, $path ) ) {
			@unlink( $temporary );
			return false;
		}
		// phpcs:enable
		return true;
	}
}
