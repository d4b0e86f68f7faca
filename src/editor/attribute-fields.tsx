/**
 * Typed inputs for an event's attributes, driven by the definition's
 * attribute schema. A value is stored once it is valid for its type,
 * coerced by the same rules the client and the collector apply; an
 * invalid value stays in the field with the reason beside it.
 */

/**
 * WordPress dependencies
 */
import {
	TextareaControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coerceAttributes } from '../shared/attributes';
import type {
	AttributeSchema,
	AttributeType,
	AttributeValue,
} from '../shared/types';

type Values = Record< string, AttributeValue >;

interface Props {
	schema: AttributeSchema;
	values: Values;
	onChange: ( values: Values ) => void;
}

const PLACEHOLDERS: Partial< Record< AttributeType, string > > = {
	number: '199',
	datetime: '2026-11-22T09:30:00Z',
	json: '{"plan":"pro"}',
};

function asText( value: AttributeValue | undefined, type: AttributeType ) {
	if ( value === undefined ) {
		return '';
	}
	return type === 'json' ? JSON.stringify( value ) : String( value );
}

function AttributeField( {
	name,
	type,
	value,
	onChange,
}: {
	name: string;
	type: AttributeType;
	value: AttributeValue | undefined;
	onChange: ( value: AttributeValue | undefined ) => void;
} ) {
	const [ text, setText ] = useState( asText( value, type ) );
	const [ error, setError ] = useState( '' );

	if ( type === 'boolean' ) {
		return (
			<ToggleControl
				__nextHasNoMarginBottom
				label={ name }
				checked={ value === true }
				onChange={ onChange }
			/>
		);
	}

	function change( next: string ) {
		setText( next );
		if ( next === '' ) {
			setError( '' );
			onChange( undefined );
			return;
		}
		const coerced = coerceAttributes(
			{ [ name ]: type },
			{ [ name ]: next }
		);
		if ( typeof coerced === 'string' ) {
			setError(
				sprintf(
					/* translators: 1: attribute name, 2: example value. */
					__( '%1$s must be like %2$s.', 'footprints' ),
					name,
					PLACEHOLDERS[ type ] ?? ''
				)
			);
			return;
		}
		setError( '' );
		onChange( coerced[ name ] );
	}

	const Control = type === 'json' ? TextareaControl : TextControl;
	return (
		<div
			className={
				error
					? 'footprints-attribute has-error'
					: 'footprints-attribute'
			}
		>
			<Control
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ `${ name } (${ type })` }
				value={ text }
				placeholder={ PLACEHOLDERS[ type ] }
				onChange={ change }
				help={ error || undefined }
			/>
		</div>
	);
}

export default function AttributeFields( { schema, values, onChange }: Props ) {
	const names = Object.keys( schema );
	if ( ! names.length ) {
		return null;
	}
	return (
		<fieldset className="footprints-attributes">
			<legend>{ __( 'Attributes', 'footprints' ) }</legend>
			{ names.map( ( name ) => (
				<AttributeField
					key={ name }
					name={ name }
					type={ schema[ name ] }
					value={ values[ name ] }
					onChange={ ( value ) => {
						const next = { ...values };
						if ( value === undefined ) {
							delete next[ name ];
						} else {
							next[ name ] = value;
						}
						onChange( next );
					} }
				/>
			) ) }
		</fieldset>
	);
}
