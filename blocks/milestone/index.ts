/**
 * WordPress dependencies
 */
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import type { TrackingSettings } from '../../src/editor/types';
import metadata from './block.json';
import Edit from './edit';
import './editor.scss';

// Dynamic: nothing is saved, render.php prints the marker.
registerBlockType< TrackingSettings >(
	metadata as BlockConfiguration< TrackingSettings >,
	{ edit: Edit, save: () => null }
);
