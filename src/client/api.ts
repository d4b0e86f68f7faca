/**
 * window.footprints: the public API, and the replay of the calls the
 * inline stub (stub.ts) queued before this script loaded.
 *
 * identify, alias and group record who the visitor is as the system event
 * `custom_data_updated` (the collector has no separate identity call yet);
 * page records a `page_view` event. Like any event, they are sent only when
 * the site has these definitions enabled.
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

/** What the stub leaves on window: the calls in order, as [method, arguments]. */
export interface Stub {
	q?: Array< [ string, unknown[] ] >;
}

export const PROFILE_EVENT = 'custom_data_updated';
export const PAGE_EVENT = 'page_view';

export function createApi(
	track: ( code: string, attributes?: Attributes ) => void
): FootprintsApi {
	const api: FootprintsApi = {
		track,
		identify: ( id, traits ) =>
			track( PROFILE_EVENT, { ...traits, user_id: id } ),
		alias: ( newId ) => api.identify( newId ),
		group: ( id, traits ) =>
			track( PROFILE_EVENT, { ...traits, group_id: id } ),
		page: ( name = document.title, properties ) =>
			track( PAGE_EVENT, { ...properties, name } ),
		// Later, so an error in the callback is its own, not the client's.
		ready: ( callback ) => setTimeout( callback, 0, api ),
	};
	return api;
}

/**
 * Replays what the stub queued, in order; unknown methods are skipped.
 * @param api  The real API.
 * @param stub What window.footprints held before.
 */
export function replay( api: FootprintsApi, stub?: Stub ) {
	stub?.q?.forEach( ( [ method, args ] ) =>
		(
			api[ method as keyof FootprintsApi ] as (
				...values: unknown[]
			) => void
		 )?.( ...args )
	);
}
