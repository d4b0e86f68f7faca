/**
 * What a visitor's browser does with the bundled client: early calls,
 * links that leave the page, offline clicks and view milestones all end up
 * stored, exactly once; pages without triggers load nothing.
 */

/**
 * External dependencies
 */
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

/**
 * Ids of the events the outbox keeps in this browser's storage.
 * @param page
 */
const storedInBrowser = ( page: Page ) =>
	page.evaluate( () =>
		Object.keys( localStorage ).filter( ( key ) =>
			key.startsWith( 'footprints_event_' )
		)
	);

/**
 * A tracked button, and the URL of the post that shows it.
 * @param requestUtils
 * @param source
 * @param label
 */
const buttonPost = (
	requestUtils: Parameters< typeof publish >[ 0 ],
	source: string,
	label: string
) =>
	publish(
		requestUtils,
		`<!-- wp:shortcode -->[footprints event="trial_click" attr_source="${ source }"]<button type="button">${ label }</button>[/footprints]<!-- /wp:shortcode -->`
	);

test( 'calls made before the client loads are delivered, in order', async ( {
	page,
	requestUtils,
} ) => {
	const url = await publish(
		requestUtils,
		`<!-- wp:shortcode -->[footprints event="trial_click"]<button type="button">Start</button>[/footprints]<!-- /wp:shortcode -->
<!-- wp:html --><script>
footprints.track( 'trial_click', { source: 'first' } );
footprints.ready( ( api ) => api.track( 'trial_click', { source: 'ready' } ) );
footprints.track( 'trial_click', { source: 'second' } );
</script><!-- /wp:html -->`
	);

	await page.goto( url );

	await expectStoredEvents( requestUtils, page.url() ).toEqual( [
		// Newest first.
		expect.objectContaining( { attributes: { source: 'ready' } } ),
		expect.objectContaining( { attributes: { source: 'second' } } ),
		expect.objectContaining( { attributes: { source: 'first' } } ),
	] );
} );

test( 'a click on a link that leaves the page is delivered', async ( {
	page,
	requestUtils,
} ) => {
	// The next page has no trigger, so no client there can send it later.
	const away = await publish(
		requestUtils,
		'<!-- wp:paragraph --><p>Elsewhere</p><!-- /wp:paragraph -->'
	);
	const url = await publish(
		requestUtils,
		`<!-- wp:paragraph --><p>[footprints event="trial_click" attr_source="leaving"]<a href="${ away }">Go elsewhere</a>[/footprints]</p><!-- /wp:paragraph -->`
	);
	await page.goto( url );
	const pageUrl = page.url();

	await page.getByRole( 'link', { name: 'Go elsewhere' } ).click();
	await expect( page.getByText( 'Elsewhere' ) ).toBeVisible();

	await expectStoredEvents( requestUtils, pageUrl ).toEqual( [
		expect.objectContaining( { attributes: { source: 'leaving' } } ),
	] );
} );

test( 'clicks made offline are delivered once back online', async ( {
	page,
	context,
	requestUtils,
} ) => {
	const url = await publish(
		requestUtils,
		`<!-- wp:shortcode -->[footprints event="trial_click" attr_source="offline"]<button type="button">Start offline</button>[/footprints]<!-- /wp:shortcode -->`
	);
	await page.goto( url );
	const pageUrl = page.url();

	await context.setOffline( true );
	await page.getByRole( 'button', { name: 'Start offline' } ).click();
	await page.getByRole( 'button', { name: 'Start offline' } ).click();
	// Past the batch delay: nothing can leave, the events wait in storage.
	await page.waitForTimeout( 3000 );
	expect( await storedEventsOn( requestUtils, pageUrl ) ).toEqual( [] );
	expect( await storedInBrowser( page ) ).toHaveLength( 2 );

	await context.setOffline( false );

	await expectStoredEvents( requestUtils, pageUrl ).toHaveLength( 2 );
	await expect.poll( () => storedInBrowser( page ) ).toEqual( [] );
} );

test( 'a view milestone fires once, however often it is scrolled past', async ( {
	page,
	requestUtils,
} ) => {
	const url = await publish(
		requestUtils,
		`<!-- wp:spacer {"height":"2000px"} --><div style="height:2000px" aria-hidden="true" class="wp-block-spacer"></div><!-- /wp:spacer -->
<!-- wp:shortcode -->[footprints event="trial_click" attr_source="milestone"]<!-- /wp:shortcode -->
<!-- wp:spacer {"height":"2000px"} --><div style="height:2000px" aria-hidden="true" class="wp-block-spacer"></div><!-- /wp:spacer -->`
	);
	await page.goto( url );
	const pageUrl = page.url();
	const milestone = page.locator( '[data-footprints-on="view"]' );

	for ( let pass = 0; pass < 3; pass++ ) {
		await milestone.scrollIntoViewIfNeeded();
		await page.waitForTimeout( 200 );
		await page.evaluate( () => window.scrollTo( 0, 0 ) );
		await page.waitForTimeout( 200 );
	}

	await expectStoredEvents( requestUtils, pageUrl ).toHaveLength( 1 );
	// Nothing more arrives after the batch delay.
	await page.waitForTimeout( 2500 );
	expect( await storedEventsOn( requestUtils, pageUrl ) ).toEqual( [
		expect.objectContaining( { attributes: { source: 'milestone' } } ),
	] );
} );

