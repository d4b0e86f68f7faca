/**
 * The contract test: the test site connects to the hub — a second
 * WordPress, its own database and port, running Footprints as the remote
 * backend — and syncs over real HTTP. What changes on the hub reaches the
 * site; a hub that is down, answers garbage or refuses the key leaves the
 * site's last good copy in place and the screen says why.
 */

/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import {
	expect,
	expectStoredEvents,
	publish,
	storedEventsOn,
	test,
} from './fixtures';
import {
	addSiteOnHub,
	connectToHub,
	hubAdmin,
	revokeSiteOnHub,
	syncNow,
	type HubClient,
	type SiteCredentials,
} from './hub';
import {
	notices,
	readDefinition,
	searchedRow,
	enableAgain,
	useEmbeddedBackend,
} from './settings';

const HUB_URL = process.env.FOOTPRINTS_HUB_URL ?? '';
const ROOT = path.resolve( __dirname, '../..' );
const SYNC_FAILED = /status of 502 \(Bad Gateway\) \(.*\/footprints\/v1\/sync/;

let hub: HubClient;
let access: SiteCredentials;

/**
 * Makes the hub answer garbage to reads of its definitions, or stop.
 * @param on Whether to.
 */
function setHubGarbage( on: boolean ) {
	return hub.rest( {
		path: '/footprints-test/v1/garbage',
		method: 'POST',
		data: { on },
	} );
}

/**
 * Changes the hub's hub_webinar definition.
 * @param changes Fields to change.
 */
function changeOnHub( changes: Record< string, unknown > ) {
	return hub.rest( {
		path: '/footprints/v1/definitions/hub_webinar',
		method: 'PATCH',
		data: changes,
	} );
}

/**
 * Connects the site to the hub with the site's credentials, or another key.
 * @param page   Page.
 * @param url    Backend URL.
 * @param apiKey API key.
 */
function connect( page: Page, url: string, apiKey: string ) {
	return connectToHub( page, url, {
		app_id: access.app_id,
		api_key: apiKey,
	} );
}

test.describe( 'Sync from a remote Footprints backend (the hub)', () => {
	test.beforeAll( async () => {
		expect( HUB_URL, 'FOOTPRINTS_HUB_URL (set by bin/test-e2e)' ).not.toBe(
			''
		);
		hub = await hubAdmin( HUB_URL );
		await setHubGarbage( false );
		await hub
			.rest( {
				path: '/footprints/v1/definitions/hub_webinar',
				method: 'DELETE',
			} )
			.catch( () => undefined );
		access = await addSiteOnHub( hub, 'The test site (sync.spec)' );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await useEmbeddedBackend( requestUtils );
		await enableAgain( requestUtils, 'trial_click' );
		await revokeSiteOnHub( hub, access.app_id );
		await hub.dispose();
	} );

	test( 'connect to the hub, then create, change, disable and delete there and sync each', async ( {
		page,
		requestUtils,
	} ) => {
		await connect( page, HUB_URL, access.api_key );
		await page.getByRole( 'button', { name: 'Test connection' } ).click();
		await expect( notices( page ) ).toContainText(
			'Connected: the backend has'
		);
		await syncNow( page );
		await expect( notices( page ) ).toContainText( 'Synced:' );

		await hub.rest( {
			path: '/footprints/v1/definitions',
			method: 'POST',
			data: {
				code: 'hub_webinar',
				name: 'Webinar Registered',
				color: '#aa3300',
				attributes: { seats: 'number' },
			},
		} );
		await syncNow( page );
		await expect( notices( page ) ).toContainText(
			'Synced: 1 added, 0 changed, 0 removed.'
		);
		await page.getByRole( 'tab', { name: 'Events', exact: true } ).click();
		await expect(
			page.locator( '.footprints-remote-notice' )
		).toContainText(
			'These events come from the remote backend and are read-only here'
		);
		await expect( await searchedRow( page, 'hub_webinar' ) ).toContainText(
			'Webinar Registered'
		);
		await expect(
			page.getByRole( 'button', { name: 'Add event' } )
		).toHaveCount( 0 );

		await changeOnHub( { name: 'Webinar Joined' } );
		await page.getByRole( 'tab', { name: 'Connection' } ).click();
		await syncNow( page );
		await expect( notices( page ) ).toContainText(
			'Synced: 0 added, 1 changed, 0 removed.'
		);
		expect(
			( await readDefinition( requestUtils, 'hub_webinar' ) ).name
		).toBe( 'Webinar Joined' );

		await syncNow( page );
		await expect( notices( page ) ).toContainText(
			'Synced: nothing changed on the backend.'
		);

		await changeOnHub( { enabled: false } );
		await syncNow( page );
		await expect( notices( page ) ).toContainText( '1 changed' );
		expect(
			( await readDefinition( requestUtils, 'hub_webinar' ) ).enabled
		).toBe( false );

		await hub.rest( {
			path: '/footprints/v1/definitions/hub_webinar',
			method: 'DELETE',
		} );
		await syncNow( page );
		await expect( notices( page ) ).toContainText(
			'Synced: 0 added, 0 changed, 1 removed.'
		);
		await expect(
			readDefinition( requestUtils, 'hub_webinar' )
		).rejects.toMatchObject( { code: 'footprints_definition_not_found' } );
		await expect( page.locator( '.footprints-last-sync' ) ).toContainText(
			'0 added, 0 changed, 1 removed'
		);
	} );

	test( 'connected to the hub, visitors send their events straight to it, also from a link that leaves', async ( {
		page,
		requestUtils,
	} ) => {
		await hub
			.rest( {
				path: '/footprints/v1/definitions',
				method: 'POST',
				data: {
					code: 'hub_seat_booked',
					name: 'Seat Booked',
					attributes: { seats: 'number' },
				},
			} )
			// Left from an earlier run: a triggered event cannot be deleted.
			.catch( () => undefined );
		await connect( page, HUB_URL, access.api_key );
		await syncNow( page );
		await page.goto(
			await publish(
				requestUtils,
				'<!-- wp:shortcode -->[footprints event="hub_seat_booked" attr_seats="3"]<a href="/">Book a seat</a>[/footprints]<!-- /wp:shortcode -->'
			)
		);
		const pageUrl = page.url();
		// A link that leaves the page: the batch must reach the other origin
		// as the page goes away.
		await page.getByRole( 'link', { name: 'Book a seat' } ).click();
		await page.waitForURL( ( url ) => url.href !== pageUrl );

		await expectStoredEvents( hub, pageUrl ).toEqual( [
			expect.objectContaining( {
				event: 'hub_seat_booked',
				attributes: { seats: 3 },
			} ),
		] );
		expect( await storedEventsOn( requestUtils, pageUrl ) ).toEqual( [] );
	} );

	test.describe( 'failures keep the last good copy', () => {
		test.use( { allowedConsoleErrors: [ SYNC_FAILED ] } );

		test.beforeAll( async () => {
			await hub.rest( {
				path: '/footprints/v1/definitions',
				method: 'POST',
				data: { code: 'hub_webinar', name: 'Webinar Registered' },
			} );
		} );

		test.beforeEach( async ( { page } ) => {
			await connect( page, HUB_URL, access.api_key );
			await syncNow( page );
			await expect( notices( page ) ).toContainText( 'Synced:' );
		} );

		test.afterAll( async () => {
			await setHubGarbage( false );
			await hub.rest( {
				path: '/footprints/v1/definitions/hub_webinar',
				method: 'DELETE',
			} );
		} );

		test( 'the hub answers garbage', async ( { page, requestUtils } ) => {
			await setHubGarbage( true );
			// A change the garbage hides: the site must not see it, nor lose anything.
			await changeOnHub( { name: 'Renamed Behind Garbage' } );

			await syncNow( page );

			await expect( notices( page ) ).toContainText(
				'without a JSON list of definitions'
			);
			await expect(
				page.locator( '.footprints-last-sync' )
			).toContainText( 'without a JSON list of definitions' );
			expect(
				( await readDefinition( requestUtils, 'hub_webinar' ) ).name
			).toBe( 'Webinar Registered' );
			await setHubGarbage( false );
		} );

		test( 'a wrong API key', async ( { page, requestUtils } ) => {
			await connect( page, HUB_URL, 'fpk_not_the_key' );

			await syncNow( page );

			await expect( notices( page ) ).toContainText(
				'The backend refused the app ID and API key (HTTP 401)'
			);
			expect(
				await readDefinition( requestUtils, 'hub_webinar' )
			).toEqual( expect.objectContaining( { code: 'hub_webinar' } ) );
		} );

		test( 'the hub is down', async ( { page, requestUtils } ) => {
			execFileSync( 'bash', [ 'bin/wp-down', 'hub' ], {
				cwd: ROOT,
				stdio: 'ignore',
			} );
			try {
				await syncNow( page );

				await expect( notices( page ) ).toContainText(
					`Could not reach the backend at ${ HUB_URL }`
				);
				expect(
					await readDefinition( requestUtils, 'hub_webinar' )
				).toEqual( expect.objectContaining( { code: 'hub_webinar' } ) );
			} finally {
				execFileSync( 'bash', [ 'bin/wp-up', 'hub' ], {
					cwd: ROOT,
					stdio: 'ignore',
				} );
			}
		} );
	} );
} );

test.describe( 'The first sync over local history', () => {
	let historySite = '';

	test.beforeAll( async () => {
		hub = await hubAdmin( HUB_URL );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await useEmbeddedBackend( requestUtils );
		await enableAgain( requestUtils, 'trial_click' );
		await enableAgain( requestUtils, 'local_history_kept' );
		await revokeSiteOnHub( hub, historySite );
		await hub.dispose();
	} );

	test( 'says what will happen, asks to confirm, and keeps the triggered event disabled', async ( {
		page,
		requestUtils,
	} ) => {
		await useEmbeddedBackend( requestUtils );
		await requestUtils
			.rest( {
				path: '/footprints/v1/definitions',
				method: 'POST',
				data: { code: 'local_history_kept', name: 'Local History' },
			} )
			.catch( () => undefined );
		await enableAgain( requestUtils, 'local_history_kept' );
		await requestUtils.rest( {
			path: '/footprints/v1/collect',
			method: 'POST',
			data: {
				events: [
					{
						id: `e2e${ Date.now() }`,
						event: 'local_history_kept',
					},
				],
			},
		} );
		const history = (
			await readDefinition( requestUtils, 'local_history_kept' )
		).trigger_count;
		const credentials = await addSiteOnHub( hub, 'History site' );
		historySite = credentials.app_id;
		await connectToHub( page, HUB_URL, credentials );

		await page.getByRole( 'button', { name: 'Sync now' } ).click();

		const dialog = page.getByRole( 'dialog', {
			name: 'First sync from this backend',
		} );
		await expect( dialog ).toContainText( 'with recorded history' );
		await expect( dialog ).toContainText( 'local_history_kept' );
		await expect( dialog ).toContainText(
			'those with history are kept, disabled and marked “removed on the backend”'
		);
		await page.screenshot( {
			path: 'artifacts/sync-first-sync-confirmation.png',
		} );
		await dialog
			.getByRole( 'button', { name: 'Sync and keep history' } )
			.click();

		await expect( notices( page ) ).toContainText( 'Synced:' );
		// How many depends on what earlier tests triggered here: at least this one.
		await expect( notices( page ) ).toContainText(
			/removed events? ha(s|ve) history here: (it is|they are) kept, disabled\./
		);
		await expect( page.locator( '.footprints-last-sync' ) ).toContainText(
			'Kept here, disabled (they have history)'
		);
		await expect( page.locator( '.footprints-last-sync' ) ).toContainText(
			'local_history_kept'
		);
		await page.screenshot( {
			path: 'artifacts/sync-status-kept.png',
			fullPage: true,
		} );
		const kept = await readDefinition( requestUtils, 'local_history_kept' );
		expect( history ).toBeGreaterThan( 0 );
		expect( kept ).toMatchObject( {
			enabled: false,
			trigger_count: history,
		} );
		expect( kept.removed_on_backend_at ).not.toBeNull();
		await page.getByRole( 'tab', { name: 'Events', exact: true } ).click();
		await expect(
			await searchedRow( page, 'local_history_kept' )
		).toContainText( 'Disabled: removed on the backend' );
	} );
} );
