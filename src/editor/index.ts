/**
 * Editor-wide pieces of Footprints, loaded in the block editor.
 */

/**
 * Internal dependencies
 */
import './tracking-panel';
