/**
 * People and their timelines: a visitor's click on the demo page shows in
 * that device's timeline; identify() from the page makes the visitor a
 * person in the People list, whose timeline holds both; a signed-in
 * user's click links their device to their WordPress account; every view
 * opens from its own URL.
 */

/**
 * External dependencies
 */
import type { Browser, Page, Response } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { shoot } from './screenshot';

const INSIGHTS = '/wp-admin/admin.php?page=footprints-insights';

/**
 * A collect request's answer, whichever collector takes it.
 *
 * @param page The page that sends.
 */
function collected( page: Page ): Promise< Response > {
	return page.waitForResponse(
		( response ) =>
			response.request().method() === 'POST' &&
			/collect\.php|footprints\/v1\/collect/.test( response.url() )
	);
}

/**
 * The device id a collect request carried.
 *
 * @param answer The collector's answer.
 */
function sentDevice( answer: Response ): string {
	const body = JSON.parse( answer.request().postData() ?? '{}' );
	return body.events[ 0 ].device_id;
}

/**
 * Moves whatever the fast collector buffered into the tables (as cron would).
 *
 * @param requestUtils The admin's REST client.
 */
async function drain( requestUtils: RequestUtils ) {
	await requestUtils.rest( {
		path: '/footprints/v1/collector/drain',
		method: 'POST',
	} );
}

/**
 * A visitor's browser: no WordPress session.
 *
 * @param browser The browser.
 */
async function visitor( browser: Browser ): Promise< Page > {
	const context = await browser.newContext( {
		storageState: { cookies: [], origins: [] },
	} );
	return context.newPage();
}

/**
 * Clicks the demo page's trial button; returns the device id sent.
 *
 * @param page The visitor's page.
 */
async function clickTrial( page: Page ): Promise< string > {
	await page.goto( '/footprints-demo/' );
	const answer = collected( page );
	await page.getByText( 'Start your free trial' ).click();
	const response = await answer;
	expect( response.status() ).toBe( 200 );
	return sentDevice( response );
}

