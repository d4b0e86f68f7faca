/**
 * An admin manages events on the settings screen: creates one with typed
 * attributes, edits it (the code stays locked), disables it, is told why a
 * triggered event cannot be deleted, adds a starter set, and sees the
 * read-only system events.
 */

/**
 * External dependencies
 */
import type { Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import systemEvents from '../../data/schema/system-events.json';
import { expect, test } from './fixtures';
import {
	deleteDefinitions,
	notices,
	openSettings,
	readDefinition,
	row,
	rowAction,
	useEmbeddedBackend,
} from './settings';

const ECOMMERCE = [
	'product_viewed',
	'product_added',
	'cart_viewed',
	'checkout_started',
	'order_completed',
];

/**
 * Opens the Add event form and types a name.
 * @param page Page.
 * @param name Event name.
 */
async function openAddForm( page: Page, name: string ) {
	await openSettings( page );
	await page.getByRole( 'button', { name: 'Add event' } ).click();
	const form = page.getByRole( 'dialog', { name: 'Add event' } );
	await form.getByLabel( 'Name', { exact: true } ).fill( name );
	return form;
}

test.describe( 'Events settings', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await useEmbeddedBackend( requestUtils );
		await deleteDefinitions( requestUtils, [
			'webinar_registered',
			'scratch_event',
			...ECOMMERCE,
		] );
	} );

	test( 'create, edit and disable an event', async ( {
		page,
		requestUtils,
	} ) => {
		const form = await openAddForm( page, 'Webinar Registered' );
		await expect( form.getByLabel( 'Code', { exact: true } ) ).toHaveValue(
			'webinar_registered'
		);
		await expect(
			form.getByText( 'context the AI engine reads when it writes' )
		).toBeVisible();
		await form
			.getByLabel( 'Description' )
			.fill( 'A visitor signed up for a live webinar.' );
		await form.getByRole( 'button', { name: 'Add attribute' } ).click();
		await form.getByLabel( 'Attribute 1 name' ).fill( 'seats' );
		await form.getByLabel( 'Attribute 1 type' ).selectOption( 'number' );
		await form.getByRole( 'button', { name: 'Create event' } ).click();

		await expect( notices( page ) ).toContainText(
			'“Webinar Registered” was created.'
		);
		await expect( row( page, 'webinar_registered' ) ).toContainText(
			'seats: number'
		);
		expect(
			await readDefinition( requestUtils, 'webinar_registered' )
		).toEqual(
			expect.objectContaining( {
				name: 'Webinar Registered',
				description: 'A visitor signed up for a live webinar.',
				attributes: { seats: 'number' },
				enabled: true,
			} )
		);

		await rowAction( page, 'webinar_registered', 'Edit' );
		const edit = page.getByRole( 'dialog', {
			name: 'Edit “Webinar Registered”',
		} );
		await expect(
			edit.getByLabel( 'Code', { exact: true } )
		).toBeDisabled();
		await edit
			.getByLabel( 'Name', { exact: true } )
			.fill( 'Webinar Joined' );
		await edit.getByRole( 'button', { name: 'Save changes' } ).click();
		await expect( notices( page ) ).toContainText(
			'“Webinar Joined” was saved.'
		);
		await expect( row( page, 'webinar_registered' ) ).toContainText(
			'Webinar Joined'
		);

		// The status toggle, from the keyboard.
		const toggle = row( page, 'webinar_registered' ).getByRole(
			'checkbox',
			{
				name: 'Track “Webinar Joined”',
			}
		);
		await toggle.focus();
		await page.keyboard.press( 'Space' );
		await expect( notices( page ) ).toContainText(
			'“Webinar Joined” is disabled: it is no longer tracked, and its history stays.'
		);
		await expect( toggle ).not.toBeChecked();
		expect(
			( await readDefinition( requestUtils, 'webinar_registered' ) )
				.enabled
		).toBe( false );

		await rowAction( page, 'webinar_registered', 'Enable' );
		await expect( notices( page ) ).toContainText(
			'“Webinar Joined” is enabled and tracked again.'
		);
		await expect( toggle ).toBeChecked();
		await rowAction( page, 'webinar_registered', 'Disable' );
		await expect( toggle ).not.toBeChecked();
	} );

	test( 'the form explains an invalid code or attribute and creates nothing', async ( {
		page,
		requestUtils,
	} ) => {
		const form = await openAddForm( page, 'Scratch Event' );
		await form
			.getByLabel( 'Code', { exact: true } )
			.fill( 'Scratch Event' );
		await form.getByRole( 'button', { name: 'Create event' } ).click();

		await expect(
			form.getByText( 'A code starts with a lowercase letter' )
		).toBeVisible();
		await form
			.getByLabel( 'Code', { exact: true } )
			.fill( 'form_submission' );
		await form.getByRole( 'button', { name: 'Create event' } ).click();
		await expect(
			form.getByText( 'system event, so it is reserved' )
		).toBeVisible();
		await form
			.getByLabel( 'Code', { exact: true } )
			.fill( 'scratch_event' );
		await form.getByRole( 'button', { name: 'Add attribute' } ).click();
		await form.getByLabel( 'Attribute 1 name' ).fill( 'plan' );
		await form.getByRole( 'button', { name: 'Add attribute' } ).click();
		await form.getByLabel( 'Attribute 2 name' ).fill( 'plan' );
		await form.getByRole( 'button', { name: 'Create event' } ).click();
		await expect(
			form.getByText( '“plan” is listed twice' )
		).toBeVisible();
		await expect(
			readDefinition( requestUtils, 'scratch_event' )
		).rejects.toMatchObject( { code: 'footprints_definition_not_found' } );
	} );

	test.describe( 'refused delete', () => {
		// The browser logs the API's 409 answer; it is the behaviour under test.
		test.use( {
			allowedConsoleErrors: [
				/status of 409 \(Conflict\) \(.*\/footprints\/v1\/definitions\/trial_click/,
			],
		} );

		test( 'a triggered event cannot be deleted, and the screen says to disable it', async ( {
			page,
			requestUtils,
		} ) => {
			await requestUtils.rest( {
				path: '/footprints/v1/collect',
				method: 'POST',
				data: {
					events: [
						{ id: `evt_${ Date.now() }`, event: 'trial_click' },
					],
				},
			} );
			await openSettings( page );

			await rowAction( page, 'trial_click', 'Delete' );
			await page
				.getByRole( 'dialog', { name: 'Delete event' } )
				.getByRole( 'button', { name: 'Delete' } )
				.click();

			await expect( notices( page ) ).toContainText(
				'Disable it instead'
			);
			await expect( notices( page ) ).toContainText(
				'"trial_click" was triggered'
			);
			await expect( row( page, 'trial_click' ) ).toBeVisible();
		} );
	} );

	test( 'a starter set adds its Object-Action events in one click', async ( {
		page,
	} ) => {
		await openSettings( page );

		await page
			.getByRole( 'button', { name: 'Add Ecommerce starter set' } )
			.click();

		await expect( notices( page ) ).toContainText(
			'Added 5 events from the Ecommerce starter set.'
		);
		await page
			.getByRole( 'searchbox', { name: 'Search events' } )
			.fill( 'order' );
		await expect( row( page, 'order_completed' ) ).toContainText(
			'Order Completed'
		);
		await expect( row( page, 'product_added' ) ).toHaveCount( 0 );
	} );

	test( 'system events are listed, can be switched on and off, and nothing else', async ( {
		page,
		requestUtils,
	} ) => {
		await openSettings( page, 'System events' );

		await expect( row( page, 'identity_conversion' ) ).toContainText(
			'Email Captured'
		);
		// The header row and one row per system event of the catalogue
		// (page_viewed among them, disabled).
		await expect( page.getByRole( 'row' ) ).toHaveCount(
			1 + systemEvents.events.length
		);
		await expect( row( page, 'page_viewed' ) ).toContainText(
			'Page Viewed'
		);
		await page.screenshot( {
			path: test.info().outputPath( 'admin-system-events.png' ),
			fullPage: true,
		} );
		// page_viewed starts off; the site owner switches it on for footprints.page().
		const toggle = row( page, 'page_viewed' ).getByRole( 'checkbox', {
			name: 'Track “Page Viewed”',
		} );
		await expect( toggle ).not.toBeChecked();
		await toggle.click();
		await expect( notices( page ) ).toContainText(
			'“Page Viewed” is enabled and tracked again.'
		);
		expect(
			( await readDefinition( requestUtils, 'page_viewed' ) ).enabled
		).toBe( true );
		// Its menu only switches it: no Edit, no Delete.
		await row( page, 'page_viewed' )
			.getByRole( 'button', { name: 'Actions' } )
			.click();
		// The row's menu, not the admin bar's items (menuitems too).
		await expect(
			page.locator( '[role="menuitem"]:not(#wpadminbar *)' )
		).toHaveText( [ 'Disable' ] );
		await page.getByRole( 'menuitem', { name: 'Disable' } ).click();
		await expect( toggle ).not.toBeChecked();
		expect(
			( await readDefinition( requestUtils, 'page_viewed' ) ).enabled
		).toBe( false );
	} );
} );
