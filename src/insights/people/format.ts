/**
 * How the People and Timeline views write times, gaps and values.
 */

/**
 * WordPress dependencies
 */
import { dateI18n, getSettings } from '@wordpress/date';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * A stored UTC time in the site's date and time format and time zone.
 *
 * @param iso ISO 8601 time.
 */
export function siteTime( iso: string ): string {
	const { formats } = getSettings();
	return dateI18n( `${ formats.date } ${ formats.time }`, iso, undefined );
}

/**
 * A stored UTC time, short: "Nov 23, 2026 11:15 pm" (the site's zone).
 *
 * @param iso ISO 8601 time.
 */
export function siteTimeShort( iso: string ): string {
	return dateI18n(
		getSettings().formats.datetimeAbbreviated,
		iso,
		undefined
	);
}

/**
 * The time of day only, in the site's format and time zone.
 *
 * @param iso ISO 8601 time.
 */
export function siteClock( iso: string ): string {
	return dateI18n( getSettings().formats.time, iso, undefined );
}

/**
 * A gap between sessions, e.g. "2 hours 47 minutes later", "3 days later".
 *
 * @param seconds Seconds.
 */
export function gapText( seconds: number ): string {
	const minutes = Math.round( seconds / 60 );
	if ( minutes < 60 ) {
		return sprintf(
			/* translators: %d: minutes. */
			_n( '%d minute later', '%d minutes later', minutes, 'footprints' ),
			minutes
		);
	}
	const hours = Math.floor( minutes / 60 );
	if ( hours < 48 ) {
		return sprintf(
			/* translators: 1: hours, 2: minutes. */
			__( '%1$d h %2$d min later', 'footprints' ),
			hours,
			minutes % 60
		);
	}
	const days = Math.round( hours / 24 );
	return sprintf(
		/* translators: %d: days. */
		_n( '%d day later', '%d days later', days, 'footprints' ),
		days
	);
}

/**
 * A value of an attribute or a trait as text: objects (identify()'s
 * traits) as their own pairs in parentheses, lists comma-separated in
 * brackets, nothing as a dash.
 *
 * @param value The value.
 */
export function valueText( value: unknown ): string {
	if ( value === null || value === undefined ) {
		return '—';
	}
	if ( Array.isArray( value ) ) {
		return `[${ value.map( valueText ).join( ', ' ) }]`;
	}
	return typeof value === 'object'
		? `(${ pairsText( value as Record< string, unknown > ) })`
		: String( value );
}

/**
 * Name/value pairs as one line: "plan: pro, seats: 3".
 *
 * @param values Names and values.
 */
export function pairsText( values: Record< string, unknown > ): string {
	return Object.entries( values )
		.map( ( [ name, value ] ) => `${ name }: ${ valueText( value ) }` )
		.join( ', ' );
}
