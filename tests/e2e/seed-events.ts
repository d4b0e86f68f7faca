/**
 * Seeds events through the collect route (so the daily rollups count them
 * as they would a visitor's), at chosen UTC days, and signs in other users.
 */

/**
 * External dependencies
 */
import type { Browser, Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

const DAY_MS = 86_400_000;

/**
 * A UTC day, YYYY-MM-DD, `back` days before today.
 * @param back Days before today (0: today).
 */
export function utcDay( back = 0 ): string {
	return new Date( Date.now() - back * DAY_MS ).toISOString().slice( 0, 10 );
}

/**
 * Collects `count` events of a code on a UTC day, a second apart from its
 * first second (never later than a day ahead, which the collector allows).
 * @param requestUtils REST helper of the site.
 * @param code         Event code.
 * @param back         Days before today.
 * @param count        How many.
 * @param page         The page of each, by its index.
 */
export async function collectOnDay(
	requestUtils: RequestUtils,
	code: string,
	back: number,
	count: number,
	page: ( index: number ) => string = () => 'http://127.0.0.1/seeded'
): Promise< void > {
	const start = Date.parse( `${ utcDay( back ) }T00:00:01Z` );
	const events = Array.from( { length: count }, ( _, index ) => ( {
		id: `evt_${ code }_${ back }_${ index }_${ Date.now().toString( 36 ) }`,
		event: code,
		time: start + index * 1000,
		page: page( index ),
	} ) );
	const answer = await requestUtils.rest< { accepted: number } >( {
		path: '/footprints/v1/collect',
		method: 'POST',
		data: { events },
	} );
	if ( answer.accepted !== count ) {
		throw new Error(
			`collect accepted ${ answer.accepted } of ${ count }`
		);
	}
}

/**
 * A new page, in its own browser context, signed in as another user.
 * @param browser  The browser.
 * @param username User name.
 * @param password Password.
 */
export async function signedInPage(
	browser: Browser,
	username: string,
	password: string
): Promise< Page > {
	const context = await browser.newContext( {
		baseURL: process.env.WP_BASE_URL,
		storageState: { cookies: [], origins: [] },
	} );
	const page = await context.newPage();
	// As the fixtures do: only loopback is reachable; the admin's CDN images answer empty.
	await page.route(
		( url ) => ! [ '127.0.0.1', 'localhost' ].includes( url.hostname ),
		( route ) => route.fulfill( { status: 204, body: '' } )
	);
	await page.goto( '/wp-login.php' );
	await page.locator( '#user_login' ).fill( username );
	await page.locator( '#user_pass' ).fill( password );
	await page.locator( '#wp-submit' ).click();
	await page.waitForURL( /wp-admin/ );
	return page;
}

/**
 * Deletes every event of a code (and its rollups), so a long-lived test
 * site's Dashboard is not filled by earlier runs.
 * @param requestUtils REST helper of the site.
 * @param code         Event code.
 */
export async function purgeEvents(
	requestUtils: RequestUtils,
	code: string
): Promise< void > {
	await requestUtils.rest( {
		path: '/footprints/v1/events/purge',
		method: 'POST',
		data: { event: code },
	} );
}
