/**
 * The release as a site owner gets it: footprints.zip (npm run plugin-zip)
 * uploaded through Plugins → Add New → Upload Plugin into a bare WordPress
 * that has never seen Footprints (the zip instance: its own database and
 * port), activated, and a visitor's click tracked end to end. A file the
 * zip lacks (a source file PHP reads, a built script) fails here.
 */

/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Internal dependencies
 */
import { expect, test } from './fixtures';
import { hubAdmin, type HubClient } from './hub';

const ZIP_URL = process.env.FOOTPRINTS_ZIP_URL ?? '';
// PHP's notices and warnings on the zip site (WP_DEBUG_LOG).
const ZIP_LOG = process.env.FOOTPRINTS_ZIP_DEBUG_LOG ?? '';
const ROOT = path.resolve( __dirname, '../..' );
const ZIP = path.join( ROOT, 'footprints.zip' );
const ARTIFACTS =
	process.env.WP_ARTIFACTS_PATH ?? path.join( ROOT, 'artifacts' );

interface StoredEvent {
	event: string;
	page: string;
	attributes: Record< string, unknown >;
}

test.describe( 'the release zip', () => {
	// A visitor and an admin of the zip site, not of the test site.
	test.use( {
		baseURL: ZIP_URL,
		storageState: { cookies: [], origins: [] },
	} );

	test.beforeAll( () => {
		test.setTimeout( 180_000 );
		expect( ZIP_URL, 'FOOTPRINTS_ZIP_URL (set by bin/test-e2e)' ).not.toBe(
			''
		);
		expect(
			ZIP_LOG,
			'FOOTPRINTS_ZIP_DEBUG_LOG (set by bin/test-e2e)'
		).not.toBe( '' );
		if ( ! existsSync( ZIP ) ) {
			// npm test packs it after the build; alone, pack what build/ holds.
			expect(
				existsSync( path.join( ROOT, 'build/client/index.js' ) ),
				'build/ (run npm run build first)'
			).toBe( true );
			execFileSync(
				'npm',
				[ 'run', '-s', 'plugin-zip', '--ignore-scripts' ],
				{ cwd: ROOT, stdio: 'inherit' }
			);
		}
		rmSync( ZIP_LOG, { force: true } );
		execFileSync( 'bash', [ path.join( ROOT, 'bin/wp-up' ), 'zip' ], {
			env: { ...process.env, FOOTPRINTS_RESET: '1' },
			stdio: 'inherit',
		} );
	} );

	test.afterAll( () => {
		execFileSync( 'bash', [ path.join( ROOT, 'bin/wp-down' ), 'zip' ], {
			stdio: 'inherit',
		} );
	} );

	test( 'installs through the upload screen, activates and tracks a click', async ( {
		page,
		browser,
	} ) => {
		test.setTimeout( 120_000 );

		await page.goto( '/wp-login.php' );
		await page.getByLabel( 'Username or Email Address' ).fill( 'admin' );
		await page.getByLabel( 'Password', { exact: true } ).fill( 'password' );
		await page.getByRole( 'button', { name: 'Log In' } ).click();
		await expect( page ).toHaveURL( /wp-admin/ );

		await page.goto( '/wp-admin/plugin-install.php?tab=upload' );
		await page.locator( '#pluginzip' ).setInputFiles( ZIP );
		await page.getByRole( 'button', { name: 'Install Now' } ).click();
		await expect(
			page.getByText( 'Plugin installed successfully.' )
		).toBeVisible( { timeout: 30_000 } );
		await page.getByRole( 'link', { name: 'Activate Plugin' } ).click();

		await expect( page.getByText( 'Plugin activated.' ) ).toBeVisible();
		const row = page.locator( 'tr[data-slug="footprints"]' );
		await expect( row ).toHaveClass( /\bactive\b/ );
		await page.screenshot( {
			path: path.join( ARTIFACTS, 'plugin-zip-activated.png' ),
			fullPage: true,
		} );

		// The settings screen loads from the zip's build/ and lists the
		// starter definition and the system events the activation seeded.
		await page.goto( '/wp-admin/admin.php?page=footprints' );
		await expect(
			page.getByRole( 'heading', { name: 'Footprints', level: 1 } )
		).toBeVisible();
		await expect( page.getByText( 'Trial Started' ) ).toBeVisible();
		await page.screenshot( {
			path: path.join( ARTIFACTS, 'plugin-zip-settings.png' ),
			fullPage: true,
		} );

		const admin: HubClient = await hubAdmin( ZIP_URL );
		try {
			const post = await admin.rest< { link: string } >( {
				path: '/wp/v2/pages',
				method: 'POST',
				data: {
					title: 'Installed from the zip',
					status: 'publish',
					content:
						'[footprints event="trial_click" attr_source="zip"]<button type="button">Start trial</button>[/footprints]',
				},
			} );

			// A visitor: no cookies of the admin.
			const visitor = await browser.newContext( {
				baseURL: ZIP_URL,
				storageState: { cookies: [], origins: [] },
			} );
			const visitorPage = await visitor.newPage();
			const browserErrors: string[] = [];
			visitorPage.on( 'console', ( message ) => {
				if ( message.type() === 'error' ) {
					browserErrors.push( message.text() );
				}
			} );
			visitorPage.on( 'pageerror', ( error ) =>
				browserErrors.push( error.message )
			);
			await visitorPage.goto( post.link );
			await visitorPage
				.getByRole( 'button', { name: 'Start trial' } )
				.click();

			await expect
				.poll(
					async () => {
						// The fast collector buffers; cron drains (the test site runs no cron).
						await admin.rest( {
							path: '/footprints/v1/collector/drain',
							method: 'POST',
						} );
						return (
							await admin.rest< StoredEvent[] >( {
								path: '/footprints/v1/events?per_page=100',
							} )
						)
							.filter( ( event ) => event.page === post.link )
							.map( ( { event, attributes } ) => ( {
								event,
								attributes,
							} ) );
					},
					{ timeout: 20_000 }
				)
				.toEqual( [
					{ event: 'trial_click', attributes: { source: 'zip' } },
				] );
			expect( browserErrors, 'errors in the visitor’s console' ).toEqual(
				[]
			);
			// A file the zip lacks shows here first (a warning from a read of it).
			const pluginLines = (
				existsSync( ZIP_LOG ) ? readFileSync( ZIP_LOG, 'utf8' ) : ''
			)
				.split( '\n' )
				.filter( ( line ) => line.includes( '/plugins/footprints/' ) );
			expect( pluginLines, 'PHP notices from the plugin' ).toEqual( [] );
			// The fast collector ships too, and answers without WordPress.
			const fast = await visitor.request.post(
				'/wp-content/plugins/footprints/collect.php',
				{ headers: { 'Content-Type': 'text/plain' }, data: '{}' }
			);
			expect( fast.headers()[ 'x-footprints-collector' ] ).toBe( 'fast' );
			await visitor.close();
		} finally {
			await admin.dispose();
		}
	} );
} );
