/**
 * State kept in the address bar of an admin screen (the Insights views, the
 * settings screen's tabs): a reload or a shared link opens the same state,
 * every change is a history entry (pushState), and the browser's Back
 * returns to the one before. The apps change the URL through navigate()
 * only and follow it through useUrlState() only.
 */

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';

/** A value a caller may pass: empty ones (and null, undefined) are left out. */
export type ParamValue = string | number | boolean | null | undefined;

/** Fired on the window after an app itself changed the URL. */
const NAVIGATED = 'footprints-navigated';

/**
 * Whether a parameter value goes into the URL.
 *
 * @param value The value.
 */
function isSet( value: ParamValue ): value is string | number | boolean {
	return value !== null && value !== undefined && value !== '';
}

/**
 * The URL of an admin page with its parameters, in the order given, e.g.
 * adminPageUrl( { page: 'footprints', tab: 'collector' } ) →
 * admin.php?page=footprints&tab=collector. Relative to wp-admin/, so it
 * works from any admin screen.
 *
 * @param params The parameters, `page` first; empty values are left out.
 */
export function adminPageUrl( params: Record< string, ParamValue > ): string {
	const query = new URLSearchParams();
	for ( const [ key, value ] of Object.entries( params ) ) {
		if ( isSet( value ) ) {
			query.set( key, String( value ) );
		}
	}
	return `admin.php?${ query }`;
}

/**
 * One parameter of the address bar, null when absent.
 *
 * @param name Its name.
 */
export function urlParam( name: string ): string | null {
	return new URLSearchParams( window.location.search ).get( name );
}

/**
 * Goes to a URL of this page without reloading it: a new history entry
 * (or, with replace, the same one), and every useUrlState() re-reads.
 *
 * @param url     The URL, e.g. from adminPageUrl().
 * @param replace Whether to replace the current entry (no new Back step).
 */
export function navigate( url: string, replace = false ): void {
	if ( replace ) {
		window.history.replaceState( null, '', url );
	} else {
		window.history.pushState( null, '', url );
	}
	window.dispatchEvent( new Event( NAVIGATED ) );
}

/**
 * A value read from the address bar, read again whenever the URL changes:
 * Back/Forward (popstate) or an app's own navigate().
 *
 * @param read Reads the value from window.location; a stable function
 *             (module level), as it is read on every change.
 */
export function useUrlState< T >( read: () => T ): T {
	const [ value, setValue ] = useState( read );
	const onChange = useCallback( () => setValue( read ), [ read ] );
	useEffect( () => {
		window.addEventListener( 'popstate', onChange );
		window.addEventListener( NAVIGATED, onChange );
		return () => {
			window.removeEventListener( 'popstate', onChange );
			window.removeEventListener( NAVIGATED, onChange );
		};
	}, [ onChange ] );
	return value;
}
