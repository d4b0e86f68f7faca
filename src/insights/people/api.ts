/**
 * REST calls of the People and Timeline views.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { restPath, type RouteName } from '../../shared/rest';
import type { Person, PersonDetail, Timeline } from './types';

export const TIMELINE_PER_PAGE = 500;

export interface PeoplePage {
	items: Person[];
	total: number;
}

/**
 * A page of people, last seen first, and the total from X-WP-Total.
 *
 * @param search  The start of an email, a user id or a device id.
 * @param page    Page, from 1.
 * @param perPage People per page.
 */
export async function fetchPeople(
	search: string,
	page: number,
	perPage: number
): Promise< PeoplePage > {
	const params = new URLSearchParams( {
		page: String( page ),
		per_page: String( perPage ),
	} );
	if ( search ) {
		params.set( 'search', search );
	}
	const response = await apiFetch< Response, false >( {
		path: `${ restPath( 'people' ) }?${ params }`,
		parse: false,
	} );
	return {
		items: ( await response.json() ) as Person[],
		total: Number( response.headers.get( 'X-WP-Total' ) ?? 0 ),
	};
}

/**
 * A route path with its id filled in.
 *
 * @param name  Route name in data/rest.json.
 * @param value The id.
 */
export function withId( name: RouteName, value: string ): string {
	return restPath( name ).replace(
		/\(\?P<\w+>[^)]+\)/,
		encodeURIComponent( value )
	);
}

/**
 * One person with devices and ids.
 *
 * @param id Person id.
 */
export function fetchPerson( id: string ): Promise< PersonDetail > {
	return apiFetch< PersonDetail >( { path: withId( 'person', id ) } );
}

/**
 * A page of a person's or a device's timeline.
 *
 * @param of        Whose: { person } or { device }.
 * @param of.person Person id.
 * @param of.device Device id.
 * @param page      Page, from 1.
 */
export function fetchTimeline(
	of: { person?: string; device?: string },
	page: number
): Promise< Timeline > {
	const path = of.person
		? withId( 'personTimeline', of.person )
		: withId( 'deviceTimeline', of.device ?? '' );
	return apiFetch< Timeline >( {
		path: `${ path }?per_page=${ TIMELINE_PER_PAGE }&page=${ page }`,
	} );
}
