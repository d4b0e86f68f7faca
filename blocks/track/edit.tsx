/**
 * WordPress dependencies
 */
import { InnerBlocks, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { canvasCountText } from '../../src/editor/event-count';
import EventStatus from '../../src/editor/event-status';
import { useDefinition, useEventCounts } from '../../src/editor/store';
import TrackingControls from '../../src/editor/tracking-controls';
import type { TrackAttributes } from './types';

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< TrackAttributes > ) {
	const { definition } = useDefinition( attributes.event );
	const counts = useEventCounts( attributes.event );
	// The outline and its label show, in the event's color, what is tracked
	// and, to those who may read insights, how often it was lately.
	const blockProps = useBlockProps( {
		'data-footprints-label':
			definition?.name ??
			( attributes.event || __( 'No event', 'footprints' ) ),
		'data-footprints-count': counts
			? canvasCountText( counts.total )
			: undefined,
		style: definition
			? ( {
					'--footprints-color': definition.color,
				} as React.CSSProperties )
			: undefined,
	} );

	return (
		<>
			<TrackingControls value={ attributes } onChange={ setAttributes } />
			<div { ...blockProps }>
				<EventStatus code={ attributes.event } />
				<InnerBlocks />
			</div>
		</>
	);
}
