/**
 * Picks an event definition by searching the server as the editor types:
 * at most 50 options, each with its name, code and color; the editor never
 * loads every definition.
 */

/**
 * WordPress dependencies
 */
import { ComboboxControl } from '@wordpress/components';
import { useDebounce } from '@wordpress/compose';
import { useMemo, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Definition } from '../shared/definition';
import EventOption from '../shared/event-option';
import { useDefinition, useDefinitionSearch } from './store';

// Typing fast should cost one request, not one per key.
const SEARCH_DELAY_MS = 250;

interface Props {
	value: string;
	onChange: ( code: string ) => void;
	/** The field's label; "Event" by default. */
	label?: string;
	/** Whether disabled events can be picked (insights: their history still counts). */
	allowDisabled?: boolean;
}

function toOption( definition: Definition, allowDisabled = false ) {
	return {
		value: definition.code,
		label: `${ definition.name } (${ definition.code })`,
		color: definition.color,
		disabled: ! definition.enabled && ! allowDisabled,
	};
}

export default function EventPicker( {
	value,
	onChange,
	label,
	allowDisabled = false,
}: Props ) {
	const [ search, setSearch ] = useState( '' );
	const setSearchSoon = useDebounce( setSearch, SEARCH_DELAY_MS );
	const { definitions, isResolving } = useDefinitionSearch( search );
	const { definition: selected } = useDefinition( value );

	const options = useMemo( () => {
		const found = definitions.map( ( definition ) =>
			toOption( definition, allowDisabled )
		);
		// The chosen event keeps its label even when the search misses it.
		if ( selected && ! definitions.some( ( d ) => d.code === value ) ) {
			found.unshift( toOption( selected, allowDisabled ) );
		}
		return found;
	}, [ definitions, selected, value, allowDisabled ] );

	return (
		<ComboboxControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ label ?? __( 'Event', 'footprints' ) }
			help={
				allowDisabled
					? __( 'Search by name or code.', 'footprints' )
					: __(
							'Search by name or code. Disabled events cannot be picked.',
							'footprints'
						)
			}
			value={ value || null }
			options={ options }
			isLoading={ isResolving }
			onFilterValueChange={ setSearchSoon }
			onChange={ ( code ) => onChange( code ?? '' ) }
			__experimentalRenderItem={ ( { item } ) => (
				<EventOption color={ item.color }>
					{ item.label }
					{ item.disabled &&
						` — ${ __( 'disabled', 'footprints' ) }` }
				</EventOption>
			) }
		/>
	);
}
