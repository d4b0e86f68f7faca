/**
 * The "Lead brief" panel of a lead's timeline: the plain-text summary of
 * their journey (who, when, paths completed, every step with its event's
 * description), as a nurture email, a CRM or an AI assistant gets it,
 * with a button that copies it.
 */

/**
 * WordPress dependencies
 */
import { Notice, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../admin/api';
import { fetchBrief, type LeadBrief } from './brief-api';
import CopyButton from '../../shared/copy-button';
import './brief-panel.scss';

interface Props {
	/** Whose brief: a person's id, or a device's id. */
	of: { person?: string; device?: string };
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
				{ brief && (
					<CopyButton
						text={ brief.text }
						label={ __( 'Copy brief', 'footprints' ) }
					/>
				) }
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
