/**
 * Helpers for the block editor's Event tracking controls.
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
import type { Definition } from '../../src/shared/definition';

/**
 * The inspector sidebar.
 * @param page
 */
export function inspector( page: Page ) {
	return page.getByRole( 'region', { name: 'Editor settings' } );
}

/**
 * Searches the event picker as an editor types, and picks the option.
 * @param page   Page.
 * @param search What the editor types.
 * @param option The option's label, "Name (code)".
 */
export async function pickEvent( page: Page, search: string, option: string ) {
	await inspector( page )
		.getByRole( 'combobox', { name: 'Event' } )
		.pressSequentially( search );
	await page.getByRole( 'option', { name: option } ).click();
}

/**
 * Creates a definition with a code unique to this run.
 * @param requestUtils REST helper of the site.
 * @param fields       Definition fields; the code gets a unique suffix.
 */
export async function createDefinition(
	requestUtils: RequestUtils,
	fields: Partial< Definition > & { code: string; name: string }
): Promise< Definition > {
	const suffix = Date.now().toString( 36 );
	return requestUtils.rest< Definition >( {
		path: '/footprints/v1/definitions',
		method: 'POST',
		data: {
			...fields,
			code: `${ fields.code }_${ suffix }`,
			name: `${ fields.name } ${ suffix }`,
		},
	} );
}
