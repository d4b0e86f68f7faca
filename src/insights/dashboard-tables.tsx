/**
 * The dashboard's numbers as tables: events per day (the chart's text
 * alternative, and what the dashboard export downloads) and the top
 * events with their change and unique devices.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Summary } from './api';
import EventName from './event-name';
import { formatChange, formatDay, formatNumber } from './format';

export default function DashboardTables( { summary }: { summary: Summary } ) {
	return (
		<div className="footprints-table-scroll">
			<table className="widefat striped footprints-per-day">
				<caption className="screen-reader-text">
					{ __( 'Events per UTC day and event', 'footprints' ) }
				</caption>
				<thead>
					<tr>
						<th scope="col">{ __( 'Day (UTC)', 'footprints' ) }</th>
						{ summary.events.map( ( event ) => (
							<th scope="col" key={ event.code }>
								<EventName
									name={ event.name }
									color={ event.color }
								/>
							</th>
						) ) }
					</tr>
				</thead>
				<tbody>
					{ summary.days.map( ( day, index ) => (
						<tr key={ day }>
							<th scope="row">{ formatDay( day ) }</th>
							{ summary.events.map( ( event ) => (
								<td key={ event.code }>
									{ formatNumber( event.daily[ index ] ) }
								</td>
							) ) }
						</tr>
					) ) }
				</tbody>
			</table>
		</div>
	);
}

interface TopProps {
	summary: Summary;
	/** The previous period, written out. */
	previous: string;
}

export function TopEvents( { summary, previous }: TopProps ) {
	return (
		<table className="widefat striped footprints-top-events">
			<thead>
				<tr>
					<th scope="col">{ __( 'Event', 'footprints' ) }</th>
					<th scope="col">{ __( 'Events', 'footprints' ) }</th>
					<th scope="col">
						{ sprintf(
							/* translators: %s: range of days. */
							__( 'Before (%s)', 'footprints' ),
							previous
						) }
					</th>
					<th scope="col">{ __( 'Change', 'footprints' ) }</th>
					<th scope="col">
						{ __( 'Unique devices', 'footprints' ) }
					</th>
				</tr>
			</thead>
			<tbody>
				{ summary.events.map( ( event ) => (
					<tr key={ event.code }>
						<th scope="row">
							<EventName
								name={ event.name }
								color={ event.color }
							/>{ ' ' }
							<code className="footprints-code">
								{ event.code }
							</code>
						</th>
						<td>{ formatNumber( event.events ) }</td>
						<td>{ formatNumber( event.previous ) }</td>
						<td>{ formatChange( event.change ) }</td>
						<td>{ formatNumber( event.devices ) }</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
