/**
 * What the server told an admin page about drafting with AI
 * (window.footprintsAi, from includes/Ai/DraftScriptData.php): the lead
 * timeline's draft panel and the automation form's "Draft with AI" read it,
 * so neither asks the server on opening.
 */

/** What the screens may offer (NurtureDraft::availability()). */
export type AiAvailability = 'hidden' | 'no_client' | 'no_provider' | 'ready';

export interface AiPageData {
	availability: AiAvailability;
	canManage: boolean;
	connectorsUrl: string;
	aiSettingsUrl: string;
	automationsUrl: string;
}

/** What the page was told, or undefined when it was told nothing. */
export function aiPageData(): AiPageData | undefined {
	return ( window as unknown as { footprintsAi?: AiPageData } ).footprintsAi;
}
