/**
 * The lead brief as the REST routes answer it (docs/openapi.json:
 * LeadBrief), and its fetch.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { withId } from './api';

export interface LeadBrief {
	/** The brief, plain text, lines joined by "\n". */
	text: string;
	person: number | null;
	devices: string[];
	/** Events read: the latest 500 at most. */
	events: number;
	/** The lead has more events than were read (the text says so). */
	truncated: boolean;
	total: number;
	sessions: number;
	timezone: string;
}

/**
 * The brief of a person (all their devices) or of one device.
 *
 * @param of        Whose: { person } or { device }.
 * @param of.person Person id.
 * @param of.device Device id.
 */
export function fetchBrief( of: {
	person?: string;
	device?: string;
} ): Promise< LeadBrief > {
	return apiFetch< LeadBrief >( {
		path: of.person
			? withId( 'personBrief', of.person )
			: withId( 'deviceBrief', of.device ?? '' ),
	} );
}
