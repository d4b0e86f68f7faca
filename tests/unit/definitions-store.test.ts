/**
 * The editor's definitions store asks the server for at most 50 matches of
 * a search, loads one definition by code, and reports an unknown code as
 * null rather than loading forever.
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
import type { Definition } from '../../src/shared/definition';

const TRIAL: Definition = {
	code: 'trial_click',
	name: 'Trial Started',
	color: '#3858e9',
	description: '',
	enabled: true,
	attributes: { source: 'string' },
	system: false,
	trigger_count: 0,
	first_triggered_at: null,
	removed_on_backend_at: null,
	created_at: '2026-01-01T00:00:00Z',
	updated_at: '2026-01-01T00:00:00Z',
};

describe( 'footprints/definitions store', () => {
	let requested: string[];

	beforeEach( () => {
		requested = [];
		apiFetch.setFetchHandler( async ( options ) => {
			// api-fetch adds the user's locale to every request.
			const path = String( options.path ).replace(
				/[?&]_locale=user$/,
				''
			);
			requested.push( path );
			if ( path.startsWith( '/footprints/v1/definitions?' ) ) {
				return [ TRIAL ];
			}
			if ( path === '/footprints/v1/definitions/trial_click' ) {
				return TRIAL;
			}
			throw {
				code: 'footprints_definition_not_found',
				data: { status: 404 },
			};
		} );
	} );

	function newRegistry() {
		const registry = createRegistry();
		registry.register( store );
		return registry;
	}

	it( 'searches on the server for at most 50 definitions', async () => {
		const registry = newRegistry();

		const found = await registry
			.resolveSelect( store )
			.searchDefinitions( 'trial' );

		expect( found ).toEqual( [ TRIAL ] );
		expect( requested ).toEqual( [
			'/footprints/v1/definitions?search=trial&per_page=50',
		] );
	} );

	it( 'knows a definition found by a search without asking again', async () => {
		const registry = newRegistry();
		await registry.resolveSelect( store ).searchDefinitions( 'trial' );

		const definition = await registry
			.resolveSelect( store )
			.getDefinition( 'trial_click' );

		expect( definition ).toEqual( TRIAL );
		expect( requested ).toHaveLength( 1 );
	} );

	it( 'is undefined while loading and null for an unknown code', async () => {
		const registry = newRegistry();

		expect(
			registry.select( store ).getDefinition( 'never_defined' )
		).toBeUndefined();
		const definition = await registry
			.resolveSelect( store )
			.getDefinition( 'never_defined' );

		expect( definition ).toBeNull();
		expect( requested ).toEqual( [
			'/footprints/v1/definitions/never_defined',
		] );
	} );

	it( 'asks nothing for a block with no event chosen yet', async () => {
		const registry = newRegistry();

		const definition = await registry
			.resolveSelect( store )
			.getDefinition( '' );

		expect( definition ).toBeNull();
		expect( requested ).toEqual( [] );
	} );
} );
