/**
 * The inspector controls that choose what an element tracks: the event and
 * the trigger. Shared by the Track event block and the "Event tracking"
 * panel on core blocks, so both behave the same.
 */

/**
 * WordPress dependencies
 */
import { InspectorControls } from '@wordpress/block-editor';
import { PanelBody, SelectControl, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { TRIGGERS, type Trigger } from '../shared/types';
import type { TrackingSettings } from './types';

const TRIGGER_LABELS: Record< Trigger, string > = {
	click: __( 'Click', 'footprints' ),
	submit: __( 'Form submit', 'footprints' ),
	view: __( 'Scrolled into view', 'footprints' ),
	load: __( 'Page load', 'footprints' ),
};

interface Props {
	value: TrackingSettings;
	onChange: ( value: TrackingSettings ) => void;
	/** Triggers that make sense for this element; all by default. */
	triggers?: readonly Trigger[];
	initialOpen?: boolean;
}

/**
 * The "Event tracking" panel in the block inspector.
 * @param props
 * @param props.value
 * @param props.onChange
 * @param props.triggers
 * @param props.initialOpen
 */
export default function TrackingControls( {
	value,
	onChange,
	triggers = TRIGGERS,
	initialOpen = true,
}: Props ) {
	return (
		<InspectorControls>
			<PanelBody
				title={ __( 'Event tracking', 'footprints' ) }
				initialOpen={ initialOpen }
			>
				<TextControl
					__next40pxDefaultSize
					label={ __( 'Event code', 'footprints' ) }
					help={ __(
						'The code of a Footprints event, such as trial_click.',
						'footprints'
					) }
					value={ value.event }
					onChange={ ( event ) =>
						onChange( { ...value, event: event.trim() } )
					}
				/>
				<SelectControl< Trigger >
					__next40pxDefaultSize
					label={ __( 'Send it on', 'footprints' ) }
					value={ value.on }
					options={ triggers.map( ( trigger ) => ( {
						value: trigger,
						label: TRIGGER_LABELS[ trigger ],
					} ) ) }
					onChange={ ( on ) => onChange( { ...value, on } ) }
				/>
			</PanelBody>
		</InspectorControls>
	);
}
