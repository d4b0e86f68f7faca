/**
 * WordPress dependencies
 */
import {
	InnerBlocks,
	InspectorControls,
	useBlockProps,
} from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { PanelBody, SelectControl, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { TRIGGERS, type Trigger } from '../../src/shared/types';
import type { TrackAttributes } from './types';

const TRIGGER_LABELS: Record< Trigger, string > = {
	click: __( 'Click', 'footprints' ),
	submit: __( 'Form submit', 'footprints' ),
	view: __( 'Scrolled into view', 'footprints' ),
	load: __( 'Page load', 'footprints' ),
};

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< TrackAttributes > ) {
	const { event, on } = attributes;
	const blockProps = useBlockProps( {
		'data-footprints-label': event || __( 'No event', 'footprints' ),
	} );

	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Event tracking', 'footprints' ) }>
					<TextControl
						__next40pxDefaultSize
						label={ __( 'Event code', 'footprints' ) }
						help={ __(
							'The code of a Footprints event, such as trial_click.',
							'footprints'
						) }
						value={ event }
						onChange={ ( value ) =>
							setAttributes( { event: value.trim() } )
						}
					/>
					<SelectControl< Trigger >
						__next40pxDefaultSize
						label={ __( 'Send it on', 'footprints' ) }
						value={ on }
						options={ TRIGGERS.map( ( value ) => ( {
							value,
							label: TRIGGER_LABELS[ value ],
						} ) ) }
						onChange={ ( value ) => setAttributes( { on: value } ) }
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				<InnerBlocks />
			</div>
		</>
	);
}
