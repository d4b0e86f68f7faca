/**
 * The settings screen's tab is in the URL (a link opens it, reload keeps
 * it, Back returns to the tab before), and an editor granted
 * footprints_view_insights reaches Insights from the Footprints menu but
 * not the settings screen.
 */

/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { expect, test } from './fixtures';
import { signedInPage } from './seed-events';

const ARTIFACTS =
	process.env.WP_ARTIFACTS_PATH ??
	path.resolve( __dirname, '../../artifacts' );

/**
 * A tab of the settings screen.
 * @param page Page.
 * @param name Its title.
 */
function tab( page: Page, name: string ) {
	return page.getByRole( 'tab', { name, exact: true } );
}

/**
 * Grants a capability to a role of the test site, or takes it back
 * (WordPress has no REST route for roles: tests/e2e/bin/role-capability.php).
 * @param role       Role name.
 * @param capability Capability.
 * @param how        grant or revoke.
 */
function roleCapability(
	role: string,
	capability: string,
	how: 'grant' | 'revoke'
) {
	execFileSync(
		'php',
		[
			path.join( __dirname, 'bin/role-capability.php' ),
			process.env.FOOTPRINTS_TEST_WP_DIR ?? '',
			process.env.WP_BASE_URL ?? '',
			role,
			capability,
			how,
		],
		{ stdio: [ 'ignore', 'ignore', 'inherit' ] }
	);
}

/**
 * Expects a tab to be the open one, showing what only it shows, and the
 * URL to name it.
 * @param page  Page.
 * @param name  The tab's title.
 * @param param The tab's name in the URL.
 */
async function expectOpenTab( page: Page, name: string, param: string ) {
	await expect( tab( page, name ) ).toHaveAttribute(
		'aria-selected',
		'true'
	);
	await expect( OWN_CONTENT[ name ]( page ) ).toBeVisible();
	await expect( page ).toHaveURL(
		new RegExp( `[?&]page=footprints&tab=${ param }$` )
	);
}

/** What only each tab shows. */
const OWN_CONTENT: Record< string, ( page: Page ) => Locator > = {
	Events: ( page ) => page.getByRole( 'button', { name: 'Add event' } ),
	'System events': ( page ) => page.getByText( 'Built-in events that' ),
	Connection: ( page ) => page.getByRole( 'heading', { name: 'Backend' } ),
	Collector: ( page ) => page.getByRole( 'heading', { name: 'Collection' } ),
};

test.describe( 'Settings tabs in the URL', () => {
	test( 'a link opens a tab; reload keeps it; Back returns to the tab before', async ( {
		page,
	} ) => {
		await page.goto( '/wp-admin/admin.php?page=footprints&tab=collector' );
		await expectOpenTab( page, 'Collector', 'collector' );
		await page.screenshot( {
			path: path.join( ARTIFACTS, 'settings-tab-from-url.png' ),
		} );

		await tab( page, 'Connection' ).click();
		await expectOpenTab( page, 'Connection', 'connection' );
		// The panel was not rebuilt under the keyboard: the tab keeps the focus.
		await expect( tab( page, 'Connection' ) ).toBeFocused();

		await page.reload();
		await expectOpenTab( page, 'Connection', 'connection' );

		// One step back is the Collector tab: opening it added no entry.
		await page.goBack();
		await expectOpenTab( page, 'Collector', 'collector' );
		await page.goForward();
		await expectOpenTab( page, 'Connection', 'connection' );
	} );

	test( 'an unknown tab opens Events', async ( { page } ) => {
		await page.goto( '/wp-admin/admin.php?page=footprints&tab=nonsense' );
		await expectOpenTab( page, 'Events', 'nonsense' );
		await tab( page, 'System events' ).click();
		await expectOpenTab( page, 'System events', 'system' );
		await page.goBack();
		await expectOpenTab( page, 'Events', 'nonsense' );
	} );
} );

test.describe( 'An editor who may read insights', () => {
	test.afterAll( () => {
		// Roles are stored in the database: later tests find editors as before.
		roleCapability( 'editor', 'footprints_view_insights', 'revoke' );
	} );

	test( 'reaches Insights from the Footprints menu, and not Settings', async ( {
		browser,
		requestUtils,
	} ) => {
		roleCapability( 'editor', 'footprints_view_insights', 'grant' );
		const username = `insights_editor_${ Date.now().toString( 36 ) }`;
		const password = 'editor-password-1';
		const user = await requestUtils.createUser( {
			username,
			email: `${ username }@example.com`,
			password,
			roles: [ 'editor' ],
		} );
		try {
			const page = await signedInPage( browser, username, password );
			const errors: string[] = [];
			page.on( 'console', ( message ) => {
				if ( message.type() === 'error' ) {
					errors.push( message.text() );
				}
			} );
			const menu = page.locator( '#toplevel_page_footprints' );
			await expect( menu.locator( '.wp-submenu a' ) ).toHaveText( [
				'Insights',
			] );

			await menu.getByRole( 'link', { name: 'Footprints' } ).click();
			await expect( page ).toHaveURL( /[?&]page=footprints-insights$/ );
			await expect(
				page
					.getByRole( 'navigation', { name: 'Insights views' } )
					.getByRole( 'link', { name: 'Dashboard', exact: true } )
			).toHaveAttribute( 'aria-current', 'page' );
			await expect(
				page.getByRole( 'heading', { name: 'Insights', level: 1 } )
			).toBeVisible();
			// The dashboard's figures load: its route lets them in.
			await expect(
				page.locator( '.footprints-totals' ).or(
					page.getByRole( 'heading', {
						name: 'No events in this range',
					} )
				)
			).toBeVisible();
			await expect( page.locator( '.components-notice' ) ).toHaveCount(
				0
			);
			await page.screenshot( {
				path: path.join( ARTIFACTS, 'settings-editor-menu.png' ),
			} );
			expect( errors ).toEqual( [] );

			const settings = await page.goto(
				'/wp-admin/admin.php?page=footprints'
			);
			expect( settings?.status() ).toBe( 403 );
			await expect(
				page.getByText(
					'Sorry, you are not allowed to access this page.'
				)
			).toBeVisible();
			await page.context().close();
		} finally {
			await requestUtils.rest( {
				path: `/wp/v2/users/${ user.id }`,
				method: 'DELETE',
				params: { force: true, reassign: 1 },
			} );
		}
	} );
} );
