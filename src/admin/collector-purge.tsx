/**
 * Purges the events of one code (spam, test clicks) after a confirmation
 * that says how many; a definition left with no events can then be deleted.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from './api';
import { useNotify } from './notices';

export default function PurgeCard() {
	const notify = useNotify();
	const [ code, setCode ] = useState( '' );
	const [ count, setCount ] = useState< number | null >( null );
	const [ busy, setBusy ] = useState( false );
	const path = `/footprints/v1/events/purge?event=${ encodeURIComponent(
		code
	) }`;
	const ask = () => {
		setBusy( true );
		apiFetch< { count: number } >( { path } )
			.then(
				( answer ) => setCount( answer.count ),
				( error ) => notify.error( errorMessage( error ) )
			)
			.finally( () => setBusy( false ) );
	};
	const purge = () => {
		setBusy( true );
		apiFetch< { deleted: number } >( {
			path: '/footprints/v1/events/purge',
			method: 'POST',
			data: { event: code },
		} )
			.then(
				( answer ) => {
					setCount( null );
					notify.success(
						sprintf(
							/* translators: 1: number of events, 2: event code. */
							_n(
								'%1$d event of “%2$s” was deleted.',
								'%1$d events of “%2$s” were deleted.',
								answer.deleted,
								'footprints'
							),
							answer.deleted,
							code
						)
					);
				},
				( error ) => notify.error( errorMessage( error ) )
			)
			.finally( () => setBusy( false ) );
	};
	return (
		<Card className="footprints-purge">
			<CardHeader>
				<h2>{ __( 'Purge the events of one code', 'footprints' ) }</h2>
			</CardHeader>
			<CardBody>
				<p>
					{ __(
						'Deletes every stored event of a code (spam, test clicks) with its daily totals. A definition left with no events can then be deleted.',
						'footprints'
					) }
				</p>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Event code', 'footprints' ) }
					value={ code }
					onChange={ ( value ) => {
						setCode( value );
						setCount( null );
					} }
				/>
				{ count === null ? (
					<Button
						variant="secondary"
						isBusy={ busy }
						disabled={ busy || ! code }
						onClick={ ask }
					>
						{ __( 'Purge events…', 'footprints' ) }
					</Button>
				) : (
					<Notice status="warning" isDismissible={ false }>
						<p>
							{ sprintf(
								/* translators: 1: number of events, 2: event code. */
								_n(
									'Delete %1$d event of “%2$s”? This cannot be undone.',
									'Delete %1$d events of “%2$s”? This cannot be undone.',
									count,
									'footprints'
								),
								count,
								code
							) }
						</p>
						<Button
							variant="primary"
							isDestructive
							isBusy={ busy }
							disabled={ busy || count === 0 }
							onClick={ purge }
						>
							{ sprintf(
								/* translators: %d: number of events. */
								_n(
									'Delete %d event',
									'Delete %d events',
									count,
									'footprints'
								),
								count
							) }
						</Button>{ ' ' }
						<Button
							variant="tertiary"
							onClick={ () => setCount( null ) }
						>
							{ __( 'Cancel', 'footprints' ) }
						</Button>
					</Notice>
				) }
			</CardBody>
		</Card>
	);
}
