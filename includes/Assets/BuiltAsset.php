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
	 * @param string   $url          Script URL.
	 * @param string[] $dependencies Script handles or module IDs it needs.
	 * @param string   $version      Content hash, for cache busting.
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
		$asset = require $asset_file;
		return new self( plugins_url( "build/$name.js", FOOTPRINTS_FILE ), $asset['dependencies'], $asset['version'] );
	}
}
