/**
 * Footprints → Insights → Dashboard: seeded events show with exact counts
 * (total, change against the previous period, per event, per day as
 * chart and as table); every view has its own URL (a reload keeps it,
 * Back returns to the one before); no serious axe violation. Screenshots:
 * artifacts/insights-dashboard-*.png.
 */

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { seriousViolations } from './axe';
import { createDefinition } from './editor';
import { expect, test } from './fixtures';
import { insightsTabs, openInsights, screenshot } from './insights';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Stores events at noon UTC of days before today, through the collector.
 * @param requestUtils Request utils.
 * @param code         Event code.
 * @param daysAgo      One entry per event: how many days before today.
 * @param device       Device of each event, by index.
 */
async function seed(
	requestUtils: RequestUtils,
	code: string,
	daysAgo: number[],
	device: ( index: number ) => string
) {
	const noon = new Date();
	noon.setUTCHours( 12, 0, 0, 0 );
	await requestUtils.rest( {
		path: '/footprints/v1/collect',
		method: 'POST',
		data: {
			events: daysAgo.map( ( days, index ) => ( {
				id: `${ code }_${ index }`,
				event: code,
				time: noon.getTime() - days * DAY,
				device_id: device( index ),
			} ) ),
		},
	} );
}

test.describe( 'insights dashboard', () => {
	test( 'shows the seeded counts, as a chart and as a table, with the change against the previous 7 days', async ( {
		page,
		requestUtils,
	} ) => {
		const click = await createDefinition( requestUtils, {
			code: 'dash_click',
			name: 'Dash Click',
			color: '#2271b1',
		} );
		const signup = await createDefinition( requestUtils, {
			code: 'dash_signup',
			name: 'Dash Signup',
			color: '#d63638',
		} );
		// Clicks: 3 today (2 devices), 2 two days ago; 4 nine days ago (the
		// previous 7 days). Sign-ups: 1 today.
		await seed(
			requestUtils,
			click.code,
			[ 0, 0, 0, 2, 2, 9, 9, 9, 9 ],
			( i ) => ( i === 1 ? 'device_dash_b' : 'device_dash_a' )
		);
		await seed( requestUtils, signup.code, [ 0 ], () => 'device_dash_a' );

		await openInsights( page, 'dashboard', {
			range: '7d',
			code: `${ click.code },${ signup.code }`,
		} );
		const totals = page.locator( '.footprints-totals' );
		// 6 against 4: +50 %.
		await expect( totals ).toContainText( '6' );
		await expect( totals ).toContainText( '+50%' );
		await expect( totals ).toContainText( 'against 4 in' );
		const top = page.locator( '.footprints-top-events' );
		await expect(
			top.getByRole( 'row' ).filter( { hasText: click.code } )
		).toHaveText( new RegExp( `${ click.name }.*5\\s*4\\s*\\+25%\\s*2` ) );
		await expect(
			top.getByRole( 'row' ).filter( { hasText: signup.code } )
		).toHaveText( /1\s*0\s*new\s*1/ );
		await expect(
			page.getByRole( 'img', { name: /Events per day/ } )
		).toBeVisible();
		await screenshot( page, 'dashboard-chart' );
		expect( await seriousViolations( page, [ '.wrap' ] ) ).toEqual( [] );

		await page.getByRole( 'link', { name: 'Table', exact: true } ).click();
		await expect( page ).toHaveURL( /display=table/ );
		const perDay = page.locator( '.footprints-per-day' );
		// The last row is today: 3 clicks, 1 sign-up; five days before, 2 clicks.
		await expect( perDay.getByRole( 'row' ).last() ).toHaveText( /3\s*1$/ );
		await expect( perDay.getByRole( 'row' ).nth( 5 ) ).toHaveText(
			/2\s*0$/
		);
		await screenshot( page, 'dashboard-table' );
		expect( await seriousViolations( page, [ '.wrap' ] ) ).toEqual( [] );

		await page.reload();
		await expect( perDay ).toBeVisible();
		await page.goBack();
		await expect(
			page.getByRole( 'img', { name: /Events per day/ } )
		).toBeVisible();
	} );

	test( 'says so when a range has no events', async ( { page } ) => {
		await openInsights( page, 'dashboard', {
			range: 'custom',
			from: '2001-01-01',
			to: '2001-01-31',
		} );
		await expect(
			page.getByRole( 'heading', { name: 'No events in this range' } )
		).toBeVisible();
		await screenshot( page, 'dashboard-empty' );
		expect( await seriousViolations( page, [ '.wrap' ] ) ).toEqual( [] );
	} );

	test( 'each view opens from its URL, a reload keeps it and Back returns', async ( {
		page,
	} ) => {
		await openInsights( page, 'live' );
		const tabs = insightsTabs( page );
		await expect(
			tabs.getByRole( 'link', { name: 'Live events' } )
		).toHaveAttribute( 'aria-current', 'page' );

		await page.reload();
		await expect(
			tabs.getByRole( 'link', { name: 'Live events' } )
		).toHaveAttribute( 'aria-current', 'page' );

		await tabs.getByRole( 'link', { name: 'Dashboard' } ).click();
		await expect( page ).toHaveURL( /[?&]view=dashboard(&|$)/ );
		await expect(
			tabs.getByRole( 'link', { name: 'Dashboard' } )
		).toHaveAttribute( 'aria-current', 'page' );

		await page.goBack();
		await expect( page ).toHaveURL( /[?&]view=live(&|$)/ );
		await expect(
			tabs.getByRole( 'link', { name: 'Live events' } )
		).toHaveAttribute( 'aria-current', 'page' );

		await openInsights( page, 'dashboard', { range: '90d' } );
		await expect( page.getByLabel( 'Range' ) ).toHaveValue( '90d' );
		await page.getByLabel( 'Range' ).selectOption( '7d' );
		await expect( page ).toHaveURL( /range=7d/ );
		await page.goBack();
		await expect( page.getByLabel( 'Range' ) ).toHaveValue( '90d' );

		// From the menu: Footprints → Insights (a flyout on other screens).
		await page.goto( '/wp-admin/' );
		const menu = page.locator( '#adminmenu' );
		await menu
			.getByRole( 'link', { name: 'Footprints', exact: true } )
			.hover();
		await menu
			.getByRole( 'link', { name: 'Insights', exact: true } )
			.click();
		await expect(
			tabs.getByRole( 'link', { name: 'Dashboard' } )
		).toHaveAttribute( 'aria-current', 'page' );
	} );
} );
