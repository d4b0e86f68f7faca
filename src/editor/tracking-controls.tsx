/**
 * The "Event tracking" panel in the block inspector: the event (searched
 * on the server), the trigger and the event's typed attributes. Shared by
 * the Track event block, the Milestone block and the panel on core blocks,
 * so all three behave the same.
 */

/**
 * WordPress dependencies
 */
import { InspectorControls } from '@wordpress/block-editor';
import { PanelBody, SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { TRIGGERS, type Trigger } from '../shared/types';
import AttributeFields from './attribute-fields';
import EventCount from './event-count';
import EventPicker from './event-picker';
import EventStatus from './event-status';
import { useDefinition } from './store';
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

export default function TrackingControls( {
	value,
	onChange,
	triggers = TRIGGERS,
	initialOpen = true,
}: Props ) {
	const { definition } = useDefinition( value.event );

	return (
		<InspectorControls>
			<PanelBody
				title={ __( 'Event tracking', 'footprints' ) }
				initialOpen={ initialOpen }
			>
				<EventPicker
					value={ value.event }
					// Another event has other attributes: start them afresh.
					onChange={ ( event ) =>
						onChange( { ...value, event, attrs: {} } )
					}
				/>
				{ value.event && <EventStatus code={ value.event } /> }
				{ value.event && <EventCount code={ value.event } /> }
				<SelectControl< Trigger >
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Send it on', 'footprints' ) }
					value={ value.on }
					options={ triggers.map( ( trigger ) => ( {
						value: trigger,
						label: TRIGGER_LABELS[ trigger ],
					} ) ) }
					onChange={ ( on ) => onChange( { ...value, on } ) }
				/>
				{ definition && (
					<AttributeFields
						// New fields, with their own drafts, for each event.
						key={ definition.code }
						schema={ definition.attributes }
						values={ value.attrs }
						onChange={ ( attrs ) =>
							onChange( { ...value, attrs } )
						}
					/>
				) }
			</PanelBody>
		</InspectorControls>
	);
}
