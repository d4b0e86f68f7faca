/**
 * The Dashboard view: for a range of UTC days (today, 7, 30, 90 days or
 * custom), the total of events and its change against the period before,
 * events per day as a chart (or as a table: same numbers, own URL), and
 * the top events with their change and unique devices. Filters: events
 * and, on a hub, the site. Every choice lives in the URL.
 */

/**
 * WordPress dependencies
 */
import {
	FormTokenField,
	Notice,
	SelectControl,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { routeWithQuery, useRest, type Summary } from './api';
import DashboardTables, { TopEvents } from './dashboard-tables';
import EmptyState from './empty-state';
import ExportButton from './export-button';
import { formatChange, formatDays, formatNumber } from './format';
import LineChart from './line-chart';
import SiteFilter from './site-filter';
import { useUrlParams } from './url';
import ViewLink from './view-link';

const RANGES = [
	{ value: 'today', label: __( 'Today', 'footprints' ) },
	{ value: '7d', label: __( 'Last 7 days', 'footprints' ) },
	{ value: '30d', label: __( 'Last 30 days', 'footprints' ) },
	{ value: '90d', label: __( 'Last 90 days', 'footprints' ) },
	{ value: 'custom', label: __( 'Custom', 'footprints' ) },
];

// The most events a filter names (DashboardSummary::MAX_CODES).
const MAX_CODES = 10;

/**
 * The codes of the event filter, from the URL's comma-separated list.
 *
 * @param value The `code` parameter.
 */
function codesOf( value: string | undefined ): string[] {
	return ( value ?? '' ).split( ',' ).filter( Boolean );
}

export default function Dashboard() {
	const [ params, setParams ] = useUrlParams();
	const range = params.range ?? '30d';
	const codes = codesOf( params.code );
	const display = params.display === 'table' ? 'table' : 'chart';
	const isCustom = range === 'custom';
	const query = {
		range,
		from: isCustom ? params.from : undefined,
		to: isCustom ? params.to : undefined,
		code: codes.join( ',' ),
		site: params.site,
	};
	// A custom range waits for both of its days.
	const ready = ! isCustom || ( !! params.from && !! params.to );
	const { data, error, isLoading } = useRest< Summary >(
		ready ? routeWithQuery( 'insightsSummary', query ) : null
	);
	const suggestions = Array.from(
		new Set( [
			...codes,
			...( data?.events ?? [] ).map( ( e ) => e.code ),
		] )
	);

	return (
		<div className="footprints-dashboard">
			<div className="footprints-filters">
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Range', 'footprints' ) }
					value={ range }
					options={ RANGES }
					onChange={ ( value ) => setParams( { range: value } ) }
				/>
				{ isCustom && (
					<>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							type="date"
							label={ __( 'From (UTC)', 'footprints' ) }
							value={ params.from ?? '' }
							onChange={ ( value ) =>
								setParams( { from: value }, { replace: true } )
							}
						/>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							type="date"
							label={ __( 'To (UTC)', 'footprints' ) }
							value={ params.to ?? '' }
							onChange={ ( value ) =>
								setParams( { to: value }, { replace: true } )
							}
						/>
					</>
				) }
				<SiteFilter
					value={ params.site ?? '' }
					onChange={ ( site ) => setParams( { site } ) }
				/>
				<div className="footprints-filters__events">
					<FormTokenField
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Events (all when empty)', 'footprints' ) }
						value={ codes }
						suggestions={ suggestions }
						maxLength={ MAX_CODES }
						__experimentalShowHowTo={ false }
						onChange={ ( tokens ) =>
							setParams( {
								code: tokens
									.map( ( token ) =>
										typeof token === 'string'
											? token
											: token.value
									)
									.join( ',' ),
							} )
						}
					/>
				</div>
			</div>
			{ ! ready && (
				<p>
					{ __( 'Choose the first and the last day.', 'footprints' ) }
				</p>
			) }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ready && isLoading && ! data && <Spinner /> }
			{ data && (
				<DashboardBody
					summary={ data }
					display={ display }
					params={ params }
				/>
			) }
		</div>
	);
}

interface BodyProps {
	summary: Summary;
	display: 'chart' | 'table';
	params: Record< string, string >;
}

function DashboardBody( { summary, display, params }: BodyProps ) {
	const period = formatDays( summary.range.from, summary.range.to );
	const previous = formatDays( summary.previous.from, summary.previous.to );
	if ( summary.total.events === 0 && summary.total.previous === 0 ) {
		return (
			<EmptyState title={ __( 'No events in this range', 'footprints' ) }>
				{ __(
					'Events appear here once visitors trigger them: attach an event to a button or a section with the Track event block, the Event tracking panel of a core block, or the [footprints] shortcode. Try a longer range, or another site or event.',
					'footprints'
				) }
			</EmptyState>
		);
	}
	return (
		<>
			<div className="footprints-totals">
				<p className="footprints-totals__number">
					{ formatNumber( summary.total.events ) }
				</p>
				<p>
					{ sprintf(
						/* translators: 1: range of days. */
						__( 'events, %1$s (UTC days)', 'footprints' ),
						period
					) }
				</p>
				<p>
					<strong>{ formatChange( summary.total.change ) }</strong>{ ' ' }
					{ sprintf(
						/* translators: 1: count, 2: range of days. */
						__( 'against %1$s in %2$s', 'footprints' ),
						formatNumber( summary.total.previous ),
						previous
					) }
				</p>
			</div>
			<div className="footprints-section-header">
				<h2>{ __( 'Events per day', 'footprints' ) }</h2>
				<ExportButton
					view="dashboard"
					params={ {
						range: params.range,
						from: params.from,
						to: params.to,
						code: params.code,
						site: params.site,
					} }
				/>
			</div>
			<nav
				className="footprints-display"
				aria-label={ __( 'Show as', 'footprints' ) }
			>
				{ (
					[
						[ 'chart', __( 'Chart', 'footprints' ) ],
						[ 'table', __( 'Table', 'footprints' ) ],
					] as const
				 ).map( ( [ name, title ] ) => (
					<ViewLink
						key={ name }
						view="dashboard"
						params={ { ...params, display: name } }
						className={
							display === name
								? 'button button-primary'
								: 'button'
						}
						aria-current={ display === name ? 'page' : undefined }
					>
						{ title }
					</ViewLink>
				) ) }
			</nav>
			{ display === 'chart' ? (
				<LineChart
					days={ summary.days }
					series={ summary.events.map( ( event ) => ( {
						code: event.code,
						name: event.name,
						color: event.color,
						values: event.daily,
					} ) ) }
					label={ sprintf(
						/* translators: 1: range of days, 2: event names. */
						__(
							'Events per day, %1$s: %2$s. The table view has the numbers.',
							'footprints'
						),
						period,
						summary.events
							.map(
								( event ) =>
									`${ event.name } ${ formatNumber(
										event.events
									) }`
							)
							.join( ', ' )
					) }
				/>
			) : (
				<DashboardTables summary={ summary } />
			) }
			<h2>{ __( 'Top events', 'footprints' ) }</h2>
			<TopEvents summary={ summary } previous={ previous } />
		</>
	);
}
