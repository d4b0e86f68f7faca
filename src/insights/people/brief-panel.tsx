/**
 * The "Lead brief" panel of a lead's timeline: the plain-text summary of
 * their journey (who, when, paths completed, every step with its event's
 * description), as a nurture email, a CRM or an AI assistant gets it,
 * with a button that copies it.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useCopyToClipboard } from '@wordpress/compose';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../admin/api';
import { fetchBrief, type LeadBrief } from './brief-api';
import './brief-panel.scss';

/** How long "Copied" shows after a copy, in ms. */
const COPIED_MS = 4000;

interface Props {
	/** Whose brief: a person's id, or a device's id. */
	of: { person?: string; device?: string };
}

/**
 * The copy button, with its "Copied" confirmation.
 *
 * @param props      Props.
 * @param props.text What it copies.
 */
function CopyBrief( { text }: { text: string } ) {
	const [ copied, setCopied ] = useState( false );
	const copyRef = useCopyToClipboard< HTMLButtonElement >( text, () =>
		setCopied( true )
	);
	useEffect( () => {
		if ( ! copied ) {
			return undefined;
		}
		const timer = window.setTimeout( () => setCopied( false ), COPIED_MS );
		return () => window.clearTimeout( timer );
	}, [ copied ] );
	return (
		<>
			<Button __next40pxDefaultSize variant="secondary" ref={ copyRef }>
				{ __( 'Copy brief', 'footprints' ) }
			</Button>
			<span className="footprints-brief__copied" role="status">
				{ copied ? __( 'Copied', 'footprints' ) : '' }
			</span>
		</>
	);
}

export default function BriefPanel( { of }: Props ) {
	const { person, device } = of;
	const [ brief, setBrief ] = useState< LeadBrief | null >( null );
	const [ error, setError ] = useState( '' );

	useEffect( () => {
		let current = true;
		setBrief( null );
		setError( '' );
		fetchBrief( { person, device } )
			.then( ( next ) => current && setBrief( next ) )
			.catch(
				( failure ) => current && setError( errorMessage( failure ) )
			);
		return () => {
			current = false;
		};
	}, [ person, device ] );

	return (
		<section
			className="footprints-brief"
			aria-labelledby="footprints-brief-title"
		>
			<div className="footprints-brief__header">
				<h2 id="footprints-brief-title">
					{ __( 'Lead brief', 'footprints' ) }
				</h2>
				{ brief && <CopyBrief text={ brief.text } /> }
			</div>
			<p className="footprints-brief__intro">
				{ __(
					'This lead’s journey in words, from their events and each event’s description: paste it into an email, a CRM or an AI assistant. Only the traits you mapped in Settings → Forms are named.',
					'footprints'
				) }
			</p>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ! error && ! brief && <Spinner /> }
			{ brief && (
				<pre className="footprints-brief__text" tabIndex={ 0 }>
					{ brief.text }
				</pre>
			) }
		</section>
	);
}
