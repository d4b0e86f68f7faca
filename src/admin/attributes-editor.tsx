/**
 * Edits a definition's attribute schema: rows of snake_case name and type.
 * Rows keep their own order while typing; the schema is rebuilt from them.
 */

/**
 * WordPress dependencies
 */
import {
	BaseControl,
	Button,
	Flex,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	ATTRIBUTE_TYPES,
	type AttributeSchema,
	type AttributeType,
} from '../shared/types';
import { RemoveRowButton, rowChanges } from './rows';

interface Row {
	name: string;
	type: AttributeType;
}

interface Props {
	value: AttributeSchema;
	/** The schema, and a problem the schema alone cannot show (a name used twice). */
	onChange: ( value: AttributeSchema, problem: string | null ) => void;
	error?: string;
}

export default function AttributesEditor( { value, onChange, error }: Props ) {
	const [ rows, setRows ] = useState< Row[] >( () =>
		Object.entries( value ).map( ( [ name, type ] ) => ( { name, type } ) )
	);
	const update = ( next: Row[] ) => {
		setRows( next );
		const named = next.filter( ( row ) => row.name.trim() !== '' );
		const names = named.map( ( row ) => row.name.trim() );
		const twice = names.find( ( name, i ) => names.indexOf( name ) !== i );
		onChange(
			Object.fromEntries(
				named.map( ( row ) => [ row.name.trim(), row.type ] )
			),
			twice
				? sprintf(
						/* translators: %s: attribute name. */
						__(
							'“%s” is listed twice: each attribute name appears once.',
							'footprints'
						),
						twice
					)
				: null
		);
	};
	const { change, remove, add } = rowChanges( rows, update );

	return (
		<BaseControl
			id="footprints-attributes"
			label={ __( 'Attributes', 'footprints' ) }
			help={
				error ??
				__(
					'Optional typed values sent with the event, e.g. plan (string) or price (number). Values are converted to these types where safe; attributes without an entry are kept as text.',
					'footprints'
				)
			}
			__nextHasNoMarginBottom
		>
			{ rows.map( ( row, index ) => (
				<Flex key={ index } align="flex-end">
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ sprintf(
							/* translators: %d: row number. */
							__( 'Attribute %d name', 'footprints' ),
							index + 1
						) }
						value={ row.name }
						onChange={ ( name ) => change( index, { name } ) }
					/>
					<SelectControl< AttributeType >
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ sprintf(
							/* translators: %d: row number. */
							__( 'Attribute %d type', 'footprints' ),
							index + 1
						) }
						value={ row.type }
						options={ ATTRIBUTE_TYPES.map( ( type ) => ( {
							value: type,
							label: type,
						} ) ) }
						onChange={ ( type ) => change( index, { type } ) }
					/>
					<RemoveRowButton
						label={ sprintf(
							/* translators: %d: row number. */
							__( 'Remove attribute %d', 'footprints' ),
							index + 1
						) }
						onClick={ () => remove( index ) }
					/>
				</Flex>
			) ) }
			<Button
				variant="secondary"
				onClick={ () => add( { name: '', type: 'string' } ) }
			>
				{ __( 'Add attribute', 'footprints' ) }
			</Button>
		</BaseControl>
	);
}
