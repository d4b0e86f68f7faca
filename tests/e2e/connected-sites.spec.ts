/**
 * The hub's side: its Connection tab lists the sites connected to it. The
 * admin adds the test site, sees its key once, the test site syncs with
 * it, then the admin revokes it and the test site's next sync fails with
 * a message that says so. And the hub, which has no
 * FOOTPRINTS_ALLOW_PRIVATE_BACKEND in its wp-config.php, refuses to use a
 * backend on this machine.
 */

/**
 * External dependencies
 */
import type { Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { expect, test } from './fixtures';
import { connectToHub, hubAdmin, syncNow, type HubClient } from './hub';
import { enableAgain, notices, useEmbeddedBackend } from './settings';

const HUB_URL = process.env.FOOTPRINTS_HUB_URL ?? '';
const SYNC_REFUSED = /status of 502 \(Bad Gateway\) \(.*\/footprints\/v1\/sync/;

let hub: HubClient;

/**
 * Logs in to the hub in the browser and opens its Connection tab.
 * @param page Page.
 */
async function openHubConnectionTab( page: Page ) {
	const screen = `${ HUB_URL }/wp-admin/admin.php?page=footprints`;
	await page.goto( screen );
	// Logged in once per test: a second visit finds the hub's cookie.
	if ( page.url().includes( '/wp-login.php' ) ) {
		await page.getByLabel( 'Username or Email Address' ).fill( 'admin' );
		await page.getByLabel( 'Password', { exact: true } ).fill( 'password' );
		await page.getByRole( 'button', { name: 'Log In' } ).click();
		await page.waitForURL( /page=footprints/ );
	}
	await page.getByRole( 'tab', { name: 'Connection', exact: true } ).click();
}

/**
 * The row of a site in the hub's list.
 * @param page Page.
 * @param name Site name.
 */
function siteRow( page: Page, name: string ) {
	return page
		.locator( '.footprints-connected-sites' )
		.getByRole( 'row' )
		.filter( { hasText: name } );
}

test.describe( 'The hub and its connected sites', () => {
	test.use( { allowedConsoleErrors: [ SYNC_REFUSED ] } );

	test.beforeAll( async () => {
		expect( HUB_URL, 'FOOTPRINTS_HUB_URL (set by bin/test-e2e)' ).not.toBe(
			''
		);
		hub = await hubAdmin( HUB_URL );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await useEmbeddedBackend( requestUtils );
		await enableAgain( requestUtils, 'trial_click' );
		await hub.dispose();
	} );

	test( 'add a site, see its key once, sync with it, revoke it: its next sync fails and says why', async ( {
		page,
	} ) => {
		const name = `Test site ${ Date.now() }`;
		await openHubConnectionTab( page );
		const sites = page.locator( '.footprints-connected-sites' );
		await expect(
			sites.getByRole( 'heading', { name: 'Connected sites' } )
		).toBeVisible();

		await sites.getByLabel( 'Site name' ).fill( name );
		await sites.getByRole( 'button', { name: 'Add site' } ).click();
		await expect( notices( page ) ).toContainText(
			`“${ name }” is connected. Copy its key now: it is shown only once.`
		);
		const shown = page.locator( '.footprints-new-key' );
		const appId = (
			await shown.locator( 'dd code' ).nth( 1 ).innerText()
		).trim();
		const apiKey = (
			await shown.locator( '.footprints-new-key__key' ).innerText()
		).trim();
		expect( appId ).toMatch( /^app_[a-z0-9]{12}$/ );
		expect( apiKey ).toMatch( /^fpk_[A-Za-z0-9]{40}$/ );
		await expect( shown ).toContainText( HUB_URL );
		await expect( siteRow( page, name ) ).toContainText( 'Active' );
		await expect( siteRow( page, name ) ).toContainText( 'never' );
		await page.screenshot( {
			path: 'artifacts/hub-connected-sites-key-shown-once.png',
			fullPage: true,
		} );

		// Shown once: after a reload only the row is left, never the key.
		await page.reload();
		await page
			.getByRole( 'tab', { name: 'Connection', exact: true } )
			.click();
		await expect( siteRow( page, name ) ).toBeVisible();
		await expect( page.locator( '.footprints-new-key' ) ).toHaveCount( 0 );
		await expect( page.locator( 'body' ) ).not.toContainText( apiKey );

		// The test site connects with its own app ID and key, and syncs.
		await connectToHub( page, HUB_URL, { app_id: appId, api_key: apiKey } );
		await syncNow( page );
		await expect( notices( page ) ).toContainText( 'Synced:' );

		await openHubConnectionTab( page );
		await expect( siteRow( page, name ) ).not.toContainText( 'never' );
		await page.screenshot( {
			path: 'artifacts/hub-connected-sites.png',
			fullPage: true,
		} );

		await siteRow( page, name )
			.getByRole( 'button', { name: 'Actions' } )
			.click();
		await page.getByRole( 'menuitem', { name: 'Revoke' } ).click();
		const dialog = page.getByRole( 'dialog', { name: 'Revoke the site' } );
		await expect( dialog ).toContainText(
			'Its app ID and key stop working at once'
		);
		await page.screenshot( {
			path: 'artifacts/hub-revoke-confirmation.png',
		} );
		await dialog.getByRole( 'button', { name: 'Revoke' } ).click();
		await expect( notices( page ) ).toContainText(
			`“${ name }” is revoked: it can no longer sync or send events.`
		);
		await expect( siteRow( page, name ) ).toContainText( 'Revoked' );

		await page.goto( '/wp-admin/admin.php?page=footprints' );
		await page
			.getByRole( 'tab', { name: 'Connection', exact: true } )
			.click();
		await syncNow( page );
		await expect( notices( page ) ).toContainText(
			'The backend refused the app ID and API key (HTTP 401): The hub revoked'
		);
		await expect( notices( page ) ).toContainText(
			`The hub revoked this site's access ("${ name }", app ID ${ appId })`
		);
		await expect( page.locator( '.footprints-last-sync' ) ).toContainText(
			'The hub revoked this site'
		);
		await page.screenshot( {
			path: 'artifacts/site-sync-after-revoke.png',
			fullPage: true,
		} );
	} );

	test( 'a hub without FOOTPRINTS_ALLOW_PRIVATE_BACKEND refuses a backend on this machine', async ( {
		baseURL,
	} ) => {
		const refusal = await hub
			.rest< { message: string } >( {
				path: '/footprints/v1/connection',
				method: 'PUT',
				data: {
					mode: 'remote',
					url: baseURL,
					app_id: 'app_anything0000',
					api_key: 'fpk_anything',
				},
			} )
			.catch( ( error: { message: string } ) => error );

		expect( refusal ).toMatchObject( {
			code: 'footprints_backend_url_refused',
			data: { status: 400, field: 'url' },
		} );
		expect( refusal.message ).toContain(
			"define( 'FOOTPRINTS_ALLOW_PRIVATE_BACKEND', true );"
		);
		expect(
			await hub.rest< { mode: string } >( {
				path: '/footprints/v1/connection',
			} )
		).toMatchObject( { mode: 'embedded' } );
	} );
} );
