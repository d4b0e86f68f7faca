/**
 * Helpers for Footprints → Insights: open a view by its URL, find its tab,
 * save a screenshot for a person to look at.
 */

/**
 * External dependencies
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

const ARTIFACTS =
	process.env.WP_ARTIFACTS_PATH ??
	path.resolve( __dirname, '../../artifacts' );

/**
 * Opens Insights on a view, with its parameters, as a shared link would.
 * @param page   Page.
 * @param view   View name (`view=`).
 * @param params The view's own parameters.
 */
export async function openInsights(
	page: Page,
	view: string,
	params: Record< string, string > = {}
) {
	const query = new URLSearchParams( {
		page: 'footprints-insights',
		view,
		...params,
	} );
	await page.goto( `/wp-admin/admin.php?${ query }` );
}

/**
 * The navigation between the views.
 * @param page Page.
 */
export function insightsTabs( page: Page ): Locator {
	return page.getByRole( 'navigation', { name: 'Insights views' } );
}

/**
 * Saves a full-page screenshot to artifacts/insights-<name>.png.
 * @param page Page.
 * @param name File name without prefix and extension.
 */
export function screenshot( page: Page, name: string ) {
	return page.screenshot( {
		path: path.join( ARTIFACTS, `insights-${ name }.png` ),
		fullPage: true,
	} );
}
