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
import type {
	Editor,
	RequestUtils,
} from '@wordpress/e2e-test-utils-playwright';

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
 * Inserts the Track event block around a paragraph and opens the sidebar
 * with its controls.
 * @param editor Editor.
 * @param text   The paragraph's text.
 */
export async function insertTrackBlock( editor: Editor, text: string ) {
	await editor.insertBlock( {
		name: 'footprints/track',
		innerBlocks: [
			{ name: 'core/paragraph', attributes: { content: text } },
		],
	} );
	await editor.openDocumentSettingsSidebar();
}

/**
 * Inserts a core button, selects it and opens its Event tracking panel.
 * @param editor Editor.
 * @param page   Page.
 * @param text   The button's text.
 */
export async function insertButtonWithTrackingPanel(
	editor: Editor,
	page: Page,
	text: string
) {
	await editor.insertBlock( {
		name: 'core/buttons',
		innerBlocks: [
			{ name: 'core/button', attributes: { text, url: '#demo' } },
		],
	} );
	await editor.selectBlocks(
		editor.canvas.getByRole( 'document', {
			name: 'Block: Button',
			exact: true,
		} )
	);
	await editor.openDocumentSettingsSidebar();
	await inspector( page )
		.getByRole( 'button', { name: 'Event tracking' } )
		.click();
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
