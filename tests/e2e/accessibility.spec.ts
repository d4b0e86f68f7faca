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
import type { Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { seriousViolations } from './axe';
import { createDefinition, inspector, pickEvent } from './editor';
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
		await admin.createNewPost( { title: 'Accessibility' } );
		await editor.insertBlock( {
			name: 'footprints/track',
			innerBlocks: [
				{
					name: 'core/paragraph',
					attributes: { content: 'Choose the Pro plan' },
				},
			],
		} );
		await editor.openDocumentSettingsSidebar();
		await pickEvent(
			page,
			event.name,
			`${ event.name } (${ event.code })`
		);
		await expect(
			inspector( page ).getByRole( 'textbox', { name: 'price (number)' } )
		).toBeVisible();
		await screenshot( page, 'editor-track-block' );
		expect(
			await seriousViolations( page, [ '.block-editor-block-inspector' ] )
		).toEqual( [] );

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
		await inspector( page )
			.getByRole( 'button', { name: 'Event tracking' } )
			.click();
		await pickEvent(
			page,
			event.name,
			`${ event.name } (${ event.code })`
		);
		await expect(
			inspector( page ).getByRole( 'checkbox', { name: 'annual' } )
		).toBeVisible();
		await screenshot( page, 'editor-tracking-panel' );
		expect(
			await seriousViolations( page, [ '.block-editor-block-inspector' ] )
		).toEqual( [] );
		await deleteDefinitions( requestUtils, [ event.code ] );
	} );
} );
