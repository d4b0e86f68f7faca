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
		$script = BuiltAsset::load( 'editor/index' );
		if ( $script ) {
			wp_enqueue_script( self::HANDLE, $script->url, $script->dependencies, $script->version, true );
			wp_set_script_translations( self::HANDLE, 'footprints' );
		}
	}
}
