/**
 * The chosen event's count over the last 7 UTC days, from the rollups: in
 * the Track event block's sidebar (with a sparkline whose name reads the
 * numbers) and on its canvas label, and in a core block's Event tracking
 * panel; asked for once per code, not per keystroke. An editor who may not
 * read insights sees no count and no error.
 */

/**
 * External dependencies
 */
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import { Admin, Editor, PageUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import {
	createDefinition,
	insertButtonWithTrackingPanel,
	insertTrackBlock,
	inspector,
	pickEvent,
} from './editor';
import { expect, test } from './fixtures';
import { collectOnDay, signedInPage, utcDay } from './seed-events';

const ARTIFACTS =
	process.env.WP_ARTIFACTS_PATH ??
	path.resolve( __dirname, '../../artifacts' );

const DAILY = '0, 0, 0, 0, 2, 0, 3';

/**
 * Counts the page's requests to the counts route.
 * @param page Page.
 */
function countRequests( page: Page ): () => number {
	let requests = 0;
	page.on( 'request', ( request ) => {
		if (
			decodeURIComponent( request.url() ).includes( '/insights/counts' )
		) {
			requests++;
		}
	} );
	return () => requests;
}

/**
 * Expects the sidebar to show this count and a sparkline named by these numbers.
 * @param page  Page.
 * @param text  The count's text.
 * @param daily The numbers of the 7 days, oldest first.
 */
async function expectSidebarCount( page: Page, text: string, daily: string ) {
	await expect( inspector( page ).getByText( text ) ).toBeVisible();
	await expect(
		inspector( page ).getByRole( 'img', {
			name: `Events per UTC day, ${ utcDay( 6 ) } to ${ utcDay(
				0
			) }: ${ daily }`,
		} )
	).toBeVisible();
}

test.describe( 'counts in the editor', () => {
	test( 'the Track event block shows the last 7 days in its sidebar and on its label', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		const event = await createDefinition( requestUtils, {
			code: 'counted_click',
			name: 'Counted Click',
			color: '#008a20',
		} );
		// 3 today, 2 two days ago, 4 eight days ago (outside the 7 days).
		await collectOnDay( requestUtils, event.code, 0, 3 );
		await collectOnDay( requestUtils, event.code, 2, 2 );
		await collectOnDay( requestUtils, event.code, 8, 4 );
		const requests = countRequests( page );

		await admin.createNewPost( { title: 'Counted by a block' } );
		await insertTrackBlock( editor, 'Start your trial' );
		await pickEvent(
			page,
			event.name,
			`${ event.name } (${ event.code })`
		);

		await expectSidebarCount(
			page,
			'5 events in the last 7 days (UTC)',
			DAILY
		);
		const block = editor.canvas.getByRole( 'document', {
			name: 'Block: Track event',
		} );
		await expect( block ).toHaveAttribute(
			'data-footprints-label',
			event.name
		);
		await expect( block ).toHaveAttribute(
			'data-footprints-count',
			' · 5 in 7 days'
		);

		await expect(
			inspector( page ).getByRole( 'link', {
				name: /See it in Insights/,
			} )
		).toHaveAttribute(
			'href',
			`admin.php?page=footprints-insights&view=dashboard&range=7d&code=${ event.code }`
		);

		// Typing elsewhere and changing the trigger ask nothing more.
		await inspector( page )
			.getByRole( 'combobox', { name: 'Send it on' } )
			.selectOption( 'view' );
		await editor.canvas
			.getByRole( 'document', { name: 'Block: Paragraph' } )
			.click();
		await page.keyboard.press( 'End' );
		await page.keyboard.type( ' today' );
		// Selecting the block again shows the count kept from the first answer.
		await editor.selectBlocks( block );
		await expect(
			inspector( page ).getByText( '5 events in the last 7 days (UTC)' )
		).toBeVisible();
		expect( requests() ).toBe( 1 );

		await page.screenshot( {
			path: path.join( ARTIFACTS, 'editor-counts-track-block.png' ),
		} );
	} );

	test( 'the Event tracking panel of a core button shows the count', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		const event = await createDefinition( requestUtils, {
			code: 'counted_button',
			name: 'Counted Button',
			color: '#d63638',
		} );
		await collectOnDay( requestUtils, event.code, 0, 1 );

		await admin.createNewPost( { title: 'Counted by the panel' } );
		await insertButtonWithTrackingPanel( editor, page, 'Book a demo' );
		await pickEvent(
			page,
			event.code,
			`${ event.name } (${ event.code })`
		);

		await expectSidebarCount(
			page,
			'1 event in the last 7 days (UTC)',
			'0, 0, 0, 0, 0, 0, 1'
		);
		await page.screenshot( {
			path: path.join( ARTIFACTS, 'editor-counts-tracking-panel.png' ),
		} );
	} );

	test( 'an editor who may not read insights sees no count and no error', async ( {
		browser,
		browserName,
		requestUtils,
	} ) => {
		const event = await createDefinition( requestUtils, {
			code: 'uncounted_click',
			name: 'Uncounted Click',
		} );
		await collectOnDay( requestUtils, event.code, 0, 2 );
		const username = `editor_${ Date.now().toString( 36 ) }`;
		const password = 'editor-password-1';
		await requestUtils.createUser( {
			username,
			email: `${ username }@example.com`,
			password,
			roles: [ 'editor' ],
		} );

		const page = await signedInPage( browser, username, password );
		const errors: string[] = [];
		page.on( 'console', ( message ) => {
			if ( message.type() === 'error' ) {
				errors.push( message.text() );
			}
		} );
		page.on( 'pageerror', ( error ) => errors.push( error.message ) );
		const requests = countRequests( page );
		const pageUtils = new PageUtils( { page, browserName } );
		const editor = new Editor( { page } );
		const admin = new Admin( { page, pageUtils, editor } );

		await admin.createNewPost( { title: 'Not counted' } );
		await insertTrackBlock( editor, 'Start your trial' );
		await pickEvent(
			page,
			event.name,
			`${ event.name } (${ event.code })`
		);
		const block = editor.canvas.getByRole( 'document', {
			name: 'Block: Track event',
		} );
		await expect( block ).toHaveAttribute(
			'data-footprints-label',
			event.name
		);

		await expect(
			inspector( page ).getByText( /in the last 7 days/ )
		).toHaveCount( 0 );
		await expect( block ).not.toHaveAttribute( 'data-footprints-count' );
		expect( requests() ).toBe( 0 );
		expect( errors ).toEqual( [] );
		await page.screenshot( {
			path: path.join( ARTIFACTS, 'editor-counts-no-capability.png' ),
		} );
		await page.context().close();
	} );
} );
