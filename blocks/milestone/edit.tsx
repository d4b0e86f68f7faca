/**
 * WordPress dependencies
 */
import { useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import TrackingControls from '../../src/editor/tracking-controls';
import type { TrackingSettings } from '../../src/editor/types';

// A milestone has nothing to click or submit.
const MILESTONE_TRIGGERS = [ 'view', 'load' ] as const;

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< TrackingSettings > ) {
	const { event, on } = attributes;
	const when =
		on === 'load'
			? __( 'when the page loads', 'footprints' )
			: __( 'when visitors reach this point', 'footprints' );

	return (
		<>
			<TrackingControls
				value={ attributes }
				onChange={ setAttributes }
				triggers={ MILESTONE_TRIGGERS }
			/>
			<div { ...useBlockProps() }>
				{ event
					? sprintf(
							/* translators: 1: event code, 2: when it is sent. */
							__( 'Milestone: sends %1$s %2$s', 'footprints' ),
							event,
							when
						)
					: __(
							'Milestone: choose the event to send in the block settings',
							'footprints'
						) }
			</div>
		</>
	);
}
