/**
 * Helpers for the Automations tab (tab=automations): its address and the
 * rules route, clearing the rules, its two regions, and a rule row's actions.
 */

/**
 * External dependencies
 */
import type { Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import type { Rule } from '../../src/admin/automations-api';

export const TAB = '/wp-admin/admin.php?page=footprints&tab=automations';
export const ROUTE = '/footprints/v1/automations';

/**
 * Deletes every automation rule of the site.
 * @param requestUtils REST helper of the site.
 */
export async function deleteRules( requestUtils: RequestUtils ) {
	const rules = await requestUtils.rest< Rule[] >( { path: ROUTE } );
	for ( const rule of rules ) {
		await requestUtils.rest( {
			path: `${ ROUTE }/${ rule.id }`,
			method: 'DELETE',
		} );
	}
}

/**
 * The rules list and the delivery log, each a region of the tab.
 * @param page Page.
 */
export function regions( page: Page ) {
	return {
		rules: page.getByRole( 'region', { name: 'Automations', exact: true } ),
		log: page.getByRole( 'region', { name: 'Delivery log' } ),
	};
}

/**
 * Runs an action of a rule's row: the primary one, or one of its menu.
 * @param page   Page.
 * @param name   Rule name.
 * @param action Action label.
 */
export async function ruleAction( page: Page, name: string, action: string ) {
	const row = regions( page ).rules.getByRole( 'row' ).filter( {
		hasText: name,
	} );
	if ( action === 'Edit' ) {
		await row.getByRole( 'button', { name: 'Edit' } ).click();
		return;
	}
	await row.getByRole( 'button', { name: 'Actions' } ).click();
	await page.getByRole( 'menuitem', { name: action } ).click();
}
