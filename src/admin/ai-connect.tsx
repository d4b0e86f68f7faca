/**
 * How drafting stands on this site, in words a site owner acts on: ready,
 * or how to connect a provider (Settings → Connectors), or why there is
 * nothing to connect (WordPress before 7.0). Shared by the AI tab and the
 * lead timeline's draft panel; with AI switched off it says so only where
 * asked to (the AI tab), the timeline shows nothing.
 */

/**
 * WordPress dependencies
 */
import { createInterpolateElement } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AiAvailability } from '../shared/ai-page-data';

interface Props {
	availability: AiAvailability;
	connectorsUrl: string;
	/** Whether the reader may open Settings → Connectors. */
	canManage: boolean;
}

export default function AiConnect( {
	availability,
	connectorsUrl,
	canManage,
}: Props ) {
	if ( availability === 'ready' ) {
		return (
			<p>
				{ __(
					'An AI provider is connected: drafts can be asked for from a lead’s timeline.',
					'footprints'
				) }
			</p>
		);
	}
	if ( availability === 'hidden' ) {
		return (
			<p>
				{ __(
					'AI features are switched off on this site (by its configuration or a plugin), so Footprints offers no drafts and sends nothing to any AI provider.',
					'footprints'
				) }
			</p>
		);
	}
	if ( availability === 'no_client' ) {
		return (
			<p>
				{ __(
					'Drafting nurture emails needs WordPress 7.0 or later: its AI client sends the request to a provider you connect under Settings → Connectors. Update WordPress to use it.',
					'footprints'
				) }
			</p>
		);
	}
	if ( ! canManage ) {
		return (
			<p>
				{ __(
					'To draft nurture emails here, an administrator connects an AI provider under Settings → Connectors. Nothing is sent to any provider until then.',
					'footprints'
				) }
			</p>
		);
	}
	return (
		<p>
			{ createInterpolateElement(
				__(
					'To draft nurture emails, connect an AI provider under <a>Settings → Connectors</a> (install its plugin and enter its key). Nothing is sent to any provider until you do.',
					'footprints'
				),
				// eslint-disable-next-line jsx-a11y/anchor-has-content -- createInterpolateElement puts the words inside.
				{ a: <a href={ connectorsUrl } /> }
			) }
		</p>
	);
}
