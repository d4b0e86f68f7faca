/**
 * An editor tracks a core button through its "Event tracking" panel,
 * without wrapping it; a visitor's click is stored with its typed
 * attribute.
 */

/**
 * Internal dependencies
 */
import {
	createDefinition,
	insertButtonWithTrackingPanel,
	inspector,
	pickEvent,
} from './editor';
import { expect, expectStoredEvents, test } from './fixtures';

test( 'a core button tracked through its panel stores clicks with attributes', async ( {
	admin,
	editor,
	page,
	requestUtils,
} ) => {
	const demo = await createDefinition( requestUtils, {
		code: 'demo_booked',
		name: 'Demo Booked',
		attributes: { annual: 'boolean' },
	} );
	await admin.createNewPost( { title: 'Tracked by the panel' } );
	await insertButtonWithTrackingPanel( editor, page, 'Book a demo' );
	await pickEvent( page, 'demo_booked', `${ demo.name } (${ demo.code })` );
	await inspector( page ).getByRole( 'checkbox', { name: 'annual' } ).check();
	await page.screenshot( {
		path: test.info().outputPath( 'editor-tracking-panel.png' ),
	} );
	const postId = await editor.publishPost();

	await page.goto( `/?p=${ postId }` );
	const pageUrl = page.url();
	await page.getByRole( 'link', { name: 'Book a demo' } ).click();

	await expectStoredEvents( requestUtils, pageUrl ).toEqual( [
		expect.objectContaining( {
			event: demo.code,
			attributes: { annual: true },
		} ),
	] );
} );
