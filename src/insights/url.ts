/**
 * The insights app's state lives in the URL: `view` names the view, the
 * other parameters are the view's own (range=30d, code, site, device...).
 * A reload or a shared link opens the same view; every change is a
 * history entry (pushState), so the browser's Back returns to the view
 * before (the mechanism: src/shared/url-state.ts). Views read and write their parameters through useUrlParams()
 * only, and link to each other through viewUrl() only.
 */

/**
 * WordPress dependencies
 */
import { useCallback } from '@wordpress/element';

/**
 * Internal dependencies
 */
import {
	adminPageUrl,
	navigate,
	urlParam,
	useUrlState,
	type ParamValue,
} from '../shared/url-state';

export { navigate, type ParamValue };

/** The admin page's slug (includes/Admin/InsightsPage.php). */
export const PAGE = 'footprints-insights';

/** The views the app knows; the registry (views.tsx) maps each to a screen. */
export type ViewName =
	'dashboard' | 'live' | 'rejected' | 'people' | 'person' | 'paths';

export const DEFAULT_VIEW: ViewName = 'dashboard';

/** A view's parameters, as they appear in the URL. */
export type UrlParams = Record< string, string >;

/** Parameters that are the page's or the view's name, not a view's own. */
const RESERVED = [ 'page', 'view' ];

/**
 * The URL of a view with its parameters, e.g. viewUrl( 'person',
 * { device: 'd_1' } ) → admin.php?page=footprints-insights&view=person&device=d_1.
 * Relative to wp-admin/, so it works from any admin screen.
 *
 * @param view   View name.
 * @param params Its parameters; empty values are left out.
 */
export function viewUrl(
	view: ViewName,
	params: Record< string, ParamValue > = {}
): string {
	const own = Object.fromEntries(
		Object.entries( params ).filter(
			( [ key ] ) => ! RESERVED.includes( key )
		)
	);
	return adminPageUrl( { page: PAGE, view, ...own } );
}

/**
 * The current view's name from the address bar (the dashboard when none
 * or an unknown one is given; the registry decides what is known).
 */
export function currentViewName(): string {
	return urlParam( 'view' ) ?? DEFAULT_VIEW;
}

/** The current view's own parameters from the address bar. */
export function currentParams(): UrlParams {
	const params: UrlParams = {};
	new URLSearchParams( window.location.search ).forEach( ( value, key ) => {
		if ( ! RESERVED.includes( key ) ) {
			params[ key ] = value;
		}
	} );
	return params;
}

/** The current view's name, following the URL. */
export function useViewName(): string {
	return useUrlState( currentViewName );
}

/** Changes a view makes to its parameters. */
export type SetUrlParams = (
	changes: Record< string, ParamValue >,
	options?: { replace?: boolean }
) => void;

/**
 * The current view's parameters and a setter that changes some of them
 * (null or '' removes one) as a new history entry, so Back undoes it.
 * Pass replace for changes that should not be a step of their own (a
 * search box as it is typed).
 */
export function useUrlParams(): [ UrlParams, SetUrlParams ] {
	const params = useUrlState( currentParams );
	const update: SetUrlParams = useCallback( ( changes, options = {} ) => {
		const next: Record< string, ParamValue > = {
			...currentParams(),
			...changes,
		};
		navigate(
			viewUrl( currentViewName() as ViewName, next ),
			options.replace ?? false
		);
	}, [] );
	return [ params, update ];
}
