/**
 * The delivery log (DataViews): one row per attempt, newest first, paged
 * by the server; filters by rule and status; the request and response
 * bodies when debug logging kept them.
 */

/**
 * WordPress dependencies
 */
import { Button, Flex } from '@wordpress/components';
import {
	DataViews,
	type Action,
	type Field,
	type View,
} from '@wordpress/dataviews';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { siteTimeShort } from '../insights/people/format';
import { errorMessage } from './api';
import {
	fetchLog,
	type DeliveryStatus,
	type LogPage,
	type LogRow,
	type Rule,
} from './automations-api';
import CellWithNote from './automations-cell';
import type { DefinitionsByCode } from './automations-definitions';
import { EventLabel } from './automations-event';
import { DELIVERY_LABELS } from './automations-words';
import { useNotify } from './notices';

interface Props {
	rules: Rule[];
	definitions: DefinitionsByCode;
	/** Changes whenever something may have added rows (a test, a resume). */
	reloadKey: number;
}

const DEFAULT_VIEW: View = {
	type: 'table',
	page: 1,
	perPage: 20,
	filters: [],
	titleField: 'at',
	// Attempt and duration are said in the status and response cells; their
	// own columns can be shown from the view options.
	fields: [
		'rule',
		'event',
		'status',
		'response_code',
		'error',
		'next_attempt_at',
	],
	layout: {},
};

const STATUS_ELEMENTS = (
	Object.keys( DELIVERY_LABELS ) as DeliveryStatus[]
 ).map( ( value ) => ( { value, label: DELIVERY_LABELS[ value ] } ) );

/**
 * A filter's value in the view, if it is set.
 *
 * @param view  The view.
 * @param field The field's id.
 */
function filterValue( view: View, field: string ): string | undefined {
	const value = view.filters?.find( ( filter ) => filter.field === field )
		?.value as string | undefined;
	return value || undefined;
}

/**
 * Whether debug logging kept a body of this attempt.
 *
 * @param row The attempt.
 */
function hasBodiesKept( row: LogRow ): boolean {
	return row.request_body !== null || row.response_body !== null;
}

/**
 * A body as it reads best: JSON indented, anything else as it came.
 *
 * @param body The body, or null when it was not kept.
 */
function readable( body: string | null ): string {
	if ( body === null ) {
		return __( '(not kept)', 'footprints' );
	}
	try {
		return JSON.stringify( JSON.parse( body ), null, 2 );
	} catch {
		return body;
	}
}

function Bodies( { row }: { row: LogRow } ) {
	return (
		<Flex direction="column" gap={ 3 } className="footprints-log-bodies">
			<h3>{ __( 'Request body', 'footprints' ) }</h3>
			<pre>{ readable( row.request_body ) }</pre>
			<h3>{ __( 'Response body', 'footprints' ) }</h3>
			<pre>{ readable( row.response_body ) }</pre>
		</Flex>
	);
}

