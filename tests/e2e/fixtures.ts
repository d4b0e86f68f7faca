/**
 * The WordPress test fixtures, plus: any console error or uncaught
 * exception in the browser fails the test, and helpers to read what the
 * collector stored.
 */

/**
 * External dependencies
 */
import type { APIRequest, APIRequestContext } from '@playwright/test';

/**
 * WordPress dependencies
 */
import {
	test as base,
	expect,
	type RequestUtils,
} from '@wordpress/e2e-test-utils-playwright';

export interface StoredEvent {
	id: string;
	event: string;
	attributes: Record< string, unknown >;
	page: string;
	time: string;
	device_id: string | null;
}

export const test = base.extend< {
	failOnConsoleErrors: void;
	allowedConsoleErrors: RegExp[];
} >( {
	// A test that provokes an error answer on purpose (a refused delete, a
	// failing sync) names the exact console line the browser logs for it.
	allowedConsoleErrors: [ [], { option: true } ],
	failOnConsoleErrors: [
		async ( { page, allowedConsoleErrors }, use ) => {
			// Only loopback is reachable here. WordPress' admin loads a few
			// images from its CDN; answer them empty instead of failing.
			await page.route(
				( url ) =>
					! [ '127.0.0.1', 'localhost' ].includes( url.hostname ),
				( route ) => route.fulfill( { status: 204, body: '' } )
			);
			const errors: string[] = [];
			page.on( 'console', ( message ) => {
				const allowed = allowedConsoleErrors.some( ( pattern ) =>
					pattern.test(
						`${ message.text() } (${ message.location().url })`
					)
				);
				if ( message.type() === 'error' && ! allowed ) {
					errors.push(
						`console.error: ${ message.text() } (${ message.location().url })`
					);
				}
			} );
			page.on( 'pageerror', ( error ) =>
				errors.push( `uncaught: ${ error.message }` )
			);
			await use();
			expect( errors, 'errors in the browser console' ).toEqual( [] );
		},
		{ auto: true },
	],
} );

export { expect };

/** A site whose REST API an admin can call: the test site or the hub. */
export interface AdminRest {
	rest: < T >( options: { path: string } ) => Promise< T >;
}

/**
 * Events a site's collector stored for one page, newest first.
 * @param site    requestUtils for the test site, or the hub's client.
 * @param pageUrl
 */
export async function storedEventsOn(
	site: AdminRest,
	pageUrl: string
): Promise< StoredEvent[] > {
	const events = await site.rest< StoredEvent[] >( {
		path: '/footprints/v1/events?per_page=100',
	} );
	return events.filter( ( event ) => event.page === pageUrl );
}

/**
 * Publishes a post with this content (admins may write scripts) and
 * returns its URL as the front end shows it.
 * @param requestUtils
 * @param content
 */
export async function publish(
	requestUtils: RequestUtils,
	content: string
): Promise< string > {
	const post = await requestUtils.createPost( {
		content,
		status: 'publish',
		date_gmt: new Date().toISOString(),
	} );
	return post.link;
}

/**
 * Waits (up to 20 s: the client sends in batches, and retries) for the
 * events stored for a page to match.
 * @param site    requestUtils for the test site, or the hub's client.
 * @param pageUrl
 */
export function expectStoredEvents( site: AdminRest, pageUrl: string ) {
	return expect.poll( () => storedEventsOn( site, pageUrl ), {
		timeout: 20_000,
	} );
}

/**
 * An HTTP client for a visitor of the test site: no cookies at all.
 * Inside a test, `playwright.request.newContext()` starts from the config's
 * `use` options, so without an empty storageState it carries the admin's
 * cookies, Footprints' sign-in cookie among them, and every batch it sends
 * is the admin's: the collector links its devices to the admin's person.
 * @param request `playwright.request` of the test.
 */
export function visitorRequest(
	request: APIRequest
): Promise< APIRequestContext > {
	return request.newContext( {
		baseURL: process.env.WP_BASE_URL,
		storageState: { cookies: [], origins: [] },
	} );
}
