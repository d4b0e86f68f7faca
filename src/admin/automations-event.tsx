/**
 * An event as the Automations tab shows it (its color and name, its code
 * when the name is not known), and the searchable event picker of the rule
 * form, custom and system events alike.
 */

/**
 * WordPress dependencies
 */
import { ComboboxControl } from '@wordpress/components';
import { useMemo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import EventOption from '../shared/event-option';
import type { DefinitionsByCode } from './automations-definitions';

interface LabelProps {
	code: string;
	definitions: DefinitionsByCode;
}

export function EventLabel( { code, definitions }: LabelProps ) {
	const definition = definitions.get( code );
	return (
		<EventOption color={ definition?.color }>
			{ definition ? definition.name : <code>{ code }</code> }
		</EventOption>
	);
}

interface PickerProps {
	value: string;
	onChange: ( code: string ) => void;
	definitions: DefinitionsByCode;
	help: string;
}

export function EventPicker( {
	value,
	onChange,
	definitions,
	help,
}: PickerProps ) {
	const options = useMemo(
		() =>
			[ ...definitions.values() ].map( ( definition ) => ( {
				value: definition.code,
				label: `${ definition.name } (${ definition.code })${
					definition.enabled
						? ''
						: ` — ${ __( 'disabled', 'footprints' ) }`
				}`,
				color: definition.color,
			} ) ),
		[ definitions ]
	);
	return (
		<ComboboxControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ __( 'When this event happens', 'footprints' ) }
			help={ help }
			value={ value || null }
			options={ options }
			onChange={ ( code ) => onChange( code ?? '' ) }
			__experimentalRenderItem={ ( { item } ) => (
				<EventOption color={ item.color }>{ item.label }</EventOption>
			) }
		/>
	);
}
