/**
 * Settings → AI: whether drafting is available (and how to connect a
 * provider under Settings → Connectors), the owner's instructions for
 * drafts, and what a draft sends to the provider.
 */

/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fetchAiSettings, type AiSettingsAnswer } from './ai-api';
import AiConnect from './ai-connect';
import AiInstructionsCard from './ai-instructions';
import { errorMessage } from './api';
import { useNotify } from './notices';
import './ai-tab.scss';

export default function AiTab() {
	const notify = useNotify();
	const [ answer, setAnswer ] = useState< AiSettingsAnswer | null >( null );

	useEffect( () => {
		fetchAiSettings().then( setAnswer, ( error ) =>
			notify.error( errorMessage( error ) )
		);
		// Once, on opening the tab.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	if ( ! answer ) {
		return <Spinner />;
	}
	return (
		<div className="footprints-ai-tab">
			<Card className="footprints-ai-connection">
				<CardHeader>
					<h2>{ __( 'AI provider', 'footprints' ) }</h2>
				</CardHeader>
				<CardBody>
					<AiConnect
						availability={ answer.availability }
						connectorsUrl={ answer.connectors_url }
						canManage
					/>
				</CardBody>
			</Card>
			<AiInstructionsCard
				initial={ answer.settings }
				onSaved={ setAnswer }
			/>
			<Card className="footprints-ai-sent">
				<CardHeader>
					<h2>{ __( 'What a draft sends', 'footprints' ) }</h2>
				</CardHeader>
				<CardBody>
					<p>
						{ __(
							'Only when someone clicks “Draft a nurture email” on a lead’s timeline (or an automation that drafts runs), Footprints sends the provider connected under Settings → Connectors:',
							'footprints'
						) }
					</p>
					<ul className="footprints-ai-sent__list">
						<li>
							{ __(
								'the lead brief: the lead’s email, name, user id and the traits you mapped in the Forms tab (never other traits);',
								'footprints'
							) }
						</li>
						<li>
							{ __(
								'their events in order, with names, descriptions, pages, times and details, and the ids of their devices;',
								'footprints'
							) }
						</li>
						<li>
							{ __(
								'your instructions above, and a fixed request to write one email from those facts only, with no invented offers.',
								'footprints'
							) }
						</li>
					</ul>
					<p>
						{ __(
							'The provider’s own terms govern what it keeps. The privacy policy text Footprints suggests (Settings → Privacy) lists this too.',
							'footprints'
						) }
					</p>
				</CardBody>
			</Card>
		</div>
	);
}
