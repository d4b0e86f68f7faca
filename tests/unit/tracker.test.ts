/**
 * What a call becomes: attributes as given (the collector types them),
 * only the page's codes, and consent deciding device id and storage.
 */

/**
 * Internal dependencies
 */
import type { Outbox } from '../../src/client/outbox';
import type { ClientSettings } from '../../src/client/settings';
import { createTracker } from '../../src/client/tracker';

let add: jest.Mock;
let warn: jest.Mock;
let consent: boolean | undefined;

function tracker( settings: Partial< ClientSettings > = {} ) {
	return createTracker(
		{
			collect: '/collect',
			events: [ 'trial_click' ],
			dnt: true,
			without_consent: 'anonymous',
			...settings,
		},
		{ add, flush: () => {} } as Outbox,
		( allowed ) => ( allowed ? 'device_123456' : undefined ),
		warn
	);
}

beforeEach( () => {
	add = jest.fn();
	warn = jest.fn();
	consent = undefined;
	window.wp_has_consent = () => consent ?? true;
} );

describe( 'track', () => {
	it( 'sends the attributes as given, with the page and a device id', () => {
		tracker( { app_id: 'app_site_one' } )( 'trial_click', {
			price: '199',
			plan: 'pro',
		} );

		expect( add ).toHaveBeenCalledWith(
			expect.objectContaining( {
				event: 'trial_click',
				attributes: { price: '199', plan: 'pro' },
				page: location.href,
				device_id: 'device_123456',
				app_id: 'app_site_one',
			} ),
			true
		);
		expect( add.mock.calls[ 0 ][ 0 ].id ).toMatch( /^[a-z0-9]{12,}$/ );
	} );

	it.each( [ 'signed_up', 'constructor', '__proto__', 'toString' ] )(
		'sends nothing for %s, not an event of this page, and says so',
		( code ) => {
			tracker()( code );

			expect( add ).not.toHaveBeenCalled();
			expect( warn ).toHaveBeenCalledWith(
				`${ code } not sent: not enabled on this page`
			);
		}
	);

	it( 'without consent sends anonymously and keeps the event out of storage', () => {
		consent = false;

		tracker()( 'trial_click' );

		expect( add ).toHaveBeenCalledWith(
			expect.objectContaining( { device_id: undefined } ),
			false
		);
	} );

	it( 'without consent sends nothing when the site says none', () => {
		consent = false;

		tracker( { without_consent: 'none' } )( 'trial_click' );

		expect( add ).not.toHaveBeenCalled();
		expect( warn ).not.toHaveBeenCalled();
	} );
} );
