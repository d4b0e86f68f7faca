/**
 * An editor wraps content in the Track event block, searches and picks the
 * event, sets a typed attribute and publishes; a visitor's click is stored
 * with the attribute's type intact.
 */

/**
 * Internal dependencies
 */
import {
	createDefinition,
	insertTrackBlock,
	inspector,
	pickEvent,
} from './editor';
import { expect, expectStoredEvents, test } from './fixtures';

test( 'a click inside the tracking block is stored with its typed attribute', async ( {
	admin,
	editor,
	page,
	requestUtils,
} ) => {
	const plan = await createDefinition( requestUtils, {
		code: 'plan_chosen',
		name: 'Plan Chosen',
		color: '#d63638',
		attributes: { price: 'number' },
	} );
	await admin.createNewPost( { title: 'Tracked by a block' } );
	await insertTrackBlock( editor, 'Choose the Pro plan' );

	await pickEvent( page, plan.name, `${ plan.name } (${ plan.code })` );
	const price = inspector( page ).getByRole( 'textbox', {
		name: 'price (number)',
	} );
	await price.fill( 'a lot' );
	await expect(
		inspector( page ).getByText( 'price must be like 199.' )
	).toBeVisible();
	await price.fill( '199' );
	await expect(
		inspector( page ).getByText( 'price must be like 199.' )
	).toBeHidden();
	await expect(
		editor.canvas.getByRole( 'document', { name: 'Block: Track event' } )
	).toHaveAttribute( 'data-footprints-label', plan.name );
	await page.screenshot( {
		path: test.info().outputPath( 'editor-track-block.png' ),
	} );
	const postId = await editor.publishPost();

	await page.goto( `/?p=${ postId }` );
	const pageUrl = page.url();
	await page.getByText( 'Choose the Pro plan' ).click();

	await expectStoredEvents( requestUtils, pageUrl ).toEqual( [
		expect.objectContaining( {
			event: plan.code,
			attributes: { price: 199 },
		} ),
	] );
} );

test( 'a disabled event is flagged in the block and before publishing', async ( {
	admin,
	editor,
	page,
	requestUtils,
} ) => {
	const paused = await createDefinition( requestUtils, {
		code: 'paused_event',
		name: 'Paused Event',
		enabled: false,
	} );
	await admin.createNewPost( { title: 'A disabled event' } );
	await editor.insertBlock( {
		name: 'footprints/track',
		attributes: { event: paused.code },
		innerBlocks: [
			{ name: 'core/paragraph', attributes: { content: 'Paused' } },
		],
	} );

	const warning = `"${ paused.name }" is disabled, so nothing is tracked.`;
	await expect(
		editor.canvas.getByText( warning, { exact: false } )
	).toBeVisible();
	await page
		.getByRole( 'region', { name: 'Editor top bar' } )
		.getByRole( 'button', { name: 'Publish', exact: true } )
		.click();
	const prePublish = page.getByRole( 'region', { name: 'Editor publish' } );
	await expect(
		prePublish.getByRole( 'button', { name: 'Event tracking' } )
	).toHaveAttribute( 'aria-expanded', 'true' );
	await expect(
		prePublish.getByText( warning, { exact: false } )
	).toBeVisible();
	await page.screenshot( {
		path: test.info().outputPath( 'editor-disabled-event.png' ),
	} );
} );
