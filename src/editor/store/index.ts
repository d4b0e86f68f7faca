/**
 * The editor's data source for event definitions: a @wordpress/data store
 * (footprints/definitions) that searches the server and loads single
 * definitions by code, and the two hooks blocks and panels use.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register, useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { Definition } from '../../shared/definition';
import reducer, { type EventCounts, type State } from './reducer';
import { actions, resolvers } from './resolvers';

export { COUNT_DAYS, SEARCH_LIMIT } from './resolvers';
export type { EventCounts } from './reducer';

export const STORE_NAME = 'footprints/definitions';

const NO_DEFINITIONS: Definition[] = [];

const selectors = {
	/**
	 * A definition by code: undefined while loading, null when unknown.
	 *
	 * @param state Store state.
	 * @param code  Event code.
	 */
	getDefinition: (
		state: State,
		code: string
	): Definition | null | undefined => state.byCode[ code ],
	/**
	 * The definitions whose code or name contains the text (at most
	 * SEARCH_LIMIT); undefined until the server answered.
	 *
	 * @param state  Store state.
	 * @param search Search text.
	 */
	searchDefinitions: (
		state: State,
		search: string
	): Definition[] | undefined => state.searches[ search ],
	/**
	 * An event's counts over the last COUNT_DAYS UTC days; undefined while
	 * loading, and always for users who may not read insights.
	 *
	 * @param state Store state.
	 * @param code  Event code.
	 */
	getEventCounts: ( state: State, code: string ): EventCounts | undefined =>
		state.counts[ code ],
};

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );

/**
 * Definitions matching a search, from the server (at most 50).
 *
 * @param search Text to look for in codes and names; '' lists the first 50.
 */
export function useDefinitionSearch( search: string ): {
	definitions: Definition[];
	isResolving: boolean;
} {
	const key = search.trim();
	return useSelect(
		( select ) => {
			const { searchDefinitions, hasFinishedResolution } =
				select( store );
			return {
				definitions: searchDefinitions( key ) ?? NO_DEFINITIONS,
				isResolving: ! hasFinishedResolution( 'searchDefinitions', [
					key,
				] ),
			};
		},
		[ key ]
	);
}

/**
 * One definition: undefined while loading, null when no event has the code.
 *
 * @param code Event code.
 */
export function useDefinition( code: string ): {
	definition: Definition | null | undefined;
	isResolving: boolean;
} {
	return useSelect(
		( select ) => {
			const { getDefinition, hasFinishedResolution } = select( store );
			return {
				definition: getDefinition( code ),
				isResolving: ! hasFinishedResolution( 'getDefinition', [
					code,
				] ),
			};
		},
		[ code ]
	);
}

/**
 * An event's recent counts, fetched once per code per editor session;
 * undefined while loading, when no event is chosen, and for users who may
 * not read insights.
 *
 * @param code Event code.
 */
export function useEventCounts( code: string ): EventCounts | undefined {
	return useSelect(
		( select ) =>
			code ? select( store ).getEventCounts( code ) : undefined,
		[ code ]
	);
}
