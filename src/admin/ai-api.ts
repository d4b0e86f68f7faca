/**
 * The AI settings REST contract (footprints/v1/ai/settings, documented in
 * docs/openapi.json): the owner's instructions for drafts, their lengths
 * (data/ai.json) and whether drafting is available on this site.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import rules from '../../data/ai.json';
import type { AiAvailability } from '../shared/ai-page-data';
import { restPath } from '../shared/rest';

const ROUTE = restPath( 'aiSettings' );

export interface AiInstructions {
	tone: string;
	product: string;
	sender: string;
	offer: string;
	instructions: string;
}

export type InstructionName = keyof AiInstructions;

export interface AiSettingsAnswer {
	settings: AiInstructions;
	availability: AiAvailability;
	connectors_url: string;
}

/**
 * The longest an instruction may be.
 *
 * @param name Instruction.
 */
export function maxLength( name: InstructionName ): number {
	return rules.settings[ name ].maxLength;
}

/** The instructions and the availability. */
export function fetchAiSettings(): Promise< AiSettingsAnswer > {
	return apiFetch< AiSettingsAnswer >( { path: ROUTE } );
}

/**
 * Saves the instructions.
 *
 * @param settings The instructions.
 */
export function saveAiSettings(
	settings: AiInstructions
): Promise< AiSettingsAnswer > {
	return apiFetch< AiSettingsAnswer >( {
		path: ROUTE,
		method: 'PUT',
		data: settings,
	} );
}
