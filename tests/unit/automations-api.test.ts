/**
 * The Automations tab reads the rules of automations from
 * data/automations.json, as PHP does; the literals TypeScript needs for its
 * types must agree with that file.
 */

/**
 * Internal dependencies
 */
import rules from '../../data/automations.json';
import { OPERATORS } from '../../src/admin/automations-api';
import { FIXED_SOURCES } from '../../src/admin/automations-form-state';
import { scheduleInWords } from '../../src/admin/automations-words';

describe( 'the automations rules file', () => {
	it( 'has the operators the form offers', () => {
		expect( [ ...OPERATORS ] ).toEqual( rules.operators );
	} );

	it( 'names every CRM source the form offers, each with a label in words', () => {
		expect(
			FIXED_SOURCES.map( ( source ) => source.value ).sort()
		).toEqual( [ ...rules.crmSources ].sort() );
		for ( const source of FIXED_SOURCES ) {
			expect( source.label ).not.toBe( source.value );
		}
	} );

	it( 'has the retry schedule the settings describe', () => {
		expect( scheduleInWords( rules.backoffSeconds ) ).toBe(
			'1 min, 5 min, 30 min, 2 h and 6 h'
		);
		expect( scheduleInWords( [ 90 ] ) ).toBe( '2 min' );
	} );
} );
