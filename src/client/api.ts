/**
 * window.footprints: the public API, and the replay of the calls the
 * inline stub (data/client-stub.min.js) queued before this script loaded.
 *
 * As analytics.js users expect:
 * - `page( name?, properties? )` sends `page_viewed` (a system event,
 *   disabled by default) only when the site enabled it; `name` is the
 *   document's title when the call was made;
 * - `identify( id, traits? )` sends `custom_data_updated` with `user_id`
 *   and the traits as `traits`, their names in snake_case (`firstName`
 *   becomes `first_name`);
 * - `alias( newId )` links the previous id (the last identified one) to the
 *   new one: `user_id` and `previous_id`;
 * - `group( id, traits? )` sends `group_id` and the traits the same way.
 */

/**
 * Internal dependencies
 */
import type { Attributes } from '../shared/attributes';

export interface FootprintsApi {
	track: ( code: string, attributes?: Attributes ) => void;
	identify: ( id: string, traits?: Attributes ) => void;
	page: ( name?: string, properties?: Attributes ) => void;
	group: ( id: string, traits?: Attributes ) => void;
	alias: ( newId: string ) => void;
	ready: ( callback: ( footprints: FootprintsApi ) => void ) => void;
}

/**
 * What the stub leaves on window: the calls in order, as [method,
 * arguments, the document's title then].
 */
export type QueuedCall = [ string, unknown[], string? ];
export interface Stub {
	q?: QueuedCall[] | { push: ( call: QueuedCall ) => void };
}

export const PROFILE_EVENT = 'custom_data_updated';
export const PAGE_EVENT = 'page_viewed';

/**
 * Trait names in snake_case, as attribute names are: `firstName`,
 * `First Name` and `first-name` all become `first_name`.
 * @param traits Traits as the caller named them.
 */
export function snakeCase( traits: Attributes = {} ): Attributes {
	const named: Attributes = {};
	for ( const name in traits ) {
		named[
			name.replace( /\W+|(?<=[a-z\d])(?=[A-Z])/g, '_' ).toLowerCase()
		] = traits[ name ];
	}
	return named;
}

/**
 * The API over one tracking function.
 * @param track   Sends an event.
 * @param enabled Whether the page may send this code (page_viewed is optional).
 */
export function createApi(
	track: ( code: string, attributes?: Attributes ) => void,
	enabled: ( code: string ) => boolean
): FootprintsApi {
	let userId: string | undefined;
	const api: FootprintsApi = {
		track,
		identify: ( id, traits ) =>
			track( PROFILE_EVENT, {
				user_id: ( userId = id ),
				traits: snakeCase( traits ),
			} ),
		alias: ( newId ) =>
			track( PROFILE_EVENT, {
				// Undefined (left out of the JSON) before any identify().
				previous_id: userId!,
				user_id: ( userId = newId ),
			} ),
		group: ( id, traits ) =>
			track( PROFILE_EVENT, {
				group_id: id,
				traits: snakeCase( traits ),
			} ),
		page: ( name = document.title, properties ) =>
			enabled( PAGE_EVENT ) &&
			track( PAGE_EVENT, { ...properties, name } ),
		// Later, so an error in the callback is its own, not the client's.
		ready: ( callback ) => setTimeout( callback, 0, api ),
	};
	return api;
}

/**
 * Makes the stub the API and replays what it queued, in order. Page code
 * that kept a reference to the stub (`var fp = footprints`) or to one of
 * its methods reaches the API: the stub's methods are replaced, and what
 * an old method pushes onto its queue is called at once. Unknown methods,
 * `constructor` and `__proto__` are skipped.
 * @param api  The real API.
 * @param stub What window.footprints held before (the stub), if anything.
 * @return The object window.footprints is from now on.
 */
export function install( api: FootprintsApi, stub: Stub = {} ): FootprintsApi {
	const call = ( [ method, args, title ]: QueuedCall ) => {
		if ( Object.hasOwn( api, method ) ) {
			if ( method === 'page' && args[ 0 ] === undefined ) {
				args[ 0 ] = title; // The title when page() was called.
			}
			( api[ method as keyof FootprintsApi ] as Function )( ...args );
		}
	};
	const queued = ( stub.q || [] ) as QueuedCall[];
	Object.assign( stub, api, { q: { push: call } } );
	queued.forEach( call );
	return stub as FootprintsApi;
}
