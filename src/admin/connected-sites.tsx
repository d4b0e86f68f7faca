/**
 * Connected sites (this site as a hub): the sites allowed to sync from it
 * and send it events, each with its own app ID and key. A DataViews list
 * (this site first, then the sites: name, status, last sync, last event,
 * events in the last 7 days), a form to add one, its key shown once, and
 * rotate / revoke, each behind a confirmation.
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
	Notice,
	TextControl,
} from '@wordpress/components';
import {
	DataViews,
	type Action,
	type Field,
	type View,
} from '@wordpress/dataviews';
import { dateI18n, getSettings } from '@wordpress/date';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { restPath } from '../shared/rest';
import { errorMessage } from './api';
import Confirm from './confirm';
import { useNotify } from './notices';

export interface ConnectedSite {
	app_id: string;
	name: string;
	status: 'hub' | 'active' | 'revoked';
	created_at: string | null;
	key_created_at: string | null;
	revoked_at: string | null;
	last_sync_at: string | null;
	last_event_at: string | null;
	events_7d: number | null;
}

interface NewKey {
	site: ConnectedSite;
	api_key: string;
}

const ROUTE = restPath( 'sites' );

/**
 * A stored UTC time in the site's date format, or a word for its absence.
 *
 * @param time    ISO 8601 time.
 * @param missing What to show without one.
 */
function when( time: string | null, missing: string ): string {
	if ( ! time ) {
		return missing;
	}
	const { formats } = getSettings();
	return dateI18n( `${ formats.date } ${ formats.time }`, time, undefined );
}

const STATUS_LABELS: Record< ConnectedSite[ 'status' ], string > = {
	hub: __( 'This site', 'footprints' ),
	active: __( 'Active', 'footprints' ),
	revoked: __( 'Revoked', 'footprints' ),
};

const FIELDS: Field< ConnectedSite >[] = [
	{
		id: 'name',
		label: __( 'Site', 'footprints' ),
		enableHiding: false,
		enableSorting: false,
	},
	{
		id: 'app_id',
		label: __( 'App ID', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) => <code>{ item.app_id }</code>,
	},
	{
		id: 'status',
		label: __( 'Status', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) => STATUS_LABELS[ item.status ],
	},
	{
		id: 'last_sync_at',
		label: __( 'Last sync', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) =>
			item.status === 'hub'
				? '—'
				: when( item.last_sync_at, __( 'never', 'footprints' ) ),
	},
	{
		id: 'last_event_at',
		label: __( 'Last event received', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) =>
			item.events_7d === null
				? __( 'not recorded yet', 'footprints' )
				: when( item.last_event_at, __( 'none yet', 'footprints' ) ),
	},
	{
		id: 'events_7d',
		label: __( 'Events (7 days)', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) =>
			item.events_7d === null ? '—' : item.events_7d.toLocaleString(),
	},
];

const VIEW: View = {
	type: 'table',
	page: 1,
	perPage: 50,
	titleField: 'name',
	fields: [
		'app_id',
		'status',
		'last_sync_at',
		'last_event_at',
		'events_7d',
	],
	layout: {},
};

interface Props {
	/** This site's address, which connected sites enter as their backend URL. */
	hubUrl: string;
}

