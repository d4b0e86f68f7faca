/**
 * The rule form's options that give the receiver more than the event: the
 * lead brief (a readable summary of the lead's journey, read from their
 * timeline when the rule sends) and a nurture email drafted by the site's
 * AI provider first. Drafting is hidden when the site switched AI off, and
 * explained, with the way to Settings → Connectors, when no provider is
 * connected (the server refuses such a rule; src/shared/ai-page-data.ts
 * says what the page was told).
 */

/**
 * WordPress dependencies
 */
import { CheckboxControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ActionType } from './automations-api';
import { aiPageData, type AiAvailability } from '../shared/ai-page-data';
import { takes } from './automations-form-state';

/** Why a rule cannot draft, by availability. */
const UNAVAILABLE: Record< AiAvailability, string > = {
	hidden: __(
		'AI features are switched off on this site, so this rule cannot draft: turn this off to save it.',
		'footprints'
	),
	no_client: __(
		'Drafting needs WordPress 7.0 or later, whose AI client sends the request to a provider you connect under Settings → Connectors.',
		'footprints'
	),
	no_provider: __(
		'No AI provider is connected, so this rule cannot draft. Connect one under Settings → Connectors, then come back; nothing is sent to a provider until you do and turn this on.',
		'footprints'
	),
	ready: '',
};

/** What the server told the page about drafting; hidden when it said nothing. */
function aiData(): { availability: AiAvailability; connectorsUrl: string } {
	return aiPageData() ?? { availability: 'hidden', connectorsUrl: '' };
}

interface Props {
	type: ActionType;
	includeBrief: boolean;
	aiDraft: boolean;
	/** The server's error about either option. */
	error?: string;
	onChange: ( patch: { includeBrief?: boolean; aiDraft?: boolean } ) => void;
}

export default function AiOptions( {
	type,
	includeBrief,
	aiDraft,
	error,
	onChange,
}: Props ) {
	const { availability, connectorsUrl } = aiData();
	const ready = availability === 'ready';
	// A saved rule that drafts stays editable, so the option can be turned off.
	const offerDraft =
		takes( type, 'ai_draft' ) && ( availability !== 'hidden' || aiDraft );
	const draftHelp =
		type === 'crm'
			? __(
					'Before each send, your AI provider drafts a nurture email for the lead from their brief and your instructions on the AI tab; map “AI draft: subject” and “AI draft: body” to CRM fields below. The lead’s brief goes to the provider. If the provider fails, the attempt fails with its message and is retried.',
					'footprints'
				)
			: __(
					'Before each send, your AI provider drafts a nurture email for the lead from their brief and your instructions on the AI tab, sent as “draft”: {subject, body}. The lead’s brief goes to the provider. If the provider fails, the attempt fails with its message and is retried.',
					'footprints'
				);
	return (
		<div className="footprints-rule-ai">
			{ takes( type, 'include_brief' ) && (
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __( 'Include the lead brief', 'footprints' ) }
					help={
						type === 'slack'
							? __(
									'Adds a “Lead brief” field: who the lead is and what they did, in order, with your event descriptions. It reads the lead’s timeline each time the rule sends.',
									'footprints'
								)
							: __(
									'Adds “brief”: who the lead is and what they did, in order, with your event descriptions, for your tools or your own AI. It reads the lead’s timeline each time the rule sends.',
									'footprints'
								)
					}
					checked={ includeBrief }
					onChange={ ( checked ) =>
						onChange( { includeBrief: checked } )
					}
				/>
			) }
			{ offerDraft && (
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __( 'Draft with AI, then send', 'footprints' ) }
					help={ ready ? draftHelp : undefined }
					checked={ aiDraft }
					disabled={ ! ready && ! aiDraft }
					onChange={ ( checked ) => onChange( { aiDraft: checked } ) }
				/>
			) }
			{ offerDraft && ! ready && (
				<p className="footprints-rule-ai-connect">
					{ UNAVAILABLE[ availability ] }{ ' ' }
					{ availability !== 'hidden' && connectorsUrl && (
						<a href={ connectorsUrl }>
							{ __( 'Open Settings → Connectors', 'footprints' ) }
						</a>
					) }
				</p>
			) }
			{ error && (
				<p className="footprints-form-error" role="alert">
					{ error }
				</p>
			) }
		</div>
	);
}
