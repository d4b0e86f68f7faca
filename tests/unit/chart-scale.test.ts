/**
 * The dashboard chart's scales: a round top with even ticks from 0, and
 * day labels that never crowd (first and last always labelled).
 */

/**
 * Internal dependencies
 */
import { xLabelIndexes, yTicks } from '../../src/insights/chart-scale';

describe( 'yTicks', () => {
	it.each( [
		[ 37, [ 0, 10, 20, 30, 40 ] ],
		[ 3, [ 0, 1, 2, 3 ] ],
		[ 1, [ 0, 1 ] ],
		[ 0, [ 0, 1 ] ],
		[ 1234, [ 0, 500, 1000, 1500 ] ],
		[ 100, [ 0, 50, 100 ] ],
	] )( '%d events get the ticks %p', ( largest, ticks ) => {
		expect( yTicks( largest ) ).toEqual( ticks );
	} );
} );

describe( 'xLabelIndexes', () => {
	it( 'labels every day of a week', () => {
		expect( xLabelIndexes( 7 ) ).toEqual( [ 0, 1, 2, 3, 4, 5, 6 ] );
	} );

	it( 'labels at most 8 of 30 days, first and last included', () => {
		expect( xLabelIndexes( 30 ) ).toEqual( [ 0, 5, 10, 15, 20, 25, 29 ] );
	} );

	it( 'labels at most 8 of 90 days', () => {
		const labels = xLabelIndexes( 90 );
		expect( labels.length ).toBeLessThanOrEqual( 8 );
		expect( labels[ 0 ] ).toBe( 0 );
		expect( labels[ labels.length - 1 ] ).toBe( 89 );
	} );

	it( 'labels the one day of today', () => {
		expect( xLabelIndexes( 1 ) ).toEqual( [ 0 ] );
	} );
} );
