/**
 * "Draft a nurture email" on a lead's timeline: the site's AI provider
 * writes one from the lead brief and the owner's instructions (Settings →
 * AI); the subject and body can be copied. Without a provider (or before
 * WordPress 7.0) the panel says how to connect one instead; when the site
 * switched AI off it shows nothing. A provider's refusal is a notice with
 * its own message.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Flex,
	Notice,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { createInterpolateElement, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { aiPageData, type AiAvailability } from '../../shared/ai-page-data';
import AiConnect from '../../admin/ai-connect';
import { errorMessage } from '../../admin/api';
import { requestDraft, type Draft } from './draft-api';
import CopyButton from '../../shared/copy-button';
import './draft-panel.scss';

/**
 * The availability an error names (the provider went away meanwhile).
 * @param error
 */
function availabilityOf( error: unknown ): AiAvailability | undefined {
	const code = ( error as { code?: string } )?.code ?? '';
	const match = /^footprints_ai_(hidden|no_client|no_provider)$/.exec( code );
	return match ? ( match[ 1 ] as AiAvailability ) : undefined;
}

interface Props {
	personId: string;
	device: string;
}

export default function DraftPanel( { personId, device }: Props ) {
	const page = aiPageData();
	const [ availability, setAvailability ] = useState( page?.availability );
	const [ draft, setDraft ] = useState< Draft | null >( null );
	const [ error, setError ] = useState( '' );
	const [ busy, setBusy ] = useState( false );

	if ( ! page || ! availability || availability === 'hidden' ) {
		return null;
	}
	const ask = async () => {
		setBusy( true );
		setError( '' );
		try {
			setDraft(
				await requestDraft(
					personId ? { person: personId } : { device }
				)
			);
		} catch ( failure ) {
			const now = availabilityOf( failure );
			if ( now ) {
				setAvailability( now );
			} else {
				setError( errorMessage( failure ) );
			}
		} finally {
			setBusy( false );
		}
	};
	return (
		<section
			className="footprints-draft"
			aria-label={ __( 'Nurture email', 'footprints' ) }
		>
			<h2>{ __( 'Nurture email', 'footprints' ) }</h2>
			{ availability !== 'ready' ? (
				<AiConnect
					availability={ availability }
					connectorsUrl={ page.connectorsUrl }
					canManage={ page.canManage }
				/>
			) : (
				<>
					<p>
						{ __(
							'Your AI provider writes one email to this lead from their brief and your instructions (Settings → AI). Clicking sends both to the provider.',
							'footprints'
						) }
					</p>
					<Button
						__next40pxDefaultSize
						variant={ draft ? 'secondary' : 'primary' }
						isBusy={ busy }
						disabled={ busy }
						onClick={ ask }
					>
						{ draft
							? __( 'Draft another', 'footprints' )
							: __( 'Draft a nurture email', 'footprints' ) }
					</Button>
				</>
			) }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ draft && (
				<div className="footprints-draft__result">
					<Flex align="flex-end">
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __( 'Subject', 'footprints' ) }
							value={ draft.subject }
							readOnly
							onChange={ () => undefined }
						/>
						<CopyButton
							text={ draft.subject }
							label={ __( 'Copy subject', 'footprints' ) }
						/>
					</Flex>
					<TextareaControl
						__nextHasNoMarginBottom
						label={ __( 'Body', 'footprints' ) }
						value={ draft.body }
						rows={ Math.min(
							16,
							Math.max( 6, draft.body.split( '\n' ).length + 1 )
						) }
						readOnly
						onChange={ () => undefined }
					/>
					<Flex justify="flex-start">
						<CopyButton
							text={ draft.body }
							label={ __( 'Copy body', 'footprints' ) }
						/>
					</Flex>
					<p className="footprints-draft__send">
						{ page.canManage
							? createInterpolateElement(
									__(
										'Check it before you send it. To draft and send emails like this on their own, add an automation under <a>Settings → Automations</a>.',
										'footprints'
									),
									// eslint-disable-next-line jsx-a11y/anchor-has-content -- createInterpolateElement puts the words inside.
									{ a: <a href={ page.automationsUrl } /> }
								)
							: __(
									'Check it before you send it. Automations under Settings → Automations can draft and send emails like this on their own.',
									'footprints'
								) }
					</p>
				</div>
			) }
		</section>
	);
}
