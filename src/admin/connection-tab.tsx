/**
 * The Connection tab: this site or a remote backend (URL, app ID, API key),
 * Test connection, Sync now (confirmed first when a first sync would touch
 * local history) with the last sync's status, and, for this site as a hub,
 * the sites connected to it.
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
	Flex,
	Modal,
	RadioControl,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { restPath } from '../shared/rest';
import { errorMessage } from './api';
import Confirm from './confirm';
import ConnectedSites from './connected-sites';
import { useNotify } from './notices';
import SyncStatusView, { type SyncStatus } from './sync-status';

export interface ConnectionSettings {
	mode: 'embedded' | 'remote';
	url: string;
	app_id: string;
	has_api_key: boolean;
	private_backends_allowed: boolean;
	site_url: string;
}

interface Props {
	connection: ConnectionSettings;
	onSaved: ( connection: ConnectionSettings ) => void;
}

export default function ConnectionTab( { connection, onSaved }: Props ) {
	const notify = useNotify();
	const [ mode, setMode ] = useState( connection.mode );
	const [ url, setUrl ] = useState( connection.url );
	const [ appId, setAppId ] = useState( connection.app_id );
	const [ apiKey, setApiKey ] = useState( '' );
	const [ busy, setBusy ] = useState<
		'save' | 'test' | 'sync' | 'remove' | null
	>( null );
	const [ status, setStatus ] = useState< SyncStatus | null >( null );
	const [ confirming, setConfirming ] = useState( false );

	useEffect( () => {
		apiFetch< SyncStatus >( { path: restPath( 'sync' ) } ).then(
			setStatus,
			() => {}
		);
	}, [ connection ] );

	const run = async (
		what: NonNullable< typeof busy >,
		task: () => Promise< void >
	) => {
		setBusy( what );
		try {
			await task();
		} catch ( error ) {
			notify.error( errorMessage( error ) );
			const sync = ( error as { data?: { sync?: SyncStatus } } )?.data
				?.sync;
			if ( sync ) {
				setStatus( ( previous ) => ( { ...previous, ...sync } ) );
			}
		} finally {
			setBusy( null );
		}
	};

	const fields = {
		mode,
		url,
		app_id: appId,
		...( apiKey ? { api_key: apiKey } : {} ),
	};
	// The stored key belongs to the saved URL and app ID only.
	const keyStaysValid =
		connection.has_api_key &&
		url === connection.url &&
		appId === connection.app_id;

	const save = () =>
		run( 'save', async () => {
			const saved = await apiFetch< ConnectionSettings >( {
				path: restPath( 'connection' ),
				method: 'PUT',
				data: fields,
			} );
			setApiKey( '' );
			onSaved( saved );
			notify.success(
				saved.mode === 'remote'
					? __(
							'Connection saved. Sync now to copy the backend’s events.',
							'footprints'
						)
					: __(
							'Connection saved: this site is its own backend.',
							'footprints'
						)
			);
		} );

	const removeKey = () =>
		run( 'remove', async () => {
			const saved = await apiFetch< ConnectionSettings >( {
				path: restPath( 'connection' ),
				method: 'PUT',
				data: { remove_api_key: true },
			} );
			onSaved( saved );
			notify.success(
				__(
					'The stored API key was removed. Enter a key to sync again.',
					'footprints'
				)
			);
		} );

	const test = () =>
		run( 'test', async () => {
			const result = await apiFetch< { total: number } >( {
				path: restPath( 'connectionTest' ),
				method: 'POST',
				data: fields,
			} );
			notify.success(
				sprintf(
					/* translators: %d: number of events on the backend. */
					__( 'Connected: the backend has %d events.', 'footprints' ),
					result.total
				)
			);
		} );

	const pullNow = async ( confirm: boolean ) => {
		setConfirming( false );
		const result = await apiFetch< SyncStatus >( {
			path: restPath( 'sync' ),
			method: 'POST',
			data: { confirm },
		} );
		setStatus( result );
		notify.success(
			result.result === 'unchanged'
				? __( 'Synced: nothing changed on the backend.', 'footprints' )
				: [
						sprintf(
							/* translators: 1: added, 2: changed, 3: removed. */
							__(
								'Synced: %1$d added, %2$d changed, %3$d removed.',
								'footprints'
							),
							result.added,
							result.changed,
							result.removed
						),
						result.kept > 0
							? sprintf(
									/* translators: %d: removed events kept for their history. */
									_n(
										'%d removed event has history here: it is kept, disabled.',
										'%d removed events have history here: they are kept, disabled.',
										result.kept,
										'footprints'
									),
									result.kept
								)
							: '',
					]
						.filter( Boolean )
						.join( ' ' )
		);
	};
	const sync = ( confirm: boolean ) =>
		run( 'sync', () => pullNow( confirm ) );

	// Asked afresh on each click: the status loaded with the screen may
	// predate a connection saved since.
	const startSync = () =>
		run( 'sync', async () => {
			const outlook = await apiFetch< SyncStatus >( {
				path: restPath( 'sync' ),
			} );
			setStatus( outlook );
			if ( outlook.first_sync && outlook.local_history.count > 0 ) {
				setConfirming( true );
				return;
			}
			await pullNow( false );
		} );
	const isRemote = mode === 'remote';
	const savedRemote = connection.mode === 'remote';

	return (
		<Flex direction="column" gap={ 4 }>
			<Card>
				<CardHeader>
					<h2>{ __( 'Backend', 'footprints' ) }</h2>
				</CardHeader>
				<CardBody>
					<form
						onSubmit={ ( event ) => {
							event.preventDefault();
							save();
						} }
					>
						<Flex direction="column" gap={ 4 }>
							<RadioControl
								label={ __(
									'Where events are defined and sent',
									'footprints'
								) }
								selected={ mode }
								options={ [
									{
										value: 'embedded',
										label: __( 'This site', 'footprints' ),
									},
									{
										value: 'remote',
										label: __(
											'A remote backend',
											'footprints'
										),
									},
								] }
								onChange={ ( value ) =>
									setMode(
										value as ConnectionSettings[ 'mode' ]
									)
								}
							/>
							{ isRemote && (
								<>
									<TextControl
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										type="url"
										label={ __(
											'Backend URL',
											'footprints'
										) }
										help={
											connection.private_backends_allowed
												? __(
														'The backend’s home address, e.g. https://events.example.com. This server may also call backends on its local network (wp-config.php allows it).',
														'footprints'
													)
												: __(
														'The backend’s home address, e.g. https://events.example.com: https, port 443, a public address.',
														'footprints'
													)
										}
										value={ url }
										onChange={ setUrl }
									/>
									<TextControl
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										label={ __( 'App ID', 'footprints' ) }
										help={ __(
											'The app ID the backend’s admin gave this site.',
											'footprints'
										) }
										value={ appId }
										onChange={ setAppId }
									/>
									<TextControl
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										type="password"
										autoComplete="off"
										label={ __( 'API key', 'footprints' ) }
										help={ ( () => {
											if ( keyStaysValid ) {
												return __(
													'A key is stored for this URL and app ID; it is never shown. Leave empty to keep it.',
													'footprints'
												);
											}
											if ( connection.has_api_key ) {
												return __(
													'The URL or app ID changed: enter the key again. The stored key is only ever sent to the address it was saved for.',
													'footprints'
												);
											}
											return __(
												'The key the backend’s admin gave this site.',
												'footprints'
											);
										} )() }
										value={ apiKey }
										onChange={ setApiKey }
									/>
								</>
							) }
							<Flex justify="flex-start" wrap>
								<Button
									__next40pxDefaultSize
									variant="primary"
									type="submit"
									isBusy={ busy === 'save' }
									disabled={ busy !== null }
								>
									{ __( 'Save connection', 'footprints' ) }
								</Button>
								{ isRemote && (
									<Button
										__next40pxDefaultSize
										variant="secondary"
										onClick={ test }
										isBusy={ busy === 'test' }
										disabled={ busy !== null }
									>
										{ __(
											'Test connection',
											'footprints'
										) }
									</Button>
								) }
								{ savedRemote && (
									<Button
										__next40pxDefaultSize
										variant="secondary"
										onClick={ startSync }
										isBusy={ busy === 'sync' }
										disabled={ busy !== null }
									>
										{ busy === 'sync'
											? __( 'Syncing…', 'footprints' )
											: __( 'Sync now', 'footprints' ) }
									</Button>
								) }
								{ connection.has_api_key && (
									<Button
										__next40pxDefaultSize
										variant="tertiary"
										isDestructive
										onClick={ removeKey }
										isBusy={ busy === 'remove' }
										disabled={ busy !== null }
									>
										{ __(
											'Remove stored key',
											'footprints'
										) }
									</Button>
								) }
							</Flex>
						</Flex>
					</form>
				</CardBody>
			</Card>
			{ confirming && status && (
				<Modal
					title={ __( 'First sync from this backend', 'footprints' ) }
					onRequestClose={ () => setConfirming( false ) }
				>
					<Confirm
						closeModal={ () => setConfirming( false ) }
						label={ __( 'Sync and keep history', 'footprints' ) }
						messages={ [
							sprintf(
								/* translators: 1: number of events, 2: their codes. */
								_n(
									'This site has %1$d event with recorded history (%2$s).',
									'This site has %1$d events with recorded history (%2$s).',
									status.local_history.count,
									'footprints'
								),
								status.local_history.count,
								status.local_history.codes.join( ', ' )
							),
							__(
								'The sync replaces this site’s events with the backend’s. Events the backend lacks are deleted if they were never triggered; those with history are kept, disabled and marked “removed on the backend”, so their history stays and you can enable them again.',
								'footprints'
							),
						] }
						onConfirm={ () => sync( true ) }
					/>
				</Modal>
			) }
			{ savedRemote && status && <SyncStatusView status={ status } /> }
			{ ! savedRemote && (
				<ConnectedSites hubUrl={ connection.site_url } />
			) }
		</Flex>
	);
}
