/**
 * The inline stub queues calls made before the client loads; the client
 * replays them in order, and the API sends what analytics.js users expect.
 */

/**
 * External dependencies
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Internal dependencies
 */
import {
	createApi,
	install,
	snakeCase,
	type FootprintsApi,
	type Stub,
} from '../../src/client/api';

const STUB = readFileSync(
	path.join( __dirname, '../../data/client-stub.min.js' ),
	'utf8'
);

type Page = Window & { footprints?: Stub & FootprintsApi };
const page = window as unknown as Page;

let track: jest.Mock;
let enabled: string[];

/** Loads the client as index.ts does: the API over the stub. */
const loadClient = () =>
	( page.footprints = install(
		createApi( track, ( code ) => enabled.includes( code ) ),
		page.footprints
	) as Stub & FootprintsApi );

/** Runs the stub as the page's inline script does. */
// eslint-disable-next-line no-eval -- runs the stub as the page does.
const runStub = () => window.eval( STUB );

beforeEach( () => {
	delete page.footprints;
	track = jest.fn();
	enabled = [ 'page_viewed' ];
	document.title = 'Home';
	jest.useFakeTimers();
} );
afterEach( () => jest.useRealTimers() );

describe( 'the stub and the replay', () => {
	it( 'stays under 150 bytes', () => {
		expect( Buffer.byteLength( STUB.trim() ) ).toBeLessThanOrEqual( 150 );
	} );

	it( 'replays every call made before the client loaded, in order', () => {
		runStub();
		const ready = jest.fn();
		page.footprints!.track( 'trial_click', { plan: 'pro' } );
		page.footprints!.ready( ready );
		page.footprints!.group( 'acme' );
		page.footprints!.track( 'trial_click', { plan: 'team' } );

		const api = loadClient();
		jest.runAllTimers();

		expect( track.mock.calls ).toEqual( [
			[ 'trial_click', { plan: 'pro' } ],
			[ 'custom_data_updated', { group_id: 'acme', traits: {} } ],
			[ 'trial_click', { plan: 'team' } ],
		] );
		expect( ready.mock.calls[ 0 ][ 0 ].track ).toBe( api.track );
	} );

	it( 'names a queued page view by the title when page() was called, not when the client loaded', () => {
		runStub();
		document.title = 'Pricing';
		page.footprints!.page();
		document.title = 'Pricing – 2 items in cart';

		loadClient();

		expect( track.mock.calls ).toEqual( [
			[ 'page_viewed', { name: 'Pricing' } ],
		] );
	} );

	it( 'delivers calls through a reference to the stub kept before the client loaded', () => {
		runStub();
		const fp = page.footprints!;
		const trackLater = page.footprints!.track;

		loadClient();
		fp.track( 'trial_click', { via: 'object' } );
		trackLater( 'trial_click', { via: 'method' } );

		expect( track.mock.calls ).toEqual( [
			[ 'trial_click', { via: 'object' } ],
			[ 'trial_click', { via: 'method' } ],
		] );
		expect( page.footprints ).toBe( fp );
	} );

	it( 'leaves an existing client alone if printed twice', () => {
		const client = loadClient();

		runStub();

		expect( page.footprints ).toBe( client );
	} );

	it( 'skips queued calls to methods that do not exist, constructor and __proto__ included', () => {
		const stub: Stub = {
			q: [
				[ 'trak', [ 'typo' ] ],
				[ 'constructor', [ 'x' ] ],
				[ '__proto__', [ 'x' ] ],
				[ 'hasOwnProperty', [ 'x' ] ],
				[ 'track', [ 'trial_click' ] ],
			],
		};

		expect( () =>
			install(
				createApi( track, () => true ),
				stub
			)
		).not.toThrow();
		expect( track.mock.calls ).toEqual( [ [ 'trial_click' ] ] );
	} );
} );

describe( 'the API', () => {
	it( 'page() sends page_viewed with the title at call time when the site enabled it', () => {
		const api = loadClient();
		document.title = 'Pricing';

		api.page();
		api.page( 'Checkout', { step: 2 } );

		expect( track.mock.calls ).toEqual( [
			[ 'page_viewed', { name: 'Pricing' } ],
			[ 'page_viewed', { step: 2, name: 'Checkout' } ],
		] );
	} );

	it( 'page() sends nothing, and warns about nothing, when page_viewed is not enabled', () => {
		enabled = [];
		const api = loadClient();

		api.page();

		expect( track ).not.toHaveBeenCalled();
	} );

	it( 'identify() sends the traits as traits, named in snake_case', () => {
		const api = loadClient();

		api.identify( 'user_42', {
			firstName: 'Ada',
			'Company Size': 50,
			'plan-tier': 'pro',
			userID: 'x',
			email: 'ada@example.test',
		} );

		expect( track.mock.calls ).toEqual( [
			[
				'custom_data_updated',
				{
					user_id: 'user_42',
					traits: {
						first_name: 'Ada',
						company_size: 50,
						plan_tier: 'pro',
						user_id: 'x',
						email: 'ada@example.test',
					},
				},
			],
		] );
	} );

	it( 'alias() links the previous id to the new one', () => {
		const api = loadClient();
		api.identify( 'anon_7' );

		api.alias( 'user_42' );
		api.alias( 'user_43' );

		expect( track.mock.calls.slice( 1 ) ).toEqual( [
			[
				'custom_data_updated',
				{ previous_id: 'anon_7', user_id: 'user_42' },
			],
			[
				'custom_data_updated',
				{ previous_id: 'user_42', user_id: 'user_43' },
			],
		] );
	} );

	it( 'alias() before any identify() sends the new id alone (the device id links it)', () => {
		loadClient().alias( 'user_42' );

		expect(
			JSON.parse( JSON.stringify( track.mock.calls[ 0 ][ 1 ] ) )
		).toEqual( { user_id: 'user_42' } );
	} );

	it( 'snake_case leaves snake_case names alone', () => {
		expect( snakeCase( { already_snake: 1, a1B2: 2 } ) ).toEqual( {
			already_snake: 1,
			a1_b2: 2,
		} );
	} );
} );
