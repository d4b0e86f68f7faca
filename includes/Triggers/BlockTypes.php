<?php
/**
 * BlockTypes.
 *
 * @package Footprints
 */

namespace Footprints\Triggers;

use Footprints\Hookable;

/**
 * Registers the plugin's block types (Track event, Milestone) from the
 * metadata that the build writes, so block.json stays the only place their
 * attributes are declared.
 */
final class BlockTypes implements Hookable {

	/**
	 * Registers on init.
	 */
	public function hook(): void {
		add_action( 'init', array( $this, 'register' ) );
	}

	/**
	 * Registers every block the build copied to build/ in one call.
	 */
	public function register(): void {
		$manifest = FOOTPRINTS_DIR . '/build/blocks-manifest.php';
		// Not built yet: `npm run build`.
		if ( ! is_file( $manifest ) ) {
			return;
		}
		wp_register_block_types_from_metadata_collection( FOOTPRINTS_DIR . '/build', $manifest );
	}
}
