/**
 * An event definition, mirroring schema/definition.json — the schema the
 * server validates every write and every synced definition with. The rules
 * below are read from that file, and tests/unit/definition.test.ts fails
 * when this type and the schema disagree.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import schema from '../../data/schema/definition.json';
import systemEvents from '../../data/schema/system-events.json';
import { ATTRIBUTE_TYPES, type AttributeSchema } from './types';

/** One definition as footprints/v1/definitions serves it. */
export interface Definition {
	code: string;
	name: string;
	color: string;
	description: string;
	enabled: boolean;
	attributes: AttributeSchema;
	system: boolean;
	trigger_count: number;
	first_triggered_at: string | null;
	/** Set when a sync kept this event (it has history) although the backend removed it. */
	removed_on_backend_at: string | null;
	created_at: string;
	updated_at: string;
}

/** The fields a client writes; the others are the server's. */
export type DefinitionInput = Pick< Definition, 'code' | 'name' > &
	Partial<
		Pick< Definition, 'color' | 'description' | 'enabled' | 'attributes' >
	>;

export type WritableField = keyof DefinitionInput;

export const WRITABLE_FIELDS: WritableField[] = [
	'code',
	'name',
	'color',
	'description',
	'enabled',
	'attributes',
];

/** Every field of a definition, in the schema's order. */
export const DEFINITION_FIELDS: Array< keyof Definition > = [
	...WRITABLE_FIELDS,
	'system',
	'trigger_count',
	'first_triggered_at',
	'removed_on_backend_at',
	'created_at',
	'updated_at',
];

const { properties } = schema;
const CODE_PATTERN = new RegExp( properties.code.pattern );
const COLOR_PATTERN = new RegExp( properties.color.pattern );
export const ATTRIBUTE_NAME_PATTERN = new RegExp(
	Object.keys( properties.attributes.patternProperties )[ 0 ]
);

/** Codes of the built-in system events: reserved. */
export const SYSTEM_CODES: string[] = systemEvents.events.map(
	( event ) => event.code
);

/** What is wrong with each field of a definition being written. */
export type DefinitionErrors = Partial< Record< WritableField, string > >;

/**
 * The same rules the server applies (schema/definition.json), with
 * messages a person can act on. An empty object means valid.
 *
 * @param input The definition being written.
 */
export function validateDefinition( input: DefinitionInput ): DefinitionErrors {
	const errors: DefinitionErrors = {};
	if ( ! CODE_PATTERN.test( input.code ) ) {
		errors.code = __(
			'A code starts with a lowercase letter, followed by 1 to 63 lowercase letters, digits or underscores, e.g. trial_click.',
			'footprints'
		);
	} else if ( SYSTEM_CODES.includes( input.code ) ) {
		errors.code = sprintf(
			/* translators: %s: event code. */
			__(
				'"%s" is the code of a system event, so it is reserved. Choose another code.',
				'footprints'
			),
			input.code
		);
	}
	const name = input.name.trim();
	if ( name.length < properties.name.minLength ) {
		errors.name = __(
			'Give the event a name, e.g. Trial Started.',
			'footprints'
		);
	} else if ( name.length > properties.name.maxLength ) {
		errors.name = sprintf(
			/* translators: %d: maximum length. */
			__( 'A name has at most %d characters.', 'footprints' ),
			properties.name.maxLength
		);
	}
	if ( input.color !== undefined && ! COLOR_PATTERN.test( input.color ) ) {
		errors.color = __( 'Use a hex color such as #3858e9.', 'footprints' );
	}
	if (
		input.description !== undefined &&
		input.description.length > properties.description.maxLength
	) {
		errors.description = sprintf(
			/* translators: %d: maximum length. */
			__( 'A description has at most %d characters.', 'footprints' ),
			properties.description.maxLength
		);
	}
	const attributeError = validateAttributes( input.attributes ?? {} );
	if ( attributeError ) {
		errors.attributes = attributeError;
	}
	return errors;
}

/**
 * Why an attribute schema is invalid, or null.
 *
 * @param attributes Attribute name → type.
 */
function validateAttributes( attributes: AttributeSchema ): string | null {
	const names = Object.keys( attributes );
	if ( names.length > properties.attributes.maxProperties ) {
		return sprintf(
			/* translators: %d: maximum number of attributes. */
			__( 'An event has at most %d attributes.', 'footprints' ),
			properties.attributes.maxProperties
		);
	}
	for ( const name of names ) {
		if ( ! ATTRIBUTE_NAME_PATTERN.test( name ) ) {
			return sprintf(
				/* translators: %s: attribute name. */
				__(
					'"%s" is not a snake_case name: use lowercase letters, digits and underscores, starting with a letter (e.g. plan_name).',
					'footprints'
				),
				name
			);
		}
		if ( ! ATTRIBUTE_TYPES.includes( attributes[ name ] ) ) {
			return sprintf(
				/* translators: %s: attribute name. */
				__(
					'Choose a type for "%s": string, number, boolean, datetime or json.',
					'footprints'
				),
				name
			);
		}
	}
	return null;
}

/**
 * A code suggested from a name: "Trial Started" → trial_started.
 *
 * @param name Display name.
 */
export function codeFromName( name: string ): string {
	return name
		.toLowerCase()
		.normalize( 'NFKD' )
		.replace( /[^a-z0-9]+/g, '_' )
		.replace( /^[^a-z]+|_+$/g, '' )
		.slice( 0, 64 );
}
