<?php
/**
 * DataDir.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * Where the collector of one site keeps its compiled config, its buffer
 * and its rate counters: wp-content/footprints/site-N/, found the same way
 * by WordPress (WP_CONTENT_DIR) and by the fast collector (three folders
 * above its own URL path). Every file in it is PHP that exits at once, so
 * a web server that serves the folder shows nothing. Plain PHP.
 */
final class DataDir {

	/**
	 * Constructor.
	 *
	 * @param string $path The site's folder.
	 */
	public function __construct( public readonly string $path ) {}

	/**
	 * The folder of one site.
	 *
	 * @param string $content_dir wp-content.
	 * @param int    $site_id     Site (blog) ID; 1 on a single site.
	 */
	public static function for_site( string $content_dir, int $site_id ): self {
		return new self( rtrim( $content_dir, '/' ) . '/footprints/site-' . $site_id );
	}

	/**
	 * The buffer folder.
	 */
	public function buffer_dir(): string {
		return $this->path . '/buffer';
	}

	/**
	 * The rate counters' folder.
	 */
	public function rate_dir(): string {
		return $this->path . '/rate';
	}

	/**
	 * Creates the folders, each with an empty index.php against listings.
	 */
	public function create(): bool {
		foreach ( array( dirname( $this->path ), $this->path, $this->buffer_dir(), $this->rate_dir() ) as $dir ) {
			if ( ! is_dir( $dir ) && ! @mkdir( $dir, 0755, true ) && ! is_dir( $dir ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_system_operations_mkdir -- failure is returned; the fast collector has no WP_Filesystem.
				return false;
			}
			if ( ! is_file( $dir . '/index.php' ) ) {
				file_put_contents( $dir . '/index.php', "<?php\n// Silence.\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- the fast collector has no WP_Filesystem.
			}
		}
		return true;
	}
}
