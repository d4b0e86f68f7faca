<?php
/**
 * EditorScript.
 *
 * @package Footprints
 */

namespace Footprints\Assets;

use Footprints\Hookable;

/**
 * Loads the editor-wide script (the Event tracking panel on core blocks) in
 * the block editor, with the dependencies the build computed.
 */
final class EditorScript implements Hookable {

	public const HANDLE = 'footprints-editor';

	/**
	 * Enqueues with the editor's assets.
	 */
	public function hook(): void {
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue' ) );
	}

	/**
	 * Enqueues build/editor/index.js.
	 */
	public function enqueue(): void {
		$asset_file = FOOTPRINTS_DIR . '/build/editor/index.asset.php';
		// Not built yet: `npm run build`.
		if ( ! is_file( $asset_file ) ) {
			return;
		}
		$asset = require $asset_file;
		wp_enqueue_script( self::HANDLE, plugins_url( 'build/editor/index.js', FOOTPRINTS_FILE ), $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( self::HANDLE, 'footprints' );
	}
}
