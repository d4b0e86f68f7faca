/**
 * An editor tracks a core button through its "Event tracking" panel,
 * without wrapping it; a visitor's click on it is stored.
 */

/**
 * Internal dependencies
 */
import { expect, expectStoredEvents, test } from './fixtures';

test( 'a core button tracked through its panel stores clicks', async ( {
	admin,
	editor,
	page,
	requestUtils,
} ) => {
	await admin.createNewPost( { title: 'Tracked by the panel' } );
	await editor.insertBlock( {
		name: 'core/buttons',
		innerBlocks: [
			{
				name: 'core/button',
				attributes: { text: 'Book a demo', url: '#demo' },
			},
		],
	} );
	await editor.selectBlocks(
		editor.canvas.getByRole( 'document', {
			name: 'Block: Button',
			exact: true,
		} )
	);
	await editor.openDocumentSettingsSidebar();
	const settings = page.getByRole( 'region', { name: 'Editor settings' } );
	await settings.getByRole( 'button', { name: 'Event tracking' } ).click();
	await settings
		.getByRole( 'textbox', { name: 'Event code' } )
		.fill( 'trial_click' );
	const postId = await editor.publishPost();

	await page.goto( `/?p=${ postId }` );
	const pageUrl = page.url();
	await page.getByRole( 'link', { name: 'Book a demo' } ).click();

	await expectStoredEvents( requestUtils, pageUrl ).toEqual( [
		expect.objectContaining( { event: 'trial_click', page: pageUrl } ),
	] );
} );