test.describe( 'people and timelines', () => {
	test( "a visitor's click shows in their device's timeline, and each view opens from its URL", async ( {
		browser,
		page,
		requestUtils,
	} ) => {
		const visit = await visitor( browser );
		const device = await clickTrial( visit );
		await visit.context().close();
		await drain( requestUtils );

		await page.goto(
			`${ INSIGHTS }&view=person&device=${ encodeURIComponent( device ) }`
		);
		await expect(
			page.getByRole( 'heading', { name: `Device ${ device }` } )
		).toBeVisible();
		const session = page.locator( '.footprints-timeline__session' );
		await expect( session ).toHaveCount( 1 );
		await expect( session ).toContainText( 'Trial Started' );
		await expect( session ).toContainText( '/footprints-demo/' );
		await expect(
			page.getByText( /^1 event · 1 session on this page/ )
		).toBeVisible();
		await shoot( page, 'people-device-timeline' );

		// The device's person, from the device's timeline, then the list.
		await page
			.getByRole( 'link', {
				name: 'Timeline of the person this device belongs to',
			} )
			.click();
		await expect(
			page.getByRole( 'heading', { name: 'Anonymous visitor' } )
		).toBeVisible();
		await page.reload();
		await expect(
			page.getByRole( 'heading', { name: 'Anonymous visitor' } )
		).toBeVisible();
		await page.goBack();
		await expect(
			page.getByRole( 'heading', { name: `Device ${ device }` } )
		).toBeVisible();

		await page.goto(
			`${ INSIGHTS }&view=people&search=${ encodeURIComponent( device ) }`
		);
		const rows = page.locator( '.dataviews-view-table tbody tr' );
		await expect( rows ).toHaveCount( 1 );
		await expect( rows.first() ).toContainText( 'Anonymous visitor' );
		await expect(
			rows.first().getByTitle( device, { exact: true } )
		).toHaveText( '1' );
		await expect( page.getByRole( 'searchbox' ) ).toHaveValue( device );
	} );

	test( 'identify() from the page makes the visitor a person in the list, with both events in their timeline', async ( {
		browser,
		page,
		requestUtils,
	} ) => {
		const lead = `lead-${ Date.now() }`;
		const visit = await visitor( browser );
		const device = await clickTrial( visit );
		const identified = collected( visit );
		await visit.evaluate(
			( [ id ] ) =>
				(
					window as unknown as {
						footprints: {
							identify: (
								userId: string,
								traits: Record< string, string >
							) => void;
						};
					}
				 ).footprints.identify( id, {
					email: `${ id }@Example.com`,
					name: 'Lena Lead',
					plan: 'pro',
				} ),
			[ lead ]
		);
		expect( ( await identified ).status() ).toBe( 200 );
		await visit.context().close();
		await drain( requestUtils );

		await page.goto( `${ INSIGHTS }&view=people` );
		await page.getByRole( 'searchbox' ).fill( `${ lead }@example` );
		await expect( page ).toHaveURL( new RegExp( `search=${ lead }` ) );
		const rows = page.locator( '.dataviews-view-table tbody tr' );
		await expect( rows ).toHaveCount( 1 );
		const row = rows.filter( { hasText: 'Lena Lead' } );
		await expect( row ).toHaveCount( 1 );
		await expect( row ).toContainText( `${ lead }@example.com` );
		await expect( row ).toContainText( lead );
		await expect( row.getByTitle( device, { exact: true } ) ).toHaveText(
			'1'
		);
		await expect( row ).toContainText( 'plan: pro' );
		expect(
			await seriousViolations( page, [ '.footprints-insights-view' ] )
		).toEqual( [] );
		await shoot( page, 'people-list' );

		await row.getByRole( 'link', { name: 'Lena Lead' } ).click();
		await expect(
			page.getByRole( 'heading', { name: 'Lena Lead' } )
		).toBeVisible();
		await expect( page ).toHaveURL( /view=person&person=\d+/ );
		const events = page.locator( '.footprints-timeline__event' );
		await expect( events ).toHaveCount( 2 );
		await expect( events.nth( 0 ) ).toContainText( 'Trial Started' );
		await expect( events.nth( 1 ) ).toContainText( 'Custom Data Updated' );
		await expect( events.nth( 1 ) ).toContainText( `user_id: ${ lead }` );
		await expect( events.nth( 1 ) ).toContainText(
			'traits: (email: ' // …the address, then the other traits as pairs.
		);
		await expect( events.nth( 1 ) ).toContainText(
			'name: Lena Lead, plan: pro)'
		);
		await expect(
			page.getByRole( 'link', { name: 'Download CSV' } )
		).toHaveAttribute( 'href', /view=timeline.*person=\d+/ );
		await shoot( page, 'people-person-timeline' );
	} );

	test( "a signed-in user's click links their device to their WordPress account", async ( {
		page,
		requestUtils,
	} ) => {
		const me = await requestUtils.rest< { id: number; email: string } >( {
			path: '/wp/v2/users/me?context=edit',
		} );
		const device = await clickTrial( page );
		await drain( requestUtils );

		await page.goto(
			`${ INSIGHTS }&view=person&device=${ encodeURIComponent( device ) }`
		);
		await page
			.getByRole( 'link', {
				name: 'Timeline of the person this device belongs to',
			} )
			.click();
		const facts = page.locator( '.footprints-timeline__facts' );
		await expect( facts ).toContainText( me.email.toLowerCase() );
		await expect(
			facts.getByRole( 'link', { name: `#${ me.id }` } )
		).toBeVisible();
		await shoot( page, 'people-signed-in-timeline' );
	} );

	test( 'a timeline shows each session apart, with the gap between them', async ( {
		page,
		requestUtils,
	} ) => {
		const device = `sessions_${ Date.now() }`;
		const start = Date.now() - 3 * 3600_000;
		const at = ( minutes: number, event: string, id: string ) => ( {
			id: `${ device }_${ id }`,
			event,
			device_id: device,
			time: start + minutes * 60_000,
			page: 'http://127.0.0.1/pricing/',
			attributes: event === 'trial_click' ? { source: 'pricing' } : {},
		} );
		await requestUtils.rest( {
			path: '/footprints/v1/collect',
			method: 'POST',
			data: {
				events: [
					at( 0, 'trial_click', 'a' ),
					at( 12, 'trial_click', 'b' ),
					// 31 minutes after the one before: a new session.
					at( 43, 'trial_click', 'c' ),
					at( 170, 'trial_click', 'd' ),
				],
			},
		} );

		await page.goto( `${ INSIGHTS }&view=person&device=${ device }` );
		const sessions = page.locator( '.footprints-timeline__session' );
		await expect( sessions ).toHaveCount( 3 );
		await expect( sessions.nth( 0 ) ).toContainText( '2 events' );
		await expect( page.locator( '.footprints-timeline__gap' ) ).toHaveText(
			[ '31 minutes later', '2 h 7 min later' ]
		);
		await expect(
			page.getByText( /^4 events · 3 sessions on this page/ )
		).toBeVisible();
		expect(
			await seriousViolations( page, [ '.footprints-insights-view' ] )
		).toEqual( [] );
		await shoot( page, 'people-timeline-sessions' );
	} );
} );
