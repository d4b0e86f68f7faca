/**
 * The TypeScript definition rules are the JSON schema's: same fields, same
 * attribute types, same answers for the same input.
 */

/**
 * Internal dependencies
 */
import schema from '../../data/schema/definition.json';
import eventSchema from '../../data/schema/event.json';
import {
	type DefinitionInput,
	DEFINITION_FIELDS,
	codeFromName,
	validateDefinition,
} from '../../src/shared/definition';
import { ATTRIBUTE_TYPES } from '../../src/shared/types';

describe( 'definition', () => {
	it( 'has exactly the fields of the schema', () => {
		expect( DEFINITION_FIELDS ).toEqual( Object.keys( schema.properties ) );
	} );

	it( 'has exactly the attribute types of the schema', () => {
		const [ valueSchema ] = Object.values(
			schema.properties.attributes.patternProperties
		);
		expect( [ ...ATTRIBUTE_TYPES ] ).toEqual( valueSchema.enum );
	} );

	// Each schema describes its own document; an event's code and its
	// attribute names must follow the definition's rules exactly.
	it( 'gives events the codes and attribute names definitions have', () => {
		expect( eventSchema.properties.event.pattern ).toBe(
			schema.properties.code.pattern
		);
		expect(
			Object.keys( eventSchema.properties.attributes.patternProperties )
		).toEqual(
			Object.keys( schema.properties.attributes.patternProperties )
		);
	} );

	it( 'accepts a valid definition', () => {
		expect(
			validateDefinition( {
				code: 'plan_selected',
				name: 'Plan Selected',
				color: '#AA3300',
				attributes: { plan: 'string', price: 'number' },
			} )
		).toEqual( {} );
	} );

	it.each< [ string, Partial< DefinitionInput >, string ] >( [
		[ 'code', { code: 'PlanSelected' }, 'starts with a lowercase letter' ],
		[ 'code', { code: 'p' }, 'followed by 1 to 63' ],
		[ 'code', { code: 'form_submission' }, 'system event' ],
		[ 'name', { name: '   ' }, 'Give the event a name' ],
		[ 'color', { color: 'red' }, 'hex color' ],
		[ 'attributes', { attributes: { planName: 'string' } }, 'snake_case' ],
		[
			'attributes',
			{ attributes: { plan: 'text' as never } },
			'Choose a type for "plan"',
		],
	] )( 'names what is wrong with %s', ( field, change, message ) => {
		const errors = validateDefinition( {
			code: 'plan_selected',
			name: 'Plan Selected',
			...change,
		} );
		expect( Object.keys( errors ) ).toEqual( [ field ] );
		expect( Object.values( errors )[ 0 ] ).toContain( message );
	} );

	it( 'suggests a code from an Object-Action name', () => {
		expect( codeFromName( 'Trial Started' ) ).toBe( 'trial_started' );
		expect( codeFromName( '2 Invites — Sent!' ) ).toBe( 'invites_sent' );
	} );
} );
