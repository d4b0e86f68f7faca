/**
 * The Paths view's URL parameters and figures (src/insights/paths/).
 */

/**
 * Internal dependencies
 */
import {
	formatDuration,
	formatRate,
	formatUtc,
} from '../../src/insights/paths/format';
import {
	readOpenPeople,
	readPaths,
	writeOpenPeople,
	writePaths,
} from '../../src/insights/paths/paths-url';

describe( 'paths in the URL', () => {
	it( 'reads one value a path from comma-separated a, b and window', () => {
		expect(
			readPaths( {
				a: 'trial_click,pricing_viewed',
				b: 'signed_up,signed_up',
				window: '7,14',
			} )
		).toEqual( [
			{ a: 'trial_click', b: 'signed_up', window: 7 },
			{ a: 'pricing_viewed', b: 'signed_up', window: 14 },
		] );
	} );

	it( 'gives one empty path without parameters, and the default window for a bad one', () => {
		expect( readPaths( {} ) ).toEqual( [ { a: '', b: '', window: 7 } ] );
		expect( readPaths( { a: 'x', b: 'y', window: '0' } )[ 0 ].window ).toBe(
			7
		);
		expect(
			readPaths( { a: 'x', b: 'y', window: '91' } )[ 0 ].window
		).toBe( 7 );
	} );

	it( 'reads at most three paths', () => {
		expect( readPaths( { a: 'a,b,c,d', b: 'e,f,g,h' } ) ).toHaveLength( 3 );
	} );

	it( 'writes what it reads, dropping trailing empty paths', () => {
		const params = {
			a: 'trial_click,pricing_viewed',
			b: 'signed_up,signed_up',
			window: '7,14',
		};
		expect( writePaths( readPaths( params ) ) ).toEqual( params );
		expect(
			writePaths( [
				{ a: 'x', b: 'y', window: 3 },
				{ a: '', b: '', window: 7 },
			] )
		).toEqual( { a: 'x', b: 'y', window: '3' } );
		expect( writePaths( [ { a: '', b: '', window: 7 } ] ) ).toEqual( {
			a: '',
			b: '',
			window: '',
		} );
	} );

	it( 'opens a path’s people from "2-converted", and nothing for a path that is not there', () => {
		expect( readOpenPeople( '2-converted', 2 ) ).toEqual( {
			path: 1,
			outcome: 'converted',
		} );
		expect( readOpenPeople( '3-unconverted', 2 ) ).toBeNull();
		expect( readOpenPeople( '1-everyone', 2 ) ).toBeNull();
		expect( writeOpenPeople( { path: 0, outcome: 'unconverted' } ) ).toBe(
			'1-unconverted'
		);
	} );
} );

describe( 'figures', () => {
	it( 'writes a rate with one decimal', () => {
		expect( formatRate( 3 / 8 ) ).toBe( '37.5 %' );
		expect( formatRate( null ) ).toBe( '—' );
	} );

	it( 'writes a time in its two largest units', () => {
		expect( formatDuration( 45 ) ).toBe( '45 s' );
		expect( formatDuration( 125 ) ).toBe( '2 min 5 s' );
		expect( formatDuration( 7200 ) ).toBe( '2 h 0 min' );
		expect( formatDuration( 604800 ) ).toBe( '7 d 0 h' );
		expect( formatDuration( null ) ).toBe( '—' );
	} );

	it( 'writes a UTC time to the minute', () => {
		expect( formatUtc( '2026-03-02T10:00:00.000Z' ) ).toBe(
			'2026-03-02 10:00 UTC'
		);
	} );
} );
