/**
 * Editor-wide pieces of Footprints, loaded in the block editor.
 */

/**
 * Internal dependencies
 */
import './store';
import './tracking-panel';
import './pre-publish-check';
import './editor.scss';
