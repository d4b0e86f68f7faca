/**
 * WordPress dependencies
 */
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import metadata from './block.json';
import Edit from './edit';
import save from './save';
import type { TrackAttributes } from './types';
import './editor.scss';

registerBlockType< TrackAttributes >(
	metadata as BlockConfiguration< TrackAttributes >,
	{ edit: Edit, save }
);
