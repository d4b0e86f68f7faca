/**
 * The Live events view: the latest 1,000 received events, newest first,
 * refreshed every 5 seconds while the browser tab is visible. Filters by
 * event, site (on a hub) and device live in the URL; each device links to
 * its timeline.
 */

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import {
	DataViews,
	type Field,
	type Filter,
	type View,
} from '@wordpress/dataviews';
import { useMemo, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { routeWithQuery, useRest, type LiveEvent } from './api';
import EventName from './event-name';
import ExportButton from './export-button';
import { formatNumber, formatTime } from './format';
import { useSites } from './site-filter';
import { useUrlParams } from './url';
import { useVisibleInterval } from './use-visible-interval';
import ViewLink from './view-link';

export const REFRESH_MS = 5000;

const LAYOUT: View = {
	type: 'table',
	search: '',
	page: 1,
	perPage: 50,
	filters: [],
	titleField: 'event',
	fields: [ 'received_at', 'device_id', 'app_id', 'page', 'attributes' ],
	layout: {},
};

/**
 * The path of a page URL, shorter to read in a table.
 *
 * @param url The page's URL.
 */
function pagePath( url: string ): string {
	try {
		const parsed = new URL( url );
		return parsed.pathname + parsed.search;
	} catch {
		return url;
	}
}

export default function LiveEvents() {
	const [ params, setParams ] = useUrlParams();
	const [ tick, setTick ] = useState( 0 );
	const [ paging, setPaging ] = useState( { page: 1, perPage: 50 } );
	useVisibleInterval( () => setTick( ( count ) => count + 1 ), REFRESH_MS );
	const filters = {
		code: params.code,
		device: params.device,
		site: params.site,
	};
	const { data, error } = useRest< LiveEvent[] >(
		routeWithQuery( 'insightsLive', filters ),
		tick
	);
	const sites = useSites();
	const siteNames = useMemo(
		() =>
			Object.fromEntries(
				sites.map( ( site ) => [ site.app_id, site.name ] )
			),
		[ sites ]
	);
	const events = data ?? [];
	// The events to filter by: those in the list, and the one chosen.
	const codes = useMemo( () => {
		const known = new Map< string, string >();
		for ( const event of data ?? [] ) {
			known.set( event.event, event.name );
		}
		if ( params.code && ! known.has( params.code ) ) {
			known.set( params.code, params.code );
		}
		return Array.from( known, ( [ value, label ] ) => ( {
			value,
			label,
		} ) );
	}, [ data, params.code ] );

	const fields: Field< LiveEvent >[] = [
		{
			id: 'event',
			label: __( 'Event', 'footprints' ),
			enableHiding: false,
			enableSorting: false,
			elements: codes,
			filterBy: { operators: [ 'is' ] },
			getValue: ( { item } ) => item.event,
			render: ( { item } ) => (
				<EventName name={ item.name } color={ item.color } />
			),
		},
		{
			id: 'received_at',
			label: __( 'Received', 'footprints' ),
			enableSorting: false,
			render: ( { item } ) => (
				<time
					dateTime={ item.received_at }
					title={ sprintf(
						/* translators: %s: time. */
						__( 'Happened %s', 'footprints' ),
						formatTime( item.time )
					) }
				>
					{ formatTime( item.received_at ) }
				</time>
			),
		},
		{
			id: 'device_id',
			label: __( 'Device', 'footprints' ),
			enableSorting: false,
			render: ( { item } ) =>
				item.device_id ? (
					<ViewLink
						view="person"
						params={ { device: item.device_id } }
					>
						<span className="screen-reader-text">
							{ __( 'Timeline of device', 'footprints' ) }{ ' ' }
						</span>
						<code className="footprints-code">
							{ item.device_id }
						</code>
					</ViewLink>
				) : (
					__( '(no consent for a device ID)', 'footprints' )
				),
		},
		{
			id: 'app_id',
			label: __( 'Site', 'footprints' ),
			enableSorting: false,
			elements: sites.map( ( site ) => ( {
				value: site.app_id,
				label: site.name,
			} ) ),
			filterBy: sites.length > 1 ? { operators: [ 'is' ] } : false,
			getValue: ( { item } ) => item.app_id,
			render: ( { item } ) => siteNames[ item.app_id ] ?? item.app_id,
		},
		{
			id: 'page',
			label: __( 'Page', 'footprints' ),
			enableSorting: false,
			render: ( { item } ) => pagePath( item.page ),
		},
		{
			id: 'attributes',
			label: __( 'Attributes', 'footprints' ),
			enableSorting: false,
			render: ( { item } ) =>
				Object.entries( item.attributes )
					.map(
						( [ name, value ] ) =>
							`${ name }: ${ JSON.stringify( value ) }`
					)
					.join( ', ' ) || '—',
		},
	];

	const viewFilters: Filter[] = [];
	if ( params.code ) {
		viewFilters.push( {
			field: 'event',
			operator: 'is',
			value: params.code,
		} );
	}
	if ( params.site ) {
		viewFilters.push( {
			field: 'app_id',
			operator: 'is',
			value: params.site,
		} );
	}
	const view: View = {
		...LAYOUT,
		...paging,
		search: params.device ?? '',
		filters: viewFilters,
	};
	const onChangeView = ( next: View ) => {
		const value = ( field: string ) =>
			( next.filters ?? [] ).find( ( filter ) => filter.field === field )
				?.value as string | undefined;
		setPaging( {
			page: next.page ?? 1,
			perPage: next.perPage ?? 50,
		} );
		const changes = {
			code: value( 'event' ) ?? '',
			site: value( 'app_id' ) ?? '',
			device: ( next.search ?? '' ).trim(),
		};
		if (
			changes.code !== ( params.code ?? '' ) ||
			changes.site !== ( params.site ?? '' ) ||
			changes.device !== ( params.device ?? '' )
		) {
			// Typing a device ID is one step of history, not one per key.
			setParams( changes, {
				replace: changes.device !== ( params.device ?? '' ),
			} );
			setPaging( { page: 1, perPage: next.perPage ?? 50 } );
		}
	};

	return (
		<div className="footprints-live">
			<div className="footprints-live__header">
				<p>
					{ data
						? [
								events.length > 0
									? sprintf(
											/* translators: %s: number of events. */
											_n(
												'The latest %s received event, newest first.',
												'The latest %s received events, newest first.',
												events.length,
												'footprints'
											),
											formatNumber( events.length )
										)
									: '',
								__(
									'The list refreshes every 5 seconds while this tab is visible. Search by a device ID to see only that device.',
									'footprints'
								),
							]
								.filter( Boolean )
								.join( ' ' )
						: __( 'Loading the latest events…', 'footprints' ) }
				</p>
				<ExportButton view="live-events" params={ filters } />
			</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<DataViews< LiveEvent >
				data={ events.slice(
					( paging.page - 1 ) * paging.perPage,
					paging.page * paging.perPage
				) }
				fields={ fields }
				view={ view }
				onChangeView={ onChangeView }
				getItemId={ ( item ) => item.id }
				isLoading={ ! data && ! error }
				paginationInfo={ {
					totalItems: events.length,
					totalPages: Math.max(
						1,
						Math.ceil( events.length / paging.perPage )
					),
				} }
				defaultLayouts={ { table: {} } }
				search
				searchLabel={ __( 'Device ID', 'footprints' ) }
				empty={
					<p>
						{ params.code || params.device || params.site
							? __(
									'No event matches these filters yet.',
									'footprints'
								)
							: __(
									'No event received yet. Once a visitor triggers a tracked event, it shows here within seconds.',
									'footprints'
								) }
					</p>
				}
			/>
		</div>
	);
}