test( 'a page without triggers loads no Footprints script', async ( {
	page,
	requestUtils,
} ) => {
	const url = await publish(
		requestUtils,
		'<!-- wp:paragraph --><p>Nothing tracked here</p><!-- /wp:paragraph -->'
	);
	const requested: string[] = [];
	page.on( 'request', ( request ) => requested.push( request.url() ) );

	await page.goto( url );
	await expect( page.getByText( 'Nothing tracked here' ) ).toBeVisible();

	expect(
		requested.filter( ( address ) => /footprints/.test( address ) )
	).toEqual( [] );
	// No module, no settings, no stub.
	expect(
		await page
			.locator( 'script' )
			.evaluateAll( ( scripts ) =>
				scripts.filter( ( script ) =>
					/footprints/.test( script.outerHTML )
				)
			)
	).toEqual( [] );
	expect( await page.evaluate( () => 'footprints' in window ) ).toBe( false );
} );

test( 'without consent no device id is stored or sent; with it, one is', async ( {
	page,
	requestUtils,
} ) => {
	// A consent plugin's WP Consent API, answering "no" for statistics.
	const url = await publish(
		requestUtils,
		`<!-- wp:html --><script>window.wp_has_consent = () => window.consentGiven === true;</script><!-- /wp:html -->
<!-- wp:shortcode -->[footprints event="trial_click"]<button type="button">Start</button>[/footprints]<!-- /wp:shortcode -->`
	);
	await page.goto( url );
	const pageUrl = page.url();

	await page.getByRole( 'button', { name: 'Start' } ).click();
	// Nothing identifies the browser.
	const noDevice = null;
	await expectStoredEvents( requestUtils, pageUrl ).toEqual( [
		expect.objectContaining( { device_id: noDevice } ),
	] );
	expect(
		await page.evaluate( () => localStorage.footprints_device )
	).toBeUndefined();
	// Nor is the event itself kept in the browser's storage.
	expect( await storedInBrowser( page ) ).toEqual( [] );

	await page.evaluate(
		() => ( ( window as { consentGiven?: boolean } ).consentGiven = true )
	);
	await page.getByRole( 'button', { name: 'Start' } ).click();
	// Created with the event, stored in the task after (not in the click).
	await expect
		.poll( () => page.evaluate( () => localStorage.footprints_device ) )
		.toMatch( /^[a-z0-9]{12,}$/ );
	const deviceId = await page.evaluate(
		() => localStorage.footprints_device
	);
	await expectStoredEvents( requestUtils, pageUrl ).toEqual( [
		expect.objectContaining( { device_id: deviceId } ),
		expect.objectContaining( { device_id: noDevice } ),
	] );
} );

test( 'debug mode logs each event and its delivery as information', async ( {
	page,
	requestUtils,
} ) => {
	const url = await publish(
		requestUtils,
		`<!-- wp:shortcode -->[footprints event="trial_click"]<button type="button">Start</button>[/footprints]<!-- /wp:shortcode -->`
	);
	const logged: string[] = [];
	page.on( 'console', ( message ) =>
		logged.push( `${ message.type() } ${ message.text() }` )
	);
	await page.goto(
		`${ url }${ url.includes( '?' ) ? '&' : '?' }footprints_debug=1`
	);

	await page.getByRole( 'button', { name: 'Start' } ).click();

	await expect
		.poll( () => logged, { timeout: 10_000 } )
		.toEqual( [
			expect.stringMatching( /^info Footprints track/ ),
			expect.stringMatching( /^info Footprints delivered/ ),
		] );
} );

test( 'two tabs clicking at once deliver every event once', async ( {
	context,
	page,
	requestUtils,
} ) => {
	const url = await buttonPost( requestUtils, 'tabs', 'Start in a tab' );
	const other = await context.newPage();
	await Promise.all( [ page.goto( url ), other.goto( url ) ] );
	const pageUrl = page.url();

	// Offline, both tabs keep their events in the one shared storage.
	await context.setOffline( true );
	for ( let round = 0; round < 5; round++ ) {
		await Promise.all(
			[ page, other ].map( ( tab ) =>
				tab.getByRole( 'button', { name: 'Start in a tab' } ).click()
			)
		);
	}
	await expect.poll( () => storedInBrowser( page ) ).toHaveLength( 10 );
	// One tab closes for good; the other and a new one come back online.
	await other.close();
	await context.setOffline( false );
	const third = await context.newPage();
	await third.goto( url );

	await expectStoredEvents( requestUtils, pageUrl ).toHaveLength( 10 );
	await page.waitForTimeout( 2500 ); // A late duplicate would show by now.
	const stored = await storedEventsOn( requestUtils, pageUrl );
	expect( new Set( stored.map( ( { id } ) => id ) ).size ).toBe( 10 );
	expect( stored ).toHaveLength( 10 );
	await expect.poll( () => storedInBrowser( page ) ).toEqual( [] );
} );

