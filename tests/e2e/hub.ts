/**
 * An admin session on the hub (the second WordPress, the remote backend).
 * RequestUtils discovers the REST root from WP_BASE_URL, the test site, so
 * the hub gets this small client of its own: cookie login, REST nonce,
 * JSON calls that throw the API's error body on failure, as RequestUtils does.
 */

/**
 * External dependencies
 */
import {
	expect,
	request,
	type APIRequestContext,
	type Page,
} from '@playwright/test';

export interface HubClient {
	rest: < T = unknown >( options: {
		path: string;
		method?: string;
		data?: unknown;
	} ) => Promise< T >;
	dispose: () => Promise< void >;
}

/**
 * Logs in to the hub as its admin.
 * @param baseURL The hub's URL.
 */
export async function hubAdmin( baseURL: string ): Promise< HubClient > {
	const context: APIRequestContext = await request.newContext( { baseURL } );
	await context.post( '/wp-login.php', {
		failOnStatusCode: true,
		form: { log: 'admin', pwd: 'password' },
	} );
	const nonce = await (
		await context.get( '/wp-admin/admin-ajax.php?action=rest-nonce', {
			failOnStatusCode: true,
		} )
	).text();
	return {
		async rest( { path, method = 'GET', data } ) {
			const response = await context.fetch( `/wp-json${ path }`, {
				method,
				headers: { 'X-WP-Nonce': nonce },
				data,
			} );
			const body = await response.json();
			if ( ! response.ok() ) {
				throw body;
			}
			return body;
		},
		dispose: () => context.dispose(),
	};
}

/** A site connected to the hub: its own app ID and key. */
export interface SiteCredentials {
	app_id: string;
	api_key: string;
}

/**
 * Connects a new site on the hub (POST /sites) and returns its credentials.
 * @param hub  The hub's admin client.
 * @param name What the hub calls the site.
 */
export async function addSiteOnHub(
	hub: HubClient,
	name: string
): Promise< SiteCredentials > {
	const added = await hub.rest< {
		site: { app_id: string };
		api_key: string;
	} >( { path: '/footprints/v1/sites', method: 'POST', data: { name } } );
	return { app_id: added.site.app_id, api_key: added.api_key };
}

/**
 * Revokes a site on the hub, so runs do not pile up active sites there.
 * @param hub   The hub's admin client.
 * @param appId The site's app ID.
 */
export function revokeSiteOnHub( hub: HubClient, appId: string ) {
	return hub
		.rest( {
			path: `/footprints/v1/sites/${ appId }/revoke`,
			method: 'POST',
		} )
		.catch( () => undefined );
}

/**
 * Connects the test site to a backend on its Connection tab.
 * @param page        Page.
 * @param url         Backend URL.
 * @param credentials App ID and API key.
 */
export async function connectToHub(
	page: Page,
	url: string,
	credentials: SiteCredentials
) {
	await page.goto( '/wp-admin/admin.php?page=footprints' );
	await page.getByRole( 'tab', { name: 'Connection', exact: true } ).click();
	await page.getByRole( 'radio', { name: 'A remote backend' } ).check();
	await page.getByLabel( 'Backend URL' ).fill( url );
	await page.getByLabel( 'App ID' ).fill( credentials.app_id );
	await page.getByLabel( 'API key' ).fill( credentials.api_key );
	await page.getByRole( 'button', { name: 'Save connection' } ).click();
	await expect( page.locator( '.footprints-notices' ) ).toContainText(
		'Connection saved.'
	);
}

/**
 * Clicks Sync now, confirms a first sync over local history when asked,
 * and waits until the sync is over.
 * @param page Page.
 */
export async function syncNow( page: Page ) {
	const syncButton = page.getByRole( 'button', { name: 'Sync now' } );
	const confirm = page.getByRole( 'button', {
		name: 'Sync and keep history',
	} );
	await syncButton.click();
	// While the confirmation is open, the rest of the screen is hidden from
	// the accessibility tree: one of the two is there, never both.
	await expect( confirm.or( syncButton ) ).toBeEnabled();
	if ( await confirm.isVisible() ) {
		await confirm.click();
		await expect( syncButton ).toBeEnabled();
	}
}
