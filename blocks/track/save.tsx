/**
 * WordPress dependencies
 */
import { InnerBlocks } from '@wordpress/block-editor';

/**
 * Only the wrapped blocks are saved: render.php adds the wrapper and the
 * tracking attributes, so changing the markup contract needs no deprecation.
 */
export default function save() {
	return <InnerBlocks.Content />;
}
