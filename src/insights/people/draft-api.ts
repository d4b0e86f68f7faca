/**
 * The draft routes (POST footprints/v1/people/{id}/draft and
 * /devices/{device_id}/draft) and what the Insights page was told about
 * drafting (window.footprintsAi, from includes/Ai/DraftScriptData.php).
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { AiAvailability } from '../../admin/ai-api';
import { restPath } from '../../shared/rest';

export interface Draft {
	subject: string;
	body: string;
}

export interface DraftPageData {
	availability: AiAvailability;
	canManage: boolean;
	connectorsUrl: string;
	aiSettingsUrl: string;
	automationsUrl: string;
}

/** What the page was told; nothing (no draft offered) when it was told nothing. */
export function draftPageData(): DraftPageData | undefined {
	return ( window as unknown as { footprintsAi?: DraftPageData } )
		.footprintsAi;
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
		? restPath( 'personDraft' ).replace(
				/\(\?P<id>[^)]+\)/,
				encodeURIComponent( of.person )
			)
		: restPath( 'deviceDraft' ).replace(
				/\(\?P<device_id>[^)]+\)/,
				encodeURIComponent( of.device ?? '' )
			);
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
