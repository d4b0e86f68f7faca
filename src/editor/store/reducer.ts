/**
 * Definitions the editor has seen, by code (null: the server has none with
 * that code), and the results of each search, by search text.
 */

/**
 * Internal dependencies
 */
import type { Definition } from '../../shared/definition';

export interface State {
	byCode: Record< string, Definition | null >;
	searches: Record< string, Definition[] >;
}

export type Action =
	| {
			type: 'RECEIVE_DEFINITION';
			code: string;
			definition: Definition | null;
	  }
	| { type: 'RECEIVE_SEARCH'; search: string; definitions: Definition[] };

const INITIAL: State = { byCode: {}, searches: {} };

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
	}
	return state;
}
