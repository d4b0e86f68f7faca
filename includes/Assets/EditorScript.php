<?php
/**
 * EditorScript.
 *
 * @package Footprints
 */

namespace Footprints\Assets;

use Footprints\Capabilities;
use Footprints\Hookable;

/**
 * The editor bundle: the plugin's blocks, the definitions store, the event
 * picker and the Event tracking panel on core blocks. Registered early,
 * because block.json names it (editorScript and editorStyle) by its handle.
 */
final class EditorScript implements Hookable {

	public const HANDLE = 'footprints-editor';

	/**
	 * Registers before the blocks are, and loads it in every block editor.
	 */
	public function hook(): void {
		add_action( 'init', array( $this, 'register' ), 5 );
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue' ) );
	}

	/**
	 * Registers build/editor/index.js and its stylesheet.
	 */
	public function register(): void {
		BuiltAsset::register( 'editor/index', self::HANDLE, array( 'wp-components' ) );
	}

	/**
	 * The core-block panel is needed even in a post without our blocks.
	 * Whether this user may read insights goes with it, so the editor asks
	 * for event counts only when the answer can be anything but a 403.
	 */
	public function enqueue(): void {
		wp_enqueue_script( self::HANDLE );
		wp_enqueue_style( self::HANDLE );
		wp_add_inline_script(
			self::HANDLE,
			'window.footprintsEditor = ' . wp_json_encode( array( 'canViewInsights' => Capabilities::current_user_views_insights() ) ) . ';',
			'before'
		);
	}
}
