/**
 * The draft routes (POST footprints/v1/people/{id}/draft and
 * /devices/{device_id}/draft).
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { withId } from './api';

export interface Draft {
	subject: string;
	body: string;
}

/**
 * The draft route of a person or a device.
 *
 * @param of        Whose: { person } or { device }.
 * @param of.person Person id.
 * @param of.device Device id.
 */
export function draftPath( of: { person?: string; device?: string } ): string {
	return of.person
		? withId( 'personDraft', of.person )
		: withId( 'deviceDraft', of.device ?? '' );
}

/**
 * Asks the site's AI provider for a draft to this lead.
 *
 * @param of        Whose: { person } or { device }.
 * @param of.person Person id.
 * @param of.device Device id.
 */
export function requestDraft( of: {
	person?: string;
	device?: string;
} ): Promise< Draft > {
	return apiFetch< Draft >( { path: draftPath( of ), method: 'POST' } );
}
