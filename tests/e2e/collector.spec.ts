/**
 * Where a visitor's click goes: to the fast collector (no WordPress boot)
 * when its self-test passes on this host, through the buffer and the drain
 * into the events table; to the REST route when the host refuses PHP files
 * in plugin folders. And what an admin sees of it in the Collector tab.
 */

/**
 * External dependencies
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { expect, test, type StoredEvent } from './fixtures';
import { openSettings } from './settings';

// bin/wp/router.php answers 403 for PHP files in plugin folders while this exists.
const BLOCK_FLAG = path.join(
	process.env.FOOTPRINTS_TEST_WP_DIR ?? '',
	'.footprints-block-plugin-php'
);

/**
 * Plays a host that allows or refuses PHP files in plugin folders, then
 * runs the self-test that picks the client's collect URL.
 * @param requestUtils
 * @param blocked      Whether the host refuses them.
 */
async function hostAllowsPluginPhp(
	requestUtils: RequestUtils,
	blocked: boolean
): Promise< { path: string } > {
	if ( blocked ) {
		fs.writeFileSync( BLOCK_FLAG, '' );
	} else {
		fs.rmSync( BLOCK_FLAG, { force: true } );
	}
	return requestUtils.rest( {
		path: '/footprints/v1/collector/self-test',
		method: 'POST',
	} );
}

/**
 * Clicks the tracking block's button on the demo page and returns the
 * collector's answer.
 * @param page
 */
async function clickDemoButton( page: import( '@playwright/test' ).Page ) {
	await page.goto( '/footprints-demo/' );
	const answer = page.waitForResponse(
		( response ) =>
			response.request().method() === 'POST' &&
			/collect\.php|footprints\/v1\/collect/.test( response.url() )
	);
	await page.getByText( 'Start your free trial' ).click();
	return answer;
}

/**
 * The ids of the events a collector answer was for (from its request).
 * @param answer
 */
function sentIds( answer: import( '@playwright/test' ).Response ): string[] {
	const body = JSON.parse( answer.request().postData() ?? '{}' );
	return ( body.events ?? [] ).map( ( event: { id: string } ) => event.id );
}

/**
 * Whether the events table holds these trial_click events (the newest 100).
 * @param requestUtils
 * @param ids
 */
async function stored(
	requestUtils: RequestUtils,
	ids: string[]
): Promise< boolean > {
	const events = await requestUtils.rest< StoredEvent[] >( {
		path: '/footprints/v1/events?event=trial_click&per_page=100',
	} );
	return ids.every( ( id ) => events.some( ( event ) => event.id === id ) );
}

test.describe( 'the collector', () => {
	test.afterAll( async ( { requestUtils } ) => {
		// Leave the site as the other specs expect it: on the REST route.
		await hostAllowsPluginPhp( requestUtils, true );
		fs.rmSync( BLOCK_FLAG, { force: true } );
	} );

	test( 'a click on the demo page reaches the events table through the fast collector', async ( {
		page,
		requestUtils,
	} ) => {
		expect(
			( await hostAllowsPluginPhp( requestUtils, false ) ).path
		).toBe( 'fast' );
		const answer = await clickDemoButton( page );
		const ids = sentIds( answer );

		expect( answer.url() ).toContain(
			'/wp-content/plugins/footprints/collect.php'
		);
		expect( answer.status() ).toBe( 200 );
		expect( answer.headers()[ 'x-footprints-collector' ] ).toBe( 'fast' );
		expect( ( await answer.json() ).accepted ).toBe( 1 );
		expect( ids ).toHaveLength( 1 );
		expect( await stored( requestUtils, ids ) ).toBe( false );
		await requestUtils.rest( {
			path: '/footprints/v1/collector/drain',
			method: 'POST',
		} );
		expect( await stored( requestUtils, ids ) ).toBe( true );
	} );

	test( 'with the fast path blocked by the host, the click goes through the REST route', async ( {
		page,
		requestUtils,
	} ) => {
		expect( ( await hostAllowsPluginPhp( requestUtils, true ) ).path ).toBe(
			'rest'
		);
		const answer = await clickDemoButton( page );
		const ids = sentIds( answer );

		expect( answer.url() ).toContain( 'footprints/v1/collect' );
		expect( answer.status() ).toBe( 200 );
		expect( ( await answer.json() ).accepted ).toBe( 1 );
		expect( ids ).toHaveLength( 1 );
		expect( await stored( requestUtils, ids ) ).toBe( true );
	} );

	test( 'admins see the live path, the buffer and the refused events', async ( {
		page,
		requestUtils,
	} ) => {
		await hostAllowsPluginPhp( requestUtils, true );
		await requestUtils.rest( {
			path: '/footprints/v1/collect',
			method: 'POST',
			data: {
				events: [ { id: 'evt_refused_01', event: 'never_defined' } ],
			},
		} );

		await openSettings( page, 'Collector' );

		await expect(
			page.getByText(
				'the REST route (the fast collector did not pass its self-test here)'
			)
		).toBeVisible();
		await expect(
			page.getByRole( 'row' ).filter( { hasText: 'never_defined' } )
		).toContainText( 'footprints_unknown_event' );
		await expect(
			page.getByText( 'footprints drain --quiet' )
		).toBeVisible();
		await page.screenshot( {
			path: path.join(
				process.env.WP_ARTIFACTS_PATH ?? 'artifacts',
				'settings-collector-tab.png'
			),
			fullPage: true,
		} );
	} );

	test( 'an admin purges the events of one code after a confirmation that says how many, then deletes the definition', async ( {
		page,
		requestUtils,
	} ) => {
		const code = `spam_click_${ Date.now() }`;
		await requestUtils.rest( {
			path: '/footprints/v1/definitions',
			method: 'POST',
			data: { code, name: 'Spam Click' },
		} );
		await requestUtils.rest( {
			path: '/footprints/v1/collect',
			method: 'POST',
			data: {
				events: [
					{ id: `${ code }_1`, event: code },
					{ id: `${ code }_2`, event: code },
				],
			},
		} );

		await openSettings( page, 'Collector' );
		await page.getByLabel( 'Event code' ).fill( code );
		await page.getByRole( 'button', { name: 'Purge events…' } ).click();
		await expect(
			page.getByText(
				`Delete 2 events of “${ code }”? This cannot be undone.`,
				{ exact: true }
			)
		).toBeVisible();
		await page.screenshot( {
			path: path.join(
				process.env.WP_ARTIFACTS_PATH ?? 'artifacts',
				'settings-collector-purge.png'
			),
			fullPage: true,
		} );
		await page.getByRole( 'button', { name: 'Delete 2 events' } ).click();

		await expect(
			page
				.locator( '.footprints-notices' )
				.getByText( `2 events of “${ code }” were deleted.` )
		).toBeVisible();
		const deleted = await requestUtils.rest< { deleted: boolean } >( {
			path: `/footprints/v1/definitions/${ code }`,
			method: 'DELETE',
		} );
		expect( deleted.deleted ).toBe( true );
	} );
} );