export default function DeliveryLog( {
	rules,
	definitions,
	reloadKey,
}: Props ) {
	const notify = useNotify();
	const [ view, setView ] = useState< View >( DEFAULT_VIEW );
	const [ result, setResult ] = useState< LogPage >( { rows: [], total: 0 } );
	const [ isLoading, setLoading ] = useState( true );
	const [ refreshes, setRefreshes ] = useState( 0 );
	const rule = filterValue( view, 'rule' );
	const status = filterValue( view, 'status' ) as DeliveryStatus | undefined;

	useEffect( () => {
		let current = true;
		setLoading( true );
		fetchLog( {
			rule: rule ? Number( rule ) : undefined,
			status,
			page: view.page ?? 1,
			perPage: view.perPage ?? 20,
		} )
			.then( ( page ) => current && setResult( page ) )
			.catch( ( error ) => {
				if ( current ) {
					notify.error( errorMessage( error ) );
				}
			} )
			.finally( () => current && setLoading( false ) );
		return () => {
			current = false;
		};
		// notify is recreated each render; the request depends on the view only.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ rule, status, view.page, view.perPage, reloadKey, refreshes ] );

	const fields = useMemo< Field< LogRow >[] >(
		() => [
			{
				id: 'at',
				label: __( 'Time', 'footprints' ),
				enableHiding: false,
				enableSorting: false,
				render: ( { item } ) => siteTimeShort( item.at ),
			},
			{
				id: 'rule',
				label: __( 'Automation', 'footprints' ),
				enableSorting: false,
				elements: rules.map( ( item ) => ( {
					value: String( item.id ),
					label: item.name,
				} ) ),
				filterBy: { operators: [ 'is' ] },
				getValue: ( { item } ) => String( item.rule_id ),
				render: ( { item } ) =>
					item.test
						? sprintf(
								/* translators: %s: rule name. */
								__( '%s (test)', 'footprints' ),
								item.rule_name
							)
						: item.rule_name,
			},
			{
				id: 'event',
				label: __( 'Event', 'footprints' ),
				enableSorting: false,
				render: ( { item } ) => (
					<EventLabel
						code={ item.event }
						definitions={ definitions }
					/>
				),
			},
			{
				id: 'attempt',
				label: __( 'Attempt', 'footprints' ),
				enableSorting: false,
			},
			{
				id: 'status',
				label: __( 'Status', 'footprints' ),
				enableSorting: false,
				elements: STATUS_ELEMENTS,
				filterBy: { operators: [ 'is' ] },
				render: ( { item } ) => (
					<CellWithNote
						main={ DELIVERY_LABELS[ item.status ] }
						note={ sprintf(
							/* translators: %d: attempt number, 1 for the first. */
							__( 'attempt %d', 'footprints' ),
							item.attempt
						) }
					/>
				),
			},
			{
				id: 'response_code',
				label: __( 'Response', 'footprints' ),
				enableSorting: false,
				render: ( { item } ) =>
					item.response_code === null
						? sprintf(
								/* translators: %d: milliseconds. */
								__( 'none after %d ms', 'footprints' ),
								item.duration_ms
							)
						: sprintf(
								/* translators: 1: HTTP status code, 2: milliseconds. */
								__( '%1$d in %2$d ms', 'footprints' ),
								item.response_code,
								item.duration_ms
							),
			},
			{
				id: 'duration_ms',
				label: __( 'Duration', 'footprints' ),
				enableSorting: false,
				render: ( { item } ) =>
					sprintf(
						/* translators: %d: milliseconds. */
						__( '%d ms', 'footprints' ),
						item.duration_ms
					),
			},
			{
				id: 'error',
				label: __( 'Error', 'footprints' ),
				enableSorting: false,
				render: ( { item } ) => item.error ?? '—',
			},
			{
				id: 'next_attempt_at',
				label: __( 'Next attempt', 'footprints' ),
				enableSorting: false,
				render: ( { item } ) =>
					item.next_attempt_at
						? siteTimeShort( item.next_attempt_at )
						: '—',
			},
		],
		[ rules, definitions ]
	);

	// The column of actions only while some row kept its bodies (debug).
	const hasBodies = result.rows.some( hasBodiesKept );
	const actions = useMemo< Action< LogRow >[] >(
		() => [
			{
				id: 'bodies',
				label: __( 'Show bodies', 'footprints' ),
				isEligible: hasBodiesKept,
				modalHeader: __( 'Request and response', 'footprints' ),
				modalSize: 'large',
				RenderModal: ( { items: [ item ] } ) => <Bodies row={ item } />,
			},
		],
		[]
	);

	return (
		<section aria-labelledby="footprints-automations-log">
			<Flex justify="space-between" align="center">
				<h2 id="footprints-automations-log">
					{ __( 'Delivery log', 'footprints' ) }
				</h2>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => setRefreshes( ( count ) => count + 1 ) }
				>
					{ __( 'Refresh log', 'footprints' ) }
				</Button>
			</Flex>
			<DataViews< LogRow >
				data={ result.rows }
				fields={ fields }
				view={ view }
				onChangeView={ setView }
				actions={ hasBodies ? actions : [] }
				getItemId={ ( item ) => String( item.id ) }
				isLoading={ isLoading }
				search={ false }
				paginationInfo={ {
					totalItems: result.total,
					totalPages: Math.max(
						1,
						Math.ceil( result.total / ( view.perPage ?? 20 ) )
					),
				} }
				defaultLayouts={ { table: {} } }
				empty={
					<p>
						{ __(
							'No deliveries yet. Each attempt to send an event appears here, tests included.',
							'footprints'
						) }
					</p>
				}
			/>
		</section>
	);
}
