/**
 * How the Paths view writes rates and times. Pure: tests/unit/paths-url.test.ts.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * A rate as a percentage with one decimal, e.g. 37.5 %; a dash for none.
 *
 * @param rate From 0 to 1, or null when nobody did A.
 */
export function formatRate( rate: number | null ): string {
	if ( rate === null ) {
		return '—';
	}
	/* translators: %s: a percentage, e.g. 37.5 */
	return sprintf( __( '%s %%', 'footprints' ), ( rate * 100 ).toFixed( 1 ) );
}

/**
 * A time between two events in its two largest units: "45 s", "2 min 5 s",
 * "3 h 20 min", "7 d 0 h"; a dash for none.
 *
 * @param seconds Seconds, or null.
 */
export function formatDuration( seconds: number | null ): string {
	if ( seconds === null ) {
		return '—';
	}
	const whole = Math.round( seconds );
	const days = Math.floor( whole / 86400 );
	const hours = Math.floor( ( whole % 86400 ) / 3600 );
	if ( days > 0 ) {
		/* translators: 1: days, 2: hours. */
		return sprintf( __( '%1$d d %2$d h', 'footprints' ), days, hours );
	}
	const minutes = Math.floor( ( whole % 3600 ) / 60 );
	if ( hours > 0 ) {
		/* translators: 1: hours, 2: minutes. */
		return sprintf( __( '%1$d h %2$d min', 'footprints' ), hours, minutes );
	}
	const rest = whole % 60;
	if ( minutes > 0 ) {
		/* translators: 1: minutes, 2: seconds. */
		return sprintf( __( '%1$d min %2$d s', 'footprints' ), minutes, rest );
	}
	/* translators: %d: seconds. */
	return sprintf( __( '%d s', 'footprints' ), rest );
}

/**
 * A stored UTC time as the site owner reads it: "2026-03-02 10:00 UTC".
 *
 * @param iso ISO 8601 with Z.
 */
export function formatUtc( iso: string ): string {
	return `${ iso.slice( 0, 10 ) } ${ iso.slice( 11, 16 ) } UTC`;
}
