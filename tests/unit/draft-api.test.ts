/**
 * The draft panel posts to the route data/rest.json names for a person or
 * a device, with the id in place of the route's pattern.
 */

/**
 * Internal dependencies
 */
import { draftPath } from '../../src/insights/people/draft-api';

describe( 'draftPath', () => {
	it( "is a person's draft route with their id", () => {
		expect( draftPath( { person: '42' } ) ).toBe(
			'/footprints/v1/people/42/draft'
		);
	} );

	it( "is a device's draft route with its id, encoded", () => {
		expect( draftPath( { device: 'dev_Ab-9_x' } ) ).toBe(
			'/footprints/v1/devices/dev_Ab-9_x/draft'
		);
		expect( draftPath( { device: 'a/b c' } ) ).toBe(
			'/footprints/v1/devices/a%2Fb%20c/draft'
		);
	} );
} );
