/**
 * Loads definitions from footprints/v1/definitions on demand: one code, or
 * one search of at most SEARCH_LIMIT results. The editor never loads all.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { Definition } from '../../shared/definition';
import { restPath } from '../../shared/rest';
import { canViewInsights } from '../insights-access';
import type { Action, EventCounts, State } from './reducer';

export const SEARCH_LIMIT = 50;

const ROUTE = restPath( 'definitions' );

/** The editor shows each event's count over this many UTC days. */
export const COUNT_DAYS = 7;

interface CountsAnswer {
	days: string[];
	counts: Record< string, { total: number; daily: number[] } >;
}

interface ThunkArgs {
	dispatch: ( action: Action ) => void;
}

export const actions = {
	receiveDefinition: (
		code: string,
		definition: Definition | null
	): Action => ( {
		type: 'RECEIVE_DEFINITION',
		code,
		definition,
	} ),
	receiveSearch: ( search: string, definitions: Definition[] ): Action => ( {
		type: 'RECEIVE_SEARCH',
		search,
		definitions,
	} ),
	receiveCounts: ( code: string, counts: EventCounts ): Action => ( {
		type: 'RECEIVE_COUNTS',
		code,
		counts,
	} ),
};

export const resolvers = {
	getDefinition: Object.assign(
		( code: string ) =>
			async ( { dispatch }: ThunkArgs ) => {
				// No code chosen yet: nothing to ask (the path would list all).
				if ( ! code ) {
					dispatch( actions.receiveDefinition( code, null ) );
					return;
				}
				try {
					const definition = await apiFetch< Definition >( {
						path: `${ ROUTE }/${ encodeURIComponent( code ) }`,
					} );
					dispatch( actions.receiveDefinition( code, definition ) );
				} catch ( error ) {
					// 404: no definition has this code (or it is not a valid code).
					if (
						( error as { data?: { status?: number } } )?.data
							?.status === 404
					) {
						dispatch( actions.receiveDefinition( code, null ) );
					}
				}
			},
		{
			// A search may have brought it already.
			isFulfilled: ( state: State, code: string ) =>
				state.byCode[ code ] !== undefined,
		}
	),
	// Once per code per editor session (the resolver's cache), never per render.
	getEventCounts:
		( code: string ) =>
		async ( { dispatch }: ThunkArgs ) => {
			// Users who may not read insights are never asked (and never see an error).
			if ( ! code || ! canViewInsights() ) {
				return;
			}
			const query = new URLSearchParams( {
				codes: code,
				days: String( COUNT_DAYS ),
			} );
			try {
				const answer = await apiFetch< CountsAnswer >( {
					path: `${ restPath( 'insightsCounts' ) }?${ query }`,
				} );
				const counts = answer.counts[ code ];
				if ( counts ) {
					dispatch(
						actions.receiveCounts( code, {
							days: answer.days,
							...counts,
						} )
					);
				}
			} catch {
				// A count is a hint: without it the sidebar simply shows none.
			}
		},
	searchDefinitions:
		( search: string ) =>
		async ( { dispatch }: ThunkArgs ) => {
			const query = new URLSearchParams( {
				search,
				per_page: String( SEARCH_LIMIT ),
			} );
			const definitions = await apiFetch< Definition[] >( {
				path: `${ ROUTE }?${ query }`,
			} );
			dispatch( actions.receiveSearch( search, definitions ) );
		},
};
