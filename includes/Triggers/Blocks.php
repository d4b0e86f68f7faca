<?php
/**
 * Blocks.
 *
 * @package Footprints
 */

namespace Footprints\Triggers;

use Footprints\Hookable;

/**
 * Registers the plugin's blocks from the metadata that the build writes,
 * so block.json stays the only place their attributes are declared.
 */
final class Blocks implements Hookable {

	/**
	 * Registers on init.
	 */
	public function hook(): void {
		add_action( 'init', array( $this, 'register' ) );
	}

	/**
	 * Registers every block of build/blocks in one call.
	 */
	public function register(): void {
		$manifest = FOOTPRINTS_DIR . '/build/blocks/blocks-manifest.php';
		if ( ! is_file( $manifest ) ) {
			return;
			// Not built yet: `npm run build`.
		}
		wp_register_block_types_from_metadata_collection( FOOTPRINTS_DIR . '/build/blocks', $manifest );
	}
}
