/**
 * The Collector tab: which path visitors' events take, the last drain and
 * what waits in the buffer, the events the collector refused (per code
 * and reason), and the owner's collector settings (retention, the header
 * a trusted proxy sets).
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
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from './api';
import { useNotify } from './notices';

export interface CollectorStatus {
	path: 'fast' | 'rest';
	collect_url: string;
	self_test: { ok: boolean; at: number; message: string } | null;
	last_drain: { at: number; status: string; events: number } | null;
	drain_late: boolean;
	backlog: { bytes: number; files: number; oldest_age: number | null };
	node: string;
	retention_days: number;
}

interface Rejection {
	event: string;
	reason: string;
	count: number;
	last_at: string;
}

interface CollectorSettings {
	footprints_retention_days: number;
	footprints_trusted_proxy_header: string;
}

const ROUTE = '/footprints/v1/collector';

/**
 * "3 minutes ago" style, from seconds since 1970.
 *
 * @param at Seconds since 1970.
 */
function ago( at: number ): string {
	const minutes = Math.max(
		0,
		Math.round( ( Date.now() / 1000 - at ) / 60 )
	);
	return sprintf(
		/* translators: %d: minutes. */
		_n( '%d minute ago', '%d minutes ago', minutes, 'footprints' ),
		minutes
	);
}

function StatusCard( {
	status,
	onChange,
}: {
	status: CollectorStatus;
	onChange: ( status: CollectorStatus ) => void;
} ) {
	const notify = useNotify();
	const [ busy, setBusy ] = useState( false );
	const run = ( path: string, done: string ) => {
		setBusy( true );
		apiFetch( { path, method: 'POST' } )
			.then( () => apiFetch< CollectorStatus >( { path: ROUTE } ) )
			.then(
				( next ) => {
					onChange( next );
					notify.success( done );
				},
				( error ) => notify.error( errorMessage( error ) )
			)
			.finally( () => setBusy( false ) );
	};
	return (
		<Card className="footprints-collector-status">
			<CardHeader>
				<h2>{ __( 'Collection', 'footprints' ) }</h2>
			</CardHeader>
			<CardBody>
				{ status.drain_late && (
					<Notice status="error" isDismissible={ false }>
						{ __(
							'The drain is more than 10 minutes late: events wait in the buffer. Add the cron line below on every web node.',
							'footprints'
						) }
					</Notice>
				) }
				<dl className="footprints-sync-status">
					<dt>{ __( 'Visitors send to', 'footprints' ) }</dt>
					<dd>
						{ status.path === 'fast'
							? __(
									'the fast collector (no WordPress boot)',
									'footprints'
								)
							: __(
									'the REST route (the fast collector did not pass its self-test here)',
									'footprints'
								) }
					</dd>
					<dt>{ __( 'Last self-test', 'footprints' ) }</dt>
					<dd>
						{ status.self_test
							? `${ ago( status.self_test.at ) }${
									status.self_test.message
										? ` — ${ status.self_test.message }`
										: ''
								}`
							: __( 'never', 'footprints' ) }
					</dd>
					<dt>{ __( 'Last drain', 'footprints' ) }</dt>
					<dd>
						{ status.last_drain
							? ago( status.last_drain.at )
							: __( 'never', 'footprints' ) }
					</dd>
					<dt>{ __( 'Waiting in the buffer', 'footprints' ) }</dt>
					<dd>
						{ sprintf(
							/* translators: 1: files, 2: bytes. */
							__( '%1$d files, %2$d bytes', 'footprints' ),
							status.backlog.files,
							status.backlog.bytes
						) }
					</dd>
				</dl>
				<p>
					{ sprintf(
						/* translators: %s: this web node's name. */
						__(
							'Without Redis each web node keeps its own buffer (this one is "%s"), so every node needs this line in its system cron:',
							'footprints'
						),
						status.node
					) }
				</p>
				<p>
					<code>
						* * * * * wp --path=/path/to/wordpress footprints drain
						--quiet
					</code>
				</p>
				<Button
					variant="secondary"
					isBusy={ busy }
					disabled={ busy }
					onClick={ () =>
						run(
							`${ ROUTE }/drain`,
							__( 'The buffer was drained.', 'footprints' )
						)
					}
				>
					{ __( 'Drain now', 'footprints' ) }
				</Button>{ ' ' }
				<Button
					variant="tertiary"
					isBusy={ busy }
					disabled={ busy }
					onClick={ () =>
						run(
							`${ ROUTE }/self-test`,
							__( 'The fast collector was tested.', 'footprints' )
						)
					}
				>
					{ __( 'Test the fast collector', 'footprints' ) }
				</Button>
			</CardBody>
		</Card>
	);
}

