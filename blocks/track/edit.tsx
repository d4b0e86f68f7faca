/**
 * WordPress dependencies
 */
import { InnerBlocks, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import TrackingControls from '../../src/editor/tracking-controls';
import type { TrackAttributes } from './types';

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< TrackAttributes > ) {
	const blockProps = useBlockProps( {
		'data-footprints-label':
			attributes.event || __( 'No event', 'footprints' ),
	} );

	return (
		<>
			<TrackingControls value={ attributes } onChange={ setAttributes } />
			<div { ...blockProps }>
				<InnerBlocks />
			</div>
		</>
	);
}
