/**
 * The address of a CSV export: the REST route with the view, its
 * parameters and the REST nonce as _wpnonce, so a plain link downloads
 * with the signed-in user's cookie.
 */

/**
 * Internal dependencies
 */
import { restPath } from '../shared/rest';

export type ExportParams = Record< string, string | number | undefined | null >;

/**
 * The export URL.
 *
 * @param restRoot The site's REST root: ".../wp-json/" or ".../index.php?rest_route=/".
 * @param nonce    The REST nonce (wp_rest).
 * @param view     The export view, e.g. "events".
 * @param params   The view's parameters; empty ones are left out.
 */
export function exportUrl(
	restRoot: string,
	nonce: string,
	view: string,
	params: ExportParams = {}
): string {
	const path = restPath( 'insightsExport' ).replace( /^\//, '' );
	// With plain permalinks the root already carries "?rest_route=/".
	const url = new URL( restRoot + path );
	url.searchParams.set( 'view', view );
	for ( const [ name, value ] of Object.entries( params ) ) {
		if (
			value !== undefined &&
			value !== null &&
			value !== '' &&
			name !== 'view'
		) {
			url.searchParams.set( name, String( value ) );
		}
	}
	if ( nonce ) {
		url.searchParams.set( '_wpnonce', nonce );
	}
	return url.toString();
}
