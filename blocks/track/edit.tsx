/**
 * WordPress dependencies
 */
import {
	InnerBlocks,
	InspectorControls,
	useBlockProps,
} from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { PanelBody } from '@wordpress/components';
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
			<InspectorControls>
				<PanelBody title={ __( 'Event tracking', 'footprints' ) }>
					<TrackingControls
						value={ attributes }
						onChange={ setAttributes }
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				<InnerBlocks />
			</div>
		</>
	);
}
