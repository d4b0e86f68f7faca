/**
 * The inline stub queues calls made before the client loads; the client
 * replays them in order.
 */

/**
 * External dependencies
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Internal dependencies
 */
import { createApi, replay, type Stub } from '../../src/client/api';

const STUB = readFileSync(
	path.join( __dirname, '../../src/client/stub.min.js' ),
	'utf8'
);

type Page = Window & { footprints?: Stub & Record< string, Function > };
const page = window as unknown as Page;

beforeEach( () => {
	delete page.footprints;
	jest.useFakeTimers();
} );
afterEach( () => jest.useRealTimers() );

describe( 'the stub and the replay', () => {
	it( 'stays under 150 bytes', () => {
		expect( Buffer.byteLength( STUB.trim() ) ).toBeLessThanOrEqual( 150 );
	} );

	it( 'replays every call made before the client loaded, in order', () => {
		// eslint-disable-next-line no-eval -- runs the stub as the page does.
		window.eval( STUB );
		const ready = jest.fn();
		page.footprints!.track( 'trial_click', { plan: 'pro' } );
		page.footprints!.identify( 'user_1', { plan: 'pro' } );
		page.footprints!.ready( ready );
		page.footprints!.page();
		page.footprints!.group( 'acme' );
		page.footprints!.alias( 'user_2' );
		document.title = 'Pricing';

		const track = jest.fn();
		const api = createApi( track );
		replay( api, page.footprints );
		jest.runAllTimers();

		expect( track.mock.calls ).toEqual( [
			[ 'trial_click', { plan: 'pro' } ],
			[ 'custom_data_updated', { plan: 'pro', user_id: 'user_1' } ],
			[ 'page_view', { name: 'Pricing' } ],
			[ 'custom_data_updated', { group_id: 'acme' } ],
			[ 'custom_data_updated', { user_id: 'user_2' } ],
		] );
		expect( ready ).toHaveBeenCalledWith( api );
	} );

	it( 'leaves an existing client alone if printed twice', () => {
		const client = { track: jest.fn() };
		page.footprints = client as never;

		// eslint-disable-next-line no-eval -- runs the stub as the page does.
		window.eval( STUB );

		expect( page.footprints ).toBe( client );
	} );

	it( 'skips queued calls to methods that do not exist instead of throwing', () => {
		const track = jest.fn();

		expect( () =>
			replay( createApi( track ), {
				q: [
					[ 'trak', [ 'typo' ] ],
					[ 'track', [ 'trial_click' ] ],
				],
			} )
		).not.toThrow();
		expect( track ).toHaveBeenCalledWith( 'trial_click' );
	} );
} );
