/**
 * axe-core on every Footprints screen a site owner or an editor uses: the
 * settings tabs, the event form and the delete dialog, the Track event
 * block's sidebar and the Event tracking panel of a core block. No serious
 * or critical violation in our markup. Screenshots go to artifacts/.
 */

/**
 * External dependencies
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { seriousViolations } from './axe';
import {
	createDefinition,
	insertButtonWithTrackingPanel,
	insertTrackBlock,
	inspector,
	pickEvent,
} from './editor';
import { expect, test } from './fixtures';
import { deleteDefinitions, openSettings, row, rowAction } from './settings';

const ARTIFACTS =
	process.env.WP_ARTIFACTS_PATH ??
	path.resolve( __dirname, '../../artifacts' );

// The settings screen's own markup: the heading and the app's root.
const SETTINGS = [ '.wrap' ];

/**
 * Saves a screenshot for a person to look at.
 * @param page Page.
 * @param name File name without extension.
 */
function screenshot( page: Page, name: string ) {
	return page.screenshot( {
		path: path.join( ARTIFACTS, `a11y-${ name }.png` ),
		fullPage: true,
	} );
}

test.describe( 'accessibility', () => {
	test( 'the settings tabs, the event form and the delete dialog', async ( {
		page,
		requestUtils,
	} ) => {
		const event = await createDefinition( requestUtils, {
			code: 'a11y_checked',
			name: 'Accessibility Checked',
			color: '#d63638',
			attributes: { plan: 'string' },
		} );

		await openSettings( page, 'Events' );
		await expect( row( page, event.code ) ).toBeVisible();
		await screenshot( page, 'events' );
		expect( await seriousViolations( page, SETTINGS ) ).toEqual( [] );

		await page.getByRole( 'button', { name: 'Add event' } ).click();
		const form = page.getByRole( 'dialog' );
		await expect( form ).toBeVisible();
		await screenshot( page, 'event-form' );
		expect(
			await seriousViolations( page, [ '.components-modal__frame' ] )
		).toEqual( [] );
		await form.getByRole( 'button', { name: 'Cancel' } ).click();

		await rowAction( page, event.code, 'Delete' );
		await expect( page.getByRole( 'dialog' ) ).toBeVisible();
		await screenshot( page, 'delete-dialog' );
		expect(
			await seriousViolations( page, [ '.components-modal__frame' ] )
		).toEqual( [] );
		await page
			.getByRole( 'dialog' )
			.getByRole( 'button', { name: 'Cancel' } )
			.click();

		await openSettings( page, 'System events' );
		await expect(
			page.getByRole( 'row', { name: /^Signed In/ } )
		).toBeVisible();
		await screenshot( page, 'system-events' );
		expect( await seriousViolations( page, SETTINGS ) ).toEqual( [] );

		await openSettings( page, 'Connection' );
		await expect(
			page.getByRole( 'radio', { name: /This site/ } )
		).toBeVisible();
		await screenshot( page, 'connection' );
		expect( await seriousViolations( page, SETTINGS ) ).toEqual( [] );
		await deleteDefinitions( requestUtils, [ event.code ] );
	} );

	test( 'the Track event block and the Event tracking panel in the editor', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		const event = await createDefinition( requestUtils, {
			code: 'a11y_editor',
			name: 'Accessibility Editor',
			attributes: { price: 'number', annual: 'boolean' },
		} );
		// Picks the event in the sidebar's picker, then checks the sidebar.
		const pickAndCheck = async ( shown: Locator, name: string ) => {
			await pickEvent(
				page,
				event.name,
				`${ event.name } (${ event.code })`
			);
			await expect( shown ).toBeVisible();
			await screenshot( page, name );
			expect(
				await seriousViolations( page, [
					'.block-editor-block-inspector',
				] )
			).toEqual( [] );
		};
		await admin.createNewPost( { title: 'Accessibility' } );

		await insertTrackBlock( editor, 'Choose the Pro plan' );
		await pickAndCheck(
			inspector( page ).getByRole( 'textbox', {
				name: 'price (number)',
			} ),
			'editor-track-block'
		);

		await insertButtonWithTrackingPanel( editor, page, 'Book a demo' );
		await pickAndCheck(
			inspector( page ).getByRole( 'checkbox', { name: 'annual' } ),
			'editor-tracking-panel'
		);
		await deleteDefinitions( requestUtils, [ event.code ] );
	} );
} );