test.describe( 'a collector behind a firewall', () => {
	// Chromium logs the refused request; it is the behaviour under test.
	test.use( {
		allowedConsoleErrors: [ /status of 403 \(Forbidden\)/ ],
	} );

	test( 'answering 403 then 200 loses nothing', async ( {
		page,
		requestUtils,
	} ) => {
		const url = await buttonPost( requestUtils, 'waf', 'Start past a WAF' );
		let refused = 0;
		await page.route( '**/footprints/v1/collect**', ( route ) => {
			if ( refused++ === 0 ) {
				return route.fulfill( {
					status: 403,
					contentType: 'text/html',
					body: '<html><body>Blocked by a firewall</body></html>',
				} );
			}
			return route.continue();
		} );
		await page.goto( url );
		const pageUrl = page.url();

		await page.getByRole( 'button', { name: 'Start past a WAF' } ).click();
		await page.getByRole( 'button', { name: 'Start past a WAF' } ).click();

		await expectStoredEvents( requestUtils, pageUrl ).toHaveLength( 2 );
		expect( refused ).toBe( 2 ); // One refused request, one retry.
	} );
} );

test( 'a form whose validation cancels the submit tracks nothing', async ( {
	page,
	requestUtils,
} ) => {
	// A trigger on the page loads the client; the form uses the markup
	// contract by hand, with its own validation.
	const url = await publish(
		requestUtils,
		`<!-- wp:shortcode -->[footprints event="trial_click" attr_source="button"]<button type="button">Unrelated</button>[/footprints]<!-- /wp:shortcode -->
<!-- wp:html --><form id="signup" action="" method="get" data-footprints-event="trial_click" data-footprints-on="submit" data-footprints-attrs='{"source":"form"}'>
<label>Email <input name="email"></label><button>Sign up</button></form>
<script>document.getElementById( 'signup' ).addEventListener( 'submit', ( event ) => { if ( ! event.target.email.value ) { event.preventDefault(); } } );</script><!-- /wp:html -->`
	);
	await page.goto( url );
	const pageUrl = page.url();

	await page.getByRole( 'button', { name: 'Sign up' } ).click();
	await page.getByRole( 'button', { name: 'Sign up' } ).click();
	await page.waitForTimeout( 3000 ); // Past the batch delay.
	expect( await storedEventsOn( requestUtils, pageUrl ) ).toEqual( [] );

	await page.getByLabel( 'Email' ).fill( 'ada@example.test' );
	await page.getByRole( 'button', { name: 'Sign up' } ).click();
	await page.waitForURL( /email=ada/ );

	await expectStoredEvents( requestUtils, pageUrl ).toEqual( [
		expect.objectContaining( { attributes: { source: 'form' } } ),
	] );
} );

test( 'offline clicks then a leaving link deliver every event once', async ( {
	context,
	page,
	requestUtils,
} ) => {
	const away = await publish(
		requestUtils,
		'<!-- wp:paragraph --><p>Somewhere else</p><!-- /wp:paragraph -->'
	);
	const url = await publish(
		requestUtils,
		`<!-- wp:shortcode -->[footprints event="trial_click" attr_source="offline"]<button type="button">Start offline</button>[/footprints]<!-- /wp:shortcode -->
<!-- wp:paragraph --><p>[footprints event="trial_click" attr_source="leaving"]<a href="${ away }">Leave</a>[/footprints]</p><!-- /wp:paragraph -->`
	);
	await page.goto( url );
	const pageUrl = page.url();

	await context.setOffline( true );
	await page.getByRole( 'button', { name: 'Start offline' } ).click();
	await page.getByRole( 'button', { name: 'Start offline' } ).click();
	await context.setOffline( false );
	await page.getByRole( 'link', { name: 'Leave' } ).click();
	await expect( page.getByText( 'Somewhere else' ) ).toBeVisible();

	await expectStoredEvents( requestUtils, pageUrl ).toHaveLength( 3 );
	await page.waitForTimeout( 2500 ); // A late duplicate would show by now.
	const stored = await storedEventsOn( requestUtils, pageUrl );
	expect(
		stored.map( ( { attributes } ) => attributes.source ).sort()
	).toEqual( [ 'leaving', 'offline', 'offline' ] );
} );
