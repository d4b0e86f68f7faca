/**
 * The editor asks for an event's counts once per code per session, and
 * never when the user may not read insights.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '../../src/editor/store';

const DAYS = [
	'2026-11-17',
	'2026-11-18',
	'2026-11-19',
	'2026-11-20',
	'2026-11-21',
	'2026-11-22',
	'2026-11-23',
];

type Page = Window & { footprintsEditor?: { canViewInsights?: boolean } };
const page = window as unknown as Page;

describe( 'event counts in the editor store', () => {
	let requested: string[];

	beforeEach( () => {
		requested = [];
		apiFetch.setFetchHandler( async ( options ) => {
			const path = String( options.path ).replace(
				/[?&]_locale=user$/,
				''
			);
			requested.push( path );
			return {
				days: DAYS,
				counts: {
					trial_click: { total: 5, daily: [ 0, 0, 0, 0, 2, 0, 3 ] },
				},
			};
		} );
	} );

	afterEach( () => {
		delete page.footprintsEditor;
	} );

	function newRegistry() {
		const registry = createRegistry();
		registry.register( store );
		return registry;
	}

	it( 'asks once per code, for the last 7 days', async () => {
		page.footprintsEditor = { canViewInsights: true };
		const registry = newRegistry();

		const counts = await registry
			.resolveSelect( store )
			.getEventCounts( 'trial_click' );
		await registry.resolveSelect( store ).getEventCounts( 'trial_click' );

		expect( counts ).toEqual( {
			days: DAYS,
			total: 5,
			daily: [ 0, 0, 0, 0, 2, 0, 3 ],
		} );
		expect( requested ).toEqual( [
			'/footprints/v1/insights/counts?codes=trial_click&days=7',
		] );
	} );

	it( 'asks nothing for a user who may not read insights', async () => {
		page.footprintsEditor = { canViewInsights: false };
		const registry = newRegistry();

		const counts = await registry
			.resolveSelect( store )
			.getEventCounts( 'trial_click' );

		expect( counts ).toBeUndefined();
		expect( requested ).toEqual( [] );
	} );
} );