export default function ConnectedSites( { hubUrl }: Props ) {
	const notify = useNotify();
	const [ sites, setSites ] = useState< ConnectedSite[] >( [] );
	const [ isLoading, setLoading ] = useState( true );
	const [ view, setView ] = useState< View >( VIEW );
	const [ name, setName ] = useState( '' );
	const [ adding, setAdding ] = useState( false );
	const [ newKey, setNewKey ] = useState< NewKey | null >( null );
	const [ changes, setChanges ] = useState( 0 );

	useEffect( () => {
		setLoading( true );
		apiFetch< ConnectedSite[] >( { path: ROUTE } )
			.then( setSites, ( error ) =>
				notify.error( errorMessage( error ) )
			)
			.finally( () => setLoading( false ) );
		// notify is recreated each render; the list depends on changes only.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ changes ] );
	const reload = () => setChanges( ( count ) => count + 1 );
	// Every change of a site: the call, then its notice and a fresh list.
	const act = async ( task: () => Promise< string > ) => {
		try {
			notify.success( await task() );
			reload();
		} catch ( error ) {
			notify.error( errorMessage( error ) );
		}
	};

	const add = async () => {
		setAdding( true );
		try {
			const added = await apiFetch< NewKey >( {
				path: ROUTE,
				method: 'POST',
				data: { name },
			} );
			setNewKey( added );
			setName( '' );
			notify.success(
				sprintf(
					/* translators: %s: site name. */
					__(
						'“%s” is connected. Copy its key now: it is shown only once.',
						'footprints'
					),
					added.site.name
				)
			);
			reload();
		} catch ( error ) {
			notify.error( errorMessage( error ) );
		} finally {
			setAdding( false );
		}
	};

	const actions = useMemo< Action< ConnectedSite >[] >(
		() => [
			{
				id: 'rotate',
				label: __( 'Rotate key', 'footprints' ),
				isEligible: ( item ) => item.status === 'active',
				modalHeader: __( 'Rotate the key', 'footprints' ),
				RenderModal: ( { items: [ item ], closeModal } ) => (
					<Confirm
						closeModal={ closeModal }
						isDestructive
						label={ __( 'Rotate key', 'footprints' ) }
						messages={ [
							sprintf(
								/* translators: %s: site name. */
								__(
									'Give “%s” a new key? Its current key stops working at once: the site cannot sync or send events until its admin enters the new key.',
									'footprints'
								),
								item.name
							),
						] }
						onConfirm={ () =>
							act( async () => {
								setNewKey(
									await apiFetch< NewKey >( {
										path: `${ ROUTE }/${ item.app_id }/key`,
										method: 'POST',
									} )
								);
								return sprintf(
									/* translators: %s: site name. */
									__(
										'“%s” has a new key. Copy it now: it is shown only once.',
										'footprints'
									),
									item.name
								);
							} )
						}
					/>
				),
			},
			{
				id: 'revoke',
				label: __( 'Revoke', 'footprints' ),
				isDestructive: true,
				isEligible: ( item ) => item.status === 'active',
				modalHeader: __( 'Revoke the site', 'footprints' ),
				RenderModal: ( { items: [ item ], closeModal } ) => (
					<Confirm
						closeModal={ closeModal }
						isDestructive
						label={ __( 'Revoke', 'footprints' ) }
						messages={ [
							sprintf(
								/* translators: %s: site name. */
								__(
									'Revoke “%s”? Its app ID and key stop working at once: it can no longer sync or send events. The events it sent stay. To connect it again, add it as a new site.',
									'footprints'
								),
								item.name
							),
						] }
						onConfirm={ () =>
							act( async () => {
								await apiFetch( {
									path: `${ ROUTE }/${ item.app_id }/revoke`,
									method: 'POST',
								} );
								if ( newKey?.site.app_id === item.app_id ) {
									setNewKey( null );
								}
								return sprintf(
									/* translators: %s: site name. */
									__(
										'“%s” is revoked: it can no longer sync or send events.',
										'footprints'
									),
									item.name
								);
							} )
						}
					/>
				),
			},
		],
		// notify is recreated each render; its functions are stable in effect.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[ newKey ]
	);

	return (
		<Card className="footprints-connected-sites">
			<CardHeader>
				<h2>{ __( 'Connected sites', 'footprints' ) }</h2>
			</CardHeader>
			<CardBody>
				<Flex direction="column" gap={ 4 }>
					<p>
						{ __(
							'Other sites running Footprints can use this site as their backend (a hub). Add each one here: it gets its own app ID and key, which you can rotate or revoke without touching the others.',
							'footprints'
						) }
					</p>
					{ newKey && (
						<Notice
							className="footprints-new-key"
							status="warning"
							isDismissible={ false }
						>
							<p>
								{ sprintf(
									/* translators: %s: site name. */
									__(
										'Enter these on “%s” (Footprints → Connection → A remote backend). The key is shown only now: this hub keeps only a hash of it.',
										'footprints'
									),
									newKey.site.name
								) }
							</p>
							<dl className="footprints-sync-status">
								<dt>{ __( 'Backend URL', 'footprints' ) }</dt>
								<dd>
									<code>{ hubUrl }</code>
								</dd>
								<dt>{ __( 'App ID', 'footprints' ) }</dt>
								<dd>
									<code>{ newKey.site.app_id }</code>
								</dd>
								<dt>{ __( 'API key', 'footprints' ) }</dt>
								<dd>
									<code className="footprints-new-key__key">
										{ newKey.api_key }
									</code>
								</dd>
							</dl>
							<Button
								variant="secondary"
								onClick={ () => setNewKey( null ) }
							>
								{ __( 'I have copied the key', 'footprints' ) }
							</Button>
						</Notice>
					) }
					<form
						onSubmit={ ( event ) => {
							event.preventDefault();
							add();
						} }
					>
						<Flex align="flex-end" justify="flex-start">
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ __( 'Site name', 'footprints' ) }
								placeholder={ __(
									'e.g. shop.example.com',
									'footprints'
								) }
								value={ name }
								onChange={ setName }
							/>
							<Button
								__next40pxDefaultSize
								variant="secondary"
								type="submit"
								isBusy={ adding }
								disabled={ adding || name.trim() === '' }
							>
								{ __( 'Add site', 'footprints' ) }
							</Button>
						</Flex>
					</form>
					<DataViews< ConnectedSite >
						data={ sites }
						fields={ FIELDS }
						view={ view }
						onChangeView={ setView }
						actions={ actions }
						getItemId={ ( item ) => item.app_id }
						isLoading={ isLoading }
						paginationInfo={ {
							totalItems: sites.length,
							totalPages: 1,
						} }
						defaultLayouts={ { table: {} } }
						search={ false }
					/>
				</Flex>
			</CardBody>
		</Card>
	);
}
