<?php
/**
 * BuiltAsset.
 *
 * @package Footprints
 */

namespace Footprints\Assets;

/**
 * A script that `npm run build` wrote to build/, with the dependencies and
 * version the build computed (its index.asset.php).
 */
final class BuiltAsset {

	/**
	 * Constructor.
	 *
	 * @param non-empty-string        $url          Script URL.
	 * @param array<non-empty-string> $dependencies Script handles or module IDs it needs.
	 * @param string                  $version      Content hash, for cache busting.
	 */
	private function __construct( public readonly string $url, public readonly array $dependencies, public readonly string $version ) {}

	/**
	 * The built script at build/$name.js, or null when the plugin has not
	 * been built yet (a source checkout before `npm run build`).
	 *
	 * @param string $name Path under build/ without ".js", e.g. "editor/index".
	 */
	public static function load( string $name ): ?self {
		$asset_file = FOOTPRINTS_DIR . "/build/$name.asset.php";
		if ( ! is_file( $asset_file ) ) {
			return null;
		}
		/**
		 * What the build wrote.
		 *
		 * @var array{dependencies: array<non-empty-string>, version: string} $asset
		 */
		$asset = require $asset_file;
		/**
		 * A plugin file's URL is never empty.
		 *
		 * @var non-empty-string $url
		 */
		$url = plugins_url( "build/$name.js", FOOTPRINTS_FILE );
		return new self( $url, $asset['dependencies'], $asset['version'] );
	}

	/**
	 * Registers the built script (footer, translatable) and its stylesheet,
	 * when the build wrote one, under one handle. Returns whether it could:
	 * before the first build there is nothing to register.
	 *
	 * @param string           $name       Path under build/ without ".js", e.g. "editor/index".
	 * @param non-empty-string $handle     Handle for both the script and the style.
	 * @param string[]         $style_deps Stylesheets the style builds on.
	 */
	public static function register( string $name, string $handle, array $style_deps = array() ): bool {
		$script = self::load( $name );
		if ( ! $script ) {
			return false;
		}
		wp_register_script( $handle, $script->url, $script->dependencies, $script->version, true );
		wp_set_script_translations( $handle, 'footprints' );
		if ( is_file( FOOTPRINTS_DIR . "/build/$name.css" ) ) {
			wp_register_style( $handle, plugins_url( "build/$name.css", FOOTPRINTS_FILE ), $style_deps, $script->version );
			wp_style_add_data( $handle, 'rtl', 'replace' );
		}
		return true;
	}

	/**
	 * Registers and enqueues the built script and its stylesheet.
	 *
	 * @param string           $name       Path under build/ without ".js".
	 * @param non-empty-string $handle     Handle for both the script and the style.
	 * @param string[]         $style_deps Stylesheets the style builds on.
	 */
	public static function enqueue( string $name, string $handle, array $style_deps = array() ): void {
		if ( self::register( $name, $handle, $style_deps ) ) {
			wp_enqueue_script( $handle );
			wp_enqueue_style( $handle );
		}
	}
}
