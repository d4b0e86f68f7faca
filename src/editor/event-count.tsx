/**
 * The chosen event's count over the last 7 UTC days with a sparkline, in
 * the Event tracking panel; shown only to users who may read insights,
 * and nothing at all while loading or when the count cannot be had.
 */

/**
 * WordPress dependencies
 */
import { ExternalLink } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { viewUrl } from '../insights/url';
import { COUNT_DAYS, useDefinition, useEventCounts } from './store';
import type { EventCounts } from './store';
import Sparkline from './sparkline';

const DEFAULT_COLOR = '#3858e9';

/**
 * "12 events in the last 7 days (UTC)".
 *
 * @param total The total.
 */
export function countText( total: number ): string {
	return sprintf(
		/* translators: 1: number of events, 2: number of days. */
		_n(
			'%1$s event in the last %2$d days (UTC)',
			'%1$s events in the last %2$d days (UTC)',
			total,
			'footprints'
		),
		total.toLocaleString(),
		COUNT_DAYS
	);
}

/**
 * The count after the event's name on the block's canvas label: " · 12 in 7 days".
 *
 * @param total The total.
 */
export function canvasCountText( total: number ): string {
	const count = sprintf(
		/* translators: 1: number of events, 2: number of days. */
		__( '%1$s in %2$d days', 'footprints' ),
		total.toLocaleString(),
		COUNT_DAYS
	);
	return ` · ${ count }`;
}

/**
 * The sparkline's accessible name: every day's number.
 *
 * @param counts The counts.
 */
export function dailyText( counts: EventCounts ): string {
	return sprintf(
		/* translators: 1: first day, 2: last day, 3: the counts, comma-separated. */
		__( 'Events per UTC day, %1$s to %2$s: %3$s', 'footprints' ),
		counts.days[ 0 ],
		counts.days[ counts.days.length - 1 ],
		counts.daily.join( ', ' )
	);
}

export default function EventCount( { code }: { code: string } ) {
	const counts = useEventCounts( code );
	const { definition } = useDefinition( code );
	if ( ! counts ) {
		return null;
	}
	return (
		<div className="footprints-event-count">
			<div className="footprints-event-count__numbers">
				<span>{ countText( counts.total ) }</span>
				<Sparkline
					values={ counts.daily }
					color={ definition?.color ?? DEFAULT_COLOR }
					label={ dailyText( counts ) }
				/>
			</div>
			{ /* wp-admin's editors resolve admin.php next to themselves. */ }
			<ExternalLink
				href={ viewUrl( 'dashboard', { range: '7d', code } ) }
			>
				{ __( 'See it in Insights', 'footprints' ) }
			</ExternalLink>
		</div>
	);
}
