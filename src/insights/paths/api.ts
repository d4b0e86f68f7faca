/**
 * REST calls of the Paths view.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { restPath } from '../../shared/rest';
import type {
	Outcome,
	PathComparison,
	PathInput,
	PathPerson,
	PathRange,
} from './types';

/**
 * A route with its query string.
 *
 * @param route The route's path.
 * @param query Its parameters.
 */
function withQuery(
	route: string,
	query: Record< string, string | number >
): string {
	const search = new URLSearchParams();
	for ( const [ key, value ] of Object.entries( query ) ) {
		search.set( key, String( value ) );
	}
	return `${ route }?${ search }`;
}

/**
 * The query of one path: empty range values are left to the server's defaults.
 *
 * @param path  The path.
 * @param range The range and site.
 */
export function pathQuery(
	path: PathInput,
	range: PathRange
): Record< string, string | number > {
	const query: Record< string, string | number > = {
		a: path.a,
		b: path.b,
		window: path.window,
	};
	for ( const key of [ 'from', 'to', 'site' ] as const ) {
		if ( range[ key ] ) {
			query[ key ] = range[ key ];
		}
	}
	return query;
}

/**
 * One path's comparison.
 *
 * @param path  The path (a and b picked).
 * @param range The range and site.
 */
export function fetchComparison(
	path: PathInput,
	range: PathRange
): Promise< PathComparison > {
	return apiFetch< PathComparison >( {
		path: withQuery(
			restPath( 'insightsPaths' ),
			pathQuery( path, range )
		),
	} );
}

/**
 * One page of a path's people of an outcome, after a person id.
 *
 * @param path    The path.
 * @param range   The range and site.
 * @param outcome Converted or not.
 * @param after   The last person id of the page before (0 for the first).
 * @param perPage People per page.
 */
export function fetchPeople(
	path: PathInput,
	range: PathRange,
	outcome: Outcome,
	after: number,
	perPage: number
): Promise< PathPerson[] > {
	return apiFetch< PathPerson[] >( {
		path: withQuery( restPath( 'insightsPathsPeople' ), {
			...pathQuery( path, range ),
			outcome,
			after,
			per_page: perPage,
		} ),
	} );
}
