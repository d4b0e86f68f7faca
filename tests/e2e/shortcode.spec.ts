/**
 * A site owner pastes the shortcode; a visitor's click on what it wraps is
 * stored with the shortcode's typed attribute.
 */

/**
 * Internal dependencies
 */
import { expect, expectStoredEvents, test } from './fixtures';

test( 'a click inside the shortcode is stored with its attributes', async ( {
	admin,
	editor,
	page,
	requestUtils,
} ) => {
	await admin.createNewPost( { title: 'Tracked by a shortcode' } );
	await editor.insertBlock( {
		name: 'core/shortcode',
		attributes: {
			text: '[footprints event="trial_click" attr_plan="pro"]<button type="button">Start trial</button>[/footprints]',
		},
	} );
	const postId = await editor.publishPost();

	await page.goto( `/?p=${ postId }` );
	const pageUrl = page.url();
	await page.getByRole( 'button', { name: 'Start trial' } ).click();

	await expectStoredEvents( requestUtils, pageUrl ).toEqual( [
		expect.objectContaining( {
			event: 'trial_click',
			attributes: { plan: 'pro' },
		} ),
	] );
} );
