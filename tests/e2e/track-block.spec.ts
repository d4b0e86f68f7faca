/**
 * An editor wraps content in the tracking block; a visitor's click on it
 * is stored by the collector.
 */

/**
 * Internal dependencies
 */
import { expect, expectStoredEvents, test } from './fixtures';

test( 'a click inside the tracking block is stored as its event', async ( {
	admin,
	editor,
	page,
	requestUtils,
} ) => {
	await admin.createNewPost( { title: 'Tracked by a block' } );
	await editor.insertBlock( {
		name: 'footprints/track',
		innerBlocks: [
			{
				name: 'core/paragraph',
				attributes: { content: 'Start your trial' },
			},
		],
	} );
	await editor.openDocumentSettingsSidebar();
	await page
		.getByRole( 'region', { name: 'Editor settings' } )
		.getByRole( 'textbox', { name: 'Event code' } )
		.fill( 'trial_click' );
	const postId = await editor.publishPost();

	await page.goto( `/?p=${ postId }` );
	const pageUrl = page.url();
	const trigger = page.locator( '[data-footprints-event="trial_click"]' );
	await expect( trigger ).toHaveAttribute( 'data-footprints-on', 'click' );
	await trigger.getByText( 'Start your trial' ).click();

	await expectStoredEvents( requestUtils, pageUrl ).toEqual( [
		expect.objectContaining( { event: 'trial_click', page: pageUrl } ),
	] );
} );
