/**
 * The REST answers of the dashboard and live events (docs/openapi.json:
 * InsightsSummary, /insights/live, /insights/sites), and a hook that loads
 * one of them and says what went wrong when it fails.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { errorMessage } from '../admin/api';
import { restPath, type RouteName } from '../shared/rest';

export interface SummaryEvent {
	code: string;
	name: string;
	color: string;
	events: number;
	previous: number;
	/** Fraction (0.25 is +25 %); null when the previous period had none. */
	change: number | null;
	devices: number;
	/** Events per day, one per entry of Summary.days. */
	daily: number[];
}

export interface Summary {
	range: { from: string; to: string; days: number };
	previous: { from: string; to: string };
	days: string[];
	total: { events: number; previous: number; change: number | null };
	events: SummaryEvent[];
}

export interface LiveEvent {
	id: string;
	event: string;
	app_id: string;
	device_id: string | null;
	attributes: Record< string, unknown >;
	page: string;
	referrer: string;
	time: string;
	received_at: string;
	row: number;
	/** The event's name and color (its code, when the definition is gone). */
	name: string;
	color: string;
}

export interface Site {
	app_id: string;
	name: string;
}

/**
 * A route's path with a query, leaving out empty values.
 *
 * @param name  Route name in data/rest.json.
 * @param query Query parameters.
 */
export function routeWithQuery(
	name: RouteName,
	query: Record< string, string | undefined > = {}
): string {
	const params = new URLSearchParams();
	for ( const [ key, value ] of Object.entries( query ) ) {
		if ( value ) {
			params.set( key, value );
		}
	}
	const search = params.toString();
	return search ? `${ restPath( name ) }?${ search }` : restPath( name );
}

export interface Loaded< T > {
	data: T | null;
	error: string | null;
	isLoading: boolean;
}

/**
 * GETs a path whenever it (or the reload key) changes; a late answer of
 * an older path never overwrites a newer one.
 *
 * @param path      REST path with its query; null loads nothing.
 * @param reloadKey Changes to load the same path again.
 */
export function useRest< T >(
	path: string | null,
	reloadKey = 0
): Loaded< T > {
	const [ state, setState ] = useState< Loaded< T > >( {
		data: null,
		error: null,
		isLoading: path !== null,
	} );
	useEffect( () => {
		if ( path === null ) {
			return undefined;
		}
		let current = true;
		setState( ( previous ) => ( { ...previous, isLoading: true } ) );
		apiFetch< T >( { path } ).then(
			( data ) =>
				current && setState( { data, error: null, isLoading: false } ),
			( error ) =>
				current &&
				setState( ( previous ) => ( {
					...previous,
					error: errorMessage( error ),
					isLoading: false,
				} ) )
		);
		return () => {
			current = false;
		};
	}, [ path, reloadKey ] );
	return state;
}
