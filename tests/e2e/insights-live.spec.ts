/**
 * Footprints → Insights → Live events and Rejected events: a click on the
 * demo page shows up in the open list by itself (the list refreshes while
 * the tab is visible, and stops while it is hidden); a device links to
 * its timeline; filters live in the URL; a refused event shows with its
 * reason in words. Screenshots: artifacts/insights-live*.png,
 * insights-rejected.png.
 */

/**
 * External dependencies
 */
import type { Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { insightsTabs, openInsights, screenshot } from './insights';

/**
 * Clicks the tracking block's button on the demo page and returns the
 * device id it was sent with, once it is stored (draining the fast
 * collector's buffer, as its cron would, when the click went there).
 * @param visitor           A page for the visitor.
 * @param requestUtils      Request utils.
 * @param requestUtils.rest
 */
async function clickOnDemoPage(
	visitor: Page,
	requestUtils: RequestUtils
): Promise< string > {
	await visitor.goto( '/footprints-demo/' );
	const answer = visitor.waitForResponse(
		( response ) =>
			response.request().method() === 'POST' &&
			/collect\.php|footprints\/v1\/collect/.test( response.url() )
	);
	await visitor.getByText( 'Start your free trial' ).click();
	const response = await answer;
	expect( response.status() ).toBe( 200 );
	if ( response.url().includes( 'collect.php' ) ) {
		await requestUtils.rest( {
			path: '/footprints/v1/collector/drain',
			method: 'POST',
		} );
	}
	const body = JSON.parse( response.request().postData() ?? '{}' );
	return body.events[ 0 ].device_id as string;
}

/**
 * Sets what document.visibilityState says, as switching browser tabs does.
 * @param page  Page.
 * @param state visible or hidden.
 */
function setVisibility( page: Page, state: 'visible' | 'hidden' ) {
	return page.evaluate( ( value ) => {
		Object.defineProperty( document, 'visibilityState', {
			value,
			configurable: true,
		} );
		document.dispatchEvent( new Event( 'visibilitychange' ) );
	}, state );
}

test.describe( 'insights live events', () => {
	test( 'a click on the demo page appears in the open list, and its device links to its timeline', async ( {
		page,
		context,
		requestUtils,
	} ) => {
		await openInsights( page, 'live' );
		await expect(
			page.getByText( /The list refreshes every 5 seconds/ )
		).toBeVisible();

		const visitor = await context.browser()!.newPage();
		const device = await clickOnDemoPage( visitor, requestUtils );
		await visitor.close();

		// No reload: the list refreshes itself every 5 seconds.
		const row = page.getByRole( 'row' ).filter( { hasText: device } );
		await expect( row.first() ).toBeVisible( { timeout: 15_000 } );
		await expect( row.first() ).toContainText( 'source: "demo-block"' );
		await screenshot( page, 'live' );
		expect( await seriousViolations( page, [ '.wrap' ] ) ).toEqual( [] );

		// Search by the device: its own URL, kept on reload.
		await page
			.getByRole( 'searchbox', { name: 'Device ID' } )
			.fill( device );
		await expect( page ).toHaveURL( new RegExp( `device=${ device }` ) );
		await page.reload();
		await expect(
			page.getByRole( 'searchbox', { name: 'Device ID' } )
		).toHaveValue( device );
		await expect(
			page.getByRole( 'row' ).filter( { hasText: device } ).first()
		).toBeVisible();

		await page
			.getByRole( 'link', { name: `Timeline of device ${ device }` } )
			.first()
			.click();
		await expect( page ).toHaveURL(
			new RegExp( `view=person&device=${ device }` )
		);
		// The device's timeline (the people view) shows the click.
		const timeline = page.locator( '.footprints-insights-view' );
		await expect( timeline ).toContainText( device );
		await expect( timeline ).toContainText( 'Trial Started' );
		await screenshot( page, 'live-to-timeline' );
		await page.goBack();
		await expect(
			insightsTabs( page ).getByRole( 'link', { name: 'Live events' } )
		).toHaveAttribute( 'aria-current', 'page' );
	} );

	test( 'the list stops refreshing while the tab is hidden and refreshes at once when it is back', async ( {
		page,
	} ) => {
		let requests = 0;
		page.on( 'request', ( request ) => {
			if (
				request.url().includes( 'insights%2Flive' ) ||
				request.url().includes( 'insights/live' )
			) {
				requests++;
			}
		} );
		await openInsights( page, 'live' );
		await expect(
			page.getByText( /The list refreshes every 5 seconds/ )
		).toBeVisible();
		await setVisibility( page, 'hidden' );
		const before = requests;
		await page.waitForTimeout( 6_000 );
		expect( requests ).toBe( before );

		await setVisibility( page, 'visible' );
		await expect
			.poll( () => requests, { timeout: 2_000 } )
			.toBe( before + 1 );
	} );

	test( 'a filter that matches nothing says so', async ( { page } ) => {
		await openInsights( page, 'live', { device: 'device_never_seen_0' } );
		await expect(
			page.getByText( 'No event matches these filters yet.' )
		).toBeVisible();
		await screenshot( page, 'live-empty' );
		expect( await seriousViolations( page, [ '.wrap' ] ) ).toEqual( [] );
	} );

	test( 'a refused event shows in Rejected events with its reason in words', async ( {
		page,
		requestUtils,
	} ) => {
		// Not "never_defined": the collector spec finds its own row by that text.
		const code = `undefined_refused_${ Date.now().toString( 36 ) }`;
		await requestUtils.rest( {
			path: '/footprints/v1/collect',
			method: 'POST',
			data: { events: [ { id: `${ code }_1`, event: code } ] },
		} );

		await openInsights( page, 'live' );
		await insightsTabs( page )
			.getByRole( 'link', { name: 'Rejected events' } )
			.click();
		await expect( page ).toHaveURL( /view=rejected/ );
		const row = page.getByRole( 'row' ).filter( { hasText: code } );
		await expect( row ).toContainText(
			'No event is defined with this code. Define it in Footprints, or fix the code in the trigger.'
		);
		await expect( row ).toContainText( 'footprints_unknown_event' );
		await screenshot( page, 'rejected' );
		expect( await seriousViolations( page, [ '.wrap' ] ) ).toEqual( [] );
	} );
} );
