/**
 * The same cases as tests/php/AttributeCoercerTest.php: the client and the
 * collector must agree on every value.
 */

/**
 * Internal dependencies
 */
import { coerceAttributes } from '../../src/shared/attributes';
import type { AttributeSchema } from '../../src/shared/types';

const schema = {
	price: 'number',
	annual: 'boolean',
	starts: 'datetime',
	cart: 'json',
	plan: 'string',
	strange: 'integer',
} as unknown as AttributeSchema;

describe( 'coerceAttributes', () => {
	it( 'turns safe values into their type; no schema entry means string', () => {
		expect(
			coerceAttributes( schema, {
				price: '199',
				annual: 'false',
				starts: '2025-11-22T10:00:00.123+02:00',
				cart: '{"items":[1,2]}',
				plan: 3,
				strange: true,
				source: 'hero',
			} )
		).toEqual( {
			price: 199,
			annual: false,
			starts: '2025-11-22T10:00:00.123+02:00',
			cart: { items: [ 1, 2 ] },
			plan: '3',
			strange: 'true',
			source: 'hero',
		} );
	} );

	it( 'keeps values that have their type already', () => {
		expect(
			coerceAttributes( schema, {
				price: -1.5e3,
				annual: true,
				starts: '2024-02-29',
				cart: [ 1, { a: null } ],
			} )
		).toEqual( {
			price: -1500,
			annual: true,
			starts: '2024-02-29',
			cart: [ 1, { a: null } ],
		} );
	} );

	it.each( [
		[ 'words for a number', 'price', 'cheap', 'number' ],
		[ 'spaces in a number', 'price', ' 199', 'number' ],
		[ 'yes for a boolean', 'annual', 'yes', 'boolean' ],
		[ 'a day that never was', 'starts', '2025-02-30', 'datetime' ],
		[ 'not ISO 8601', 'starts', '22/11/2025', 'datetime' ],
		[ 'broken JSON', 'cart', '{items:', 'json' ],
		[ 'an object for a string', 'plan', { a: 1 }, 'string' ],
		[
			'a name that is not snake_case',
			'Plan-Name',
			'pro',
			'snake_case name',
		],
	] )( 'refuses %s with the reason', ( _case, name, value, what ) => {
		expect( coerceAttributes( schema, { [ name ]: value } ) ).toBe(
			`attribute "${ name }" is not a valid ${ what }`
		);
	} );

	it( 'refuses JSON with a cycle instead of failing later', () => {
		const cycle: Record< string, unknown > = {};
		cycle.self = cycle;

		expect(
			coerceAttributes( schema, {
				cart: cycle as never,
			} )
		).toBe( 'attribute "cart" is not a valid json' );
	} );
} );
