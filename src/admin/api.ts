/**
 * REST calls of the settings screen, and the messages of their errors.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Definition, DefinitionInput } from '../shared/definition';
import { restPath } from '../shared/rest';

export const ROUTE = restPath( 'definitions' );

export interface DefinitionQuery {
	search: string;
	page: number;
	perPage: number;
	enabled?: boolean;
	system: boolean;
}

export interface DefinitionPage {
	items: Definition[];
	total: number;
}

/**
 * A page of definitions and the total from X-WP-Total.
 *
 * @param query Search, filters and paging.
 */
export async function fetchDefinitions(
	query: DefinitionQuery
): Promise< DefinitionPage > {
	const params = new URLSearchParams( {
		search: query.search,
		page: String( query.page ),
		per_page: String( query.perPage ),
		system: String( query.system ),
	} );
	if ( query.enabled !== undefined ) {
		params.set( 'enabled', String( query.enabled ) );
	}
	const response = await apiFetch< Response, false >( {
		path: `${ ROUTE }?${ params }`,
		parse: false,
	} );
	return {
		items: ( await response.json() ) as Definition[],
		total: Number( response.headers.get( 'X-WP-Total' ) ?? 0 ),
	};
}

/**
 * Creates a definition.
 *
 * @param input The definition.
 */
export function createDefinition( input: DefinitionInput ) {
	return apiFetch< Definition >( {
		path: ROUTE,
		method: 'POST',
		data: input,
	} );
}

/**
 * Changes a definition's fields.
 *
 * @param code    Its code.
 * @param changes Fields to change.
 */
export function updateDefinition(
	code: string,
	changes: Partial< DefinitionInput >
) {
	return apiFetch< Definition >( {
		path: `${ ROUTE }/${ code }`,
		method: 'PATCH',
		data: changes,
	} );
}

/**
 * Deletes a definition (refused with 409 once triggered).
 *
 * @param code Its code.
 */
export function deleteDefinition( code: string ) {
	return apiFetch( { path: `${ ROUTE }/${ code }`, method: 'DELETE' } );
}

export interface RestError {
	code?: string;
	message?: string;
	data?: {
		status?: number;
		field?: string;
		params?: Record< string, string >;
	};
}

/**
 * The message of a REST error, with each invalid parameter's reason.
 *
 * @param error What apiFetch threw.
 */
export function errorMessage( error: unknown ): string {
	const { message, data } = ( error ?? {} ) as RestError;
	const details = Object.values( data?.params ?? {} );
	return (
		[ message, ...details ].filter( Boolean ).join( ' ' ) ||
		__(
			'The request failed. Check your connection and try again.',
			'footprints'
		)
	);
}

/**
 * The field a 400 names, if any.
 *
 * @param error What apiFetch threw.
 */
export function errorField( error: unknown ): string | undefined {
	const { data } = ( error ?? {} ) as RestError;
	return data?.field ?? Object.keys( data?.params ?? {} )[ 0 ];
}