function RejectionsCard( { rows }: { rows: Rejection[] } ) {
	return (
		<Card className="footprints-rejections">
			<CardHeader>
				<h2>{ __( 'Refused events', 'footprints' ) }</h2>
			</CardHeader>
			<CardBody>
				{ rows.length === 0 ? (
					<p>{ __( 'No event has been refused.', 'footprints' ) }</p>
				) : (
					<table className="widefat striped">
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Event code', 'footprints' ) }
								</th>
								<th scope="col">
									{ __( 'Reason', 'footprints' ) }
								</th>
								<th scope="col">
									{ __( 'Count', 'footprints' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ rows.map( ( row ) => (
								<tr key={ `${ row.event } ${ row.reason }` }>
									<td>
										<code>
											{ row.event ||
												__(
													'(not a code)',
													'footprints'
												) }
										</code>
									</td>
									<td>{ row.reason }</td>
									<td>{ row.count }</td>
								</tr>
							) ) }
						</tbody>
					</table>
				) }
			</CardBody>
		</Card>
	);
}

function SettingsCard( { initial }: { initial: CollectorSettings } ) {
	const notify = useNotify();
	const [ settings, setSettings ] = useState( initial );
	const [ busy, setBusy ] = useState( false );
	const save = () => {
		setBusy( true );
		apiFetch< CollectorSettings >( {
			path: '/wp/v2/settings',
			method: 'POST',
			data: settings,
		} )
			.then(
				( saved ) => {
					setSettings( saved );
					notify.success(
						__( 'Collector settings saved.', 'footprints' )
					);
				},
				( error ) => notify.error( errorMessage( error ) )
			)
			.finally( () => setBusy( false ) );
	};
	return (
		<Card className="footprints-collector-settings">
			<CardHeader>
				<h2>{ __( 'Collector settings', 'footprints' ) }</h2>
			</CardHeader>
			<CardBody>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="number"
					min={ 1 }
					label={ __( 'Keep events for (days)', 'footprints' ) }
					help={ __(
						'Older events are deleted daily; daily totals are kept for good.',
						'footprints'
					) }
					value={ String( settings.footprints_retention_days ) }
					onChange={ ( value ) =>
						setSettings( {
							...settings,
							footprints_retention_days: Number( value ),
						} )
					}
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __(
						"Header your proxy sets to the visitor's address",
						'footprints'
					) }
					help={ __(
						"Only when a proxy or CDN you run sits in front of this site (e.g. X-Forwarded-For). Empty: the connection's own address counts, which no sender can fake.",
						'footprints'
					) }
					value={ settings.footprints_trusted_proxy_header }
					onChange={ ( value ) =>
						setSettings( {
							...settings,
							footprints_trusted_proxy_header: value,
						} )
					}
				/>
				<Button
					variant="primary"
					isBusy={ busy }
					disabled={ busy }
					onClick={ save }
				>
					{ __( 'Save collector settings', 'footprints' ) }
				</Button>
			</CardBody>
		</Card>
	);
}

function PurgeCard() {
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

export default function CollectorTab() {
	const notify = useNotify();
	const [ status, setStatus ] = useState< CollectorStatus | null >( null );
	const [ rows, setRows ] = useState< Rejection[] | null >( null );
	const [ settings, setSettings ] = useState< CollectorSettings | null >(
		null
	);

	useEffect( () => {
		Promise.all( [
			apiFetch< CollectorStatus >( { path: ROUTE } ),
			apiFetch< Rejection[] >( { path: '/footprints/v1/rejections' } ),
			apiFetch< CollectorSettings >( { path: '/wp/v2/settings' } ),
		] ).then(
			( [ nextStatus, nextRows, nextSettings ] ) => {
				setStatus( nextStatus );
				setRows( nextRows );
				setSettings( nextSettings );
			},
			( error ) => notify.error( errorMessage( error ) )
		);
		// Once, on load.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	if ( ! status || ! rows || ! settings ) {
		return <Spinner />;
	}
	return (
		<div className="footprints-collector">
			<StatusCard status={ status } onChange={ setStatus } />
			<RejectionsCard rows={ rows } />
			<PurgeCard />
			<SettingsCard initial={ settings } />
		</div>
	);
}
