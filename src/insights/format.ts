/**
 * How the insights views write numbers, changes and UTC days.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

const numbers = new Intl.NumberFormat();
const percents = new Intl.NumberFormat( undefined, {
	style: 'percent',
	maximumFractionDigits: 1,
	signDisplay: 'exceptZero',
} );
const days = new Intl.DateTimeFormat( undefined, {
	month: 'short',
	day: 'numeric',
	timeZone: 'UTC',
} );
const times = new Intl.DateTimeFormat( undefined, {
	dateStyle: 'medium',
	timeStyle: 'medium',
} );

/**
 * A count, e.g. 1,234.
 *
 * @param value The count.
 */
export function formatNumber( value: number ): string {
	return numbers.format( value );
}

/**
 * A change against the previous period, e.g. "+40%", or "new" when the
 * previous period had none (there is nothing to compare with).
 *
 * @param change Fraction, or null.
 */
export function formatChange( change: number | null ): string {
	return change === null
		? __( 'new', 'footprints' )
		: percents.format( change );
}

/**
 * A UTC day (YYYY-MM-DD) as "Nov 17".
 *
 * @param day The day.
 */
export function formatDay( day: string ): string {
	return days.format( new Date( `${ day }T00:00:00Z` ) );
}

/**
 * A range of UTC days, e.g. "Nov 10 – Nov 16" (one day: "Nov 10").
 *
 * @param from First day.
 * @param to   Last day.
 */
export function formatDays( from: string, to: string ): string {
	return from === to
		? formatDay( from )
		: sprintf(
				/* translators: 1: first day, 2: last day. */
				__( '%1$s – %2$s', 'footprints' ),
				formatDay( from ),
				formatDay( to )
			);
}

/**
 * An ISO time in the reader's own time zone.
 *
 * @param iso ISO 8601 time.
 */
export function formatTime( iso: string ): string {
	return times.format( new Date( iso ) );
}
