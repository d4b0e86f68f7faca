/**
 * The "Event tracking" panel on core blocks: lets an editor track a
 * button, image, heading… without wrapping it in a Track event block.
 * Settings are stored in a `footprints` block attribute, which the server
 * renders onto the block's outer element (includes/Triggers/TrackingPanel.php).
 */

/**
 * WordPress dependencies
 */
import type { BlockConfiguration } from '@wordpress/blocks';
import { createHigherOrderComponent } from '@wordpress/compose';
import { addFilter } from '@wordpress/hooks';
import type { ComponentType } from 'react';

/**
 * Internal dependencies
 */
import SUPPORTED_BLOCKS from '../../data/supported-blocks.json';
import TrackingControls from './tracking-controls';
import type { TrackingSettings } from './types';

export const TRACKING_ATTRIBUTE = 'footprints';

const EMPTY: TrackingSettings = { event: '', on: 'click', attrs: {} };

function isSupported( name: string ): boolean {
	return SUPPORTED_BLOCKS.includes( name );
}

function addTrackingAttribute(
	settings: BlockConfiguration,
	name: string
): BlockConfiguration {
	if ( ! isSupported( name ) ) {
		return settings;
	}
	return {
		...settings,
		attributes: {
			...settings.attributes,
			[ TRACKING_ATTRIBUTE ]: { type: 'object' },
		},
	};
}

interface BlockEditProps {
	name: string;
	isSelected: boolean;
	attributes: Record< string, unknown >;
	setAttributes: ( attributes: Record< string, unknown > ) => void;
}

const withTrackingPanel = createHigherOrderComponent(
	( BlockEdit: ComponentType< BlockEditProps > ) =>
		function TrackingPanel( props: BlockEditProps ) {
			if ( ! isSupported( props.name ) || ! props.isSelected ) {
				return <BlockEdit { ...props } />;
			}
			const stored = props.attributes[ TRACKING_ATTRIBUTE ] as
				Partial< TrackingSettings > | undefined;
			const value = { ...EMPTY, ...stored };
			return (
				<>
					<BlockEdit { ...props } />
					<TrackingControls
						value={ value }
						initialOpen={ !! value.event }
						onChange={ ( next ) =>
							props.setAttributes( {
								[ TRACKING_ATTRIBUTE ]: next.event
									? next
									: undefined,
							} )
						}
					/>
				</>
			);
		},
	'withTrackingPanel'
);

addFilter(
	'blocks.registerBlockType',
	'footprints/tracking-attribute',
	addTrackingAttribute
);
addFilter( 'editor.BlockEdit', 'footprints/tracking-panel', withTrackingPanel );
