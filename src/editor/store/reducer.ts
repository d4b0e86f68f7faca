/**
 * Definitions the editor has seen, by code (null: the server has none with
 * that code), the results of each search, by search text, and the recent
 * counts of each code (for users who may read insights).
 */

/**
 * Internal dependencies
 */
import type { Definition } from '../../shared/definition';

/** An event's count over the last days, from the daily rollups. */
export interface EventCounts {
	/** The UTC days, oldest first, today last (YYYY-MM-DD). */
	days: string[];
	/** One count per day, in the order of days. */
	daily: number[];
	total: number;
}

export interface State {
	byCode: Record< string, Definition | null >;
	searches: Record< string, Definition[] >;
	counts: Record< string, EventCounts >;
}

export type Action =
	| {
			type: 'RECEIVE_DEFINITION';
			code: string;
			definition: Definition | null;
	  }
	| { type: 'RECEIVE_SEARCH'; search: string; definitions: Definition[] }
	| { type: 'RECEIVE_COUNTS'; code: string; counts: EventCounts };

const INITIAL: State = { byCode: {}, searches: {}, counts: {} };

export default function reducer(
	state: State = INITIAL,
	action: Action
): State {
	switch ( action.type ) {
		case 'RECEIVE_DEFINITION':
			return {
				...state,
				byCode: { ...state.byCode, [ action.code ]: action.definition },
			};
		case 'RECEIVE_SEARCH':
			return {
				...state,
				byCode: {
					...state.byCode,
					...Object.fromEntries(
						action.definitions.map( ( definition ) => [
							definition.code,
							definition,
						] )
					),
				},
				searches: {
					...state.searches,
					[ action.search ]: action.definitions,
				},
			};
		case 'RECEIVE_COUNTS':
			return {
				...state,
				counts: { ...state.counts, [ action.code ]: action.counts },
			};
	}
	return state;
}
