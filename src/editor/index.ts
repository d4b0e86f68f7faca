/**
 * The editor bundle: the plugin's blocks and the editor-wide pieces, built
 * together so the definitions store and the controls exist once.
 */

/**
 * Internal dependencies
 */
import './store';
import '../../blocks/track';
import '../../blocks/milestone';
import './tracking-panel';
import './pre-publish-check';
import './editor.scss';
