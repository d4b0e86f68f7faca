/**
 * Helpers for the Footprints settings screen: open it, act on a row of the
 * events list, read the notice every action ends with.
 */

/**
 * External dependencies
 */
import type { Locator, Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import type { Definition } from '../../src/shared/definition';

/**
 * Opens Footprints in wp-admin on one tab.
 * @param page Page.
 * @param tab  Tab name.
 */
export async function openSettings(
	page: Page,
	tab: 'Events' | 'System events' | 'Connection' | 'Collector' = 'Events'
) {
	await page.goto( '/wp-admin/admin.php?page=footprints' );
	await page.getByRole( 'tab', { name: tab, exact: true } ).click();
}

/**
 * The list row of an event, found by its code.
 * @param page Page.
 * @param code Event code.
 */
export function row( page: Page, code: string ): Locator {
	return page.getByRole( 'row' ).filter( { hasText: code } );
}

/**
 * The list row of an event after searching for its code, for a list long
 * enough to have pages (a test site that earlier specs filled).
 * @param page Page.
 * @param code Event code.
 */
export async function searchedRow(
	page: Page,
	code: string
): Promise< Locator > {
	await page.getByRole( 'searchbox', { name: 'Search events' } ).fill( code );
	return row( page, code );
}

/**
 * Runs one action of a row's actions menu.
 * @param page   Page.
 * @param code   Event code.
 * @param action Action label.
 */
export async function rowAction( page: Page, code: string, action: string ) {
	await row( page, code ).getByRole( 'button', { name: 'Actions' } ).click();
	await page.getByRole( 'menuitem', { name: action } ).click();
}

/**
 * The notice area at the top of the screen.
 * @param page Page.
 */
export function notices( page: Page ): Locator {
	return page.locator( '.footprints-notices' );
}

/**
 * Deletes definitions left by an earlier run (ignoring those not there).
 * @param requestUtils REST helper of the site.
 * @param codes        Codes.
 */
export async function deleteDefinitions(
	requestUtils: RequestUtils,
	codes: string[]
) {
	for ( const code of codes ) {
		await requestUtils
			.rest( {
				path: `/footprints/v1/definitions/${ code }`,
				method: 'DELETE',
			} )
			.catch( () => undefined );
	}
}

/**
 * One stored definition, read through the API.
 * @param requestUtils REST helper of the site.
 * @param code         Code.
 */
export function readDefinition( requestUtils: RequestUtils, code: string ) {
	return requestUtils.rest< Definition >( {
		path: `/footprints/v1/definitions/${ code }`,
	} );
}

/**
 * Makes this site its own backend again.
 * @param requestUtils REST helper of the site.
 */
export function useEmbeddedBackend( requestUtils: RequestUtils ) {
	return requestUtils.rest( {
		path: '/footprints/v1/connection',
		method: 'PUT',
		data: { mode: 'embedded' },
	} );
}

/**
 * Enables a definition that a sync kept, disabled, for its history (the
 * backend lacked it), so later tests find the site as they expect.
 * @param requestUtils REST helper of the site.
 * @param code         Code.
 */
export function enableAgain( requestUtils: RequestUtils, code: string ) {
	return requestUtils
		.rest( {
			path: `/footprints/v1/definitions/${ code }`,
			method: 'PATCH',
			data: { enabled: true },
		} )
		.catch( () => undefined );
}
