/**
 * How the timeline writes the gap between sessions and attribute values
 * (src/insights/people/format.ts).
 */

/**
 * Internal dependencies
 */
import { gapText, pairsText } from '../../src/insights/people/format';

describe( 'the gap between sessions', () => {
	it( 'is in minutes under an hour, hours and minutes under two days, days after', () => {
		expect( gapText( 1801 ) ).toBe( '30 minutes later' );
		expect( gapText( 1860 ) ).toBe( '31 minutes later' );
		expect( gapText( 7620 ) ).toBe( '2 h 7 min later' );
		expect( gapText( 47 * 3600 + 59 * 60 ) ).toBe( '47 h 59 min later' );
		expect( gapText( 3 * 86400 + 600 ) ).toBe( '3 days later' );
	} );
} );

describe( 'attribute values', () => {
	it( 'are name: value pairs, objects and lists in them, nothing as a dash', () => {
		expect(
			pairsText( {
				plan: 'pro',
				seats: 3,
				paid: true,
				traits: { name: 'Lena Lead', plan: 'pro' },
				tags: [ 'a', 2 ],
				gone: null,
			} )
		).toBe(
			'plan: pro, seats: 3, paid: true, traits: (name: Lena Lead, plan: pro), tags: [a, 2], gone: —'
		);
		expect( pairsText( {} ) ).toBe( '' );
	} );
} );
