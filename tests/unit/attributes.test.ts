/**
 * The client's attribute coercion against the cases in
 * tests/fixtures/coercion-cases.json, which tests/php/AttributeCoercerTest.php
 * runs against the collector: the two must agree on every value.
 */

/**
 * Internal dependencies
 */
import cases from '../fixtures/coercion-cases.json';
import { type Attributes, coerceAttributes } from '../../src/shared/attributes';
import type { AttributeSchema } from '../../src/shared/types';

// The fixture's "integer" is an unknown type on purpose.
const schema = cases.schema as unknown as AttributeSchema;

describe( 'coerceAttributes', () => {
	it.each( cases.coerced )( '$case', ( { attributes, expected } ) => {
		expect( coerceAttributes( schema, attributes as Attributes ) ).toEqual(
			expected
		);
	} );

	it.each( cases.refused )(
		'refuses $case with the reason',
		( { name, value, reason } ) => {
			expect(
				coerceAttributes( schema, { [ name ]: value } as Attributes )
			).toBe( reason );
		}
	);

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
