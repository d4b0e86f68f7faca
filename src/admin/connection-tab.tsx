/**
 * The Connection tab: this site or a remote backend (URL, app ID, API key),
 * Test connection, Sync now with the result and the last sync's status,
 * and the key other sites use to sync from this one.
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
	RadioControl,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from './api';
import { useNotify } from './notices';
import SyncStatusView, { type SyncStatus } from './sync-status';

export interface ConnectionSettings {
	mode: 'embedded' | 'remote';
	url: string;
	app_id: string;
	has_api_key: boolean;
	access: { app_id: string | null };
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
		'save' | 'test' | 'sync' | 'key' | null
	>( null );
	const [ status, setStatus ] = useState< SyncStatus | null >( null );
	const [ newKey, setNewKey ] = useState< {
		app_id: string;
		api_key: string;
	} | null >( null );

	useEffect( () => {
		apiFetch< SyncStatus >( { path: '/footprints/v1/sync' } ).then(
			setStatus,
			() => {}
		);
	}, [] );

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
				setStatus( sync );
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

	const save = () =>
		run( 'save', async () => {
			const saved = await apiFetch< ConnectionSettings >( {
				path: '/footprints/v1/connection',
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

	const test = () =>
		run( 'test', async () => {
			const result = await apiFetch< { total: number } >( {
				path: '/footprints/v1/connection/test',
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

	const sync = () =>
		run( 'sync', async () => {
			const result = await apiFetch< SyncStatus >( {
				path: '/footprints/v1/sync',
				method: 'POST',
			} );
			setStatus( result );
			notify.success(
				result.result === 'unchanged'
					? __(
							'Synced: nothing changed on the backend.',
							'footprints'
						)
					: sprintf(
							/* translators: 1: added, 2: changed, 3: removed. */
							__(
								'Synced: %1$d added, %2$d changed, %3$d removed.',
								'footprints'
							),
							result.added,
							result.changed,
							result.removed
						)
			);
		} );

	const generateKey = () =>
		run( 'key', async () => {
			const key = await apiFetch< { app_id: string; api_key: string } >( {
				path: '/footprints/v1/access-key',
				method: 'POST',
			} );
			setNewKey( key );
			notify.success(
				__(
					'New API key generated. Copy it now: it is shown only once.',
					'footprints'
				)
			);
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
										help={ __(
											'The backend’s home address, e.g. https://events.example.com',
											'footprints'
										) }
										value={ url }
										onChange={ setUrl }
									/>
									<TextControl
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										label={ __( 'App ID', 'footprints' ) }
										value={ appId }
										onChange={ setAppId }
									/>
									<TextControl
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										type="password"
										autoComplete="off"
										label={ __( 'API key', 'footprints' ) }
										help={
											connection.has_api_key
												? __(
														'A key is stored; it is never shown. Leave empty to keep it.',
														'footprints'
													)
												: __(
														'From the backend’s Footprints settings (Connection tab).',
														'footprints'
													)
										}
										value={ apiKey }
										onChange={ setApiKey }
									/>
								</>
							) }
							<Flex justify="flex-start">
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
										onClick={ sync }
										isBusy={ busy === 'sync' }
										disabled={ busy !== null }
									>
										{ busy === 'sync'
											? __( 'Syncing…', 'footprints' )
											: __( 'Sync now', 'footprints' ) }
									</Button>
								) }
							</Flex>
						</Flex>
					</form>
				</CardBody>
			</Card>
			{ savedRemote && status && <SyncStatusView status={ status } /> }
			<Card>
				<CardHeader>
					<h2>{ __( 'This site as a backend', 'footprints' ) }</h2>
				</CardHeader>
				<CardBody>
					<Flex direction="column" gap={ 3 }>
						<p>
							{ __(
								'Other sites running Footprints can use this site as their remote backend: give them this site’s address, the app ID and an API key.',
								'footprints'
							) }
						</p>
						{ ( newKey?.app_id ?? connection.access.app_id ) && (
							<p>
								{ __( 'App ID:', 'footprints' ) }{ ' ' }
								<code>
									{ newKey?.app_id ??
										connection.access.app_id }
								</code>
							</p>
						) }
						{ newKey && (
							<p>
								{ __( 'API key (shown once):', 'footprints' ) }{ ' ' }
								<code className="footprints-new-key">
									{ newKey.api_key }
								</code>
							</p>
						) }
						<Flex justify="flex-start">
							<Button
								__next40pxDefaultSize
								variant="secondary"
								onClick={ generateKey }
								isBusy={ busy === 'key' }
								disabled={ busy !== null }
							>
								{ connection.access.app_id || newKey
									? __(
											'Generate a new API key (the old one stops working)',
											'footprints'
										)
									: __(
											'Generate an API key',
											'footprints'
										) }
							</Button>
						</Flex>
					</Flex>
				</CardBody>
			</Card>
		</Flex>
	);
}
