/**
 * How collection stands (the Collector tab): which path visitors' events
 * take, the last self-test and drain, the buffer, the cron line; buttons
 * to drain and to test the fast collector now.
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
} from '@wordpress/components';
import { useState } from '@wordpress/element';
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

export const STATUS_ROUTE = '/footprints/v1/collector';

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

export default function CollectorStatusCard( {
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
			.then( () => apiFetch< CollectorStatus >( { path: STATUS_ROUTE } ) )
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
							`${ STATUS_ROUTE }/drain`,
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
							`${ STATUS_ROUTE }/self-test`,
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
