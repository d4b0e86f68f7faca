/**
 * What a visitor's browser does with the bundled client: early calls,
 * links that leave the page, offline clicks and view milestones all end up
 * stored, exactly once; pages without triggers load nothing.
 */

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
	expect(
		await page.evaluate(
			() => JSON.parse( localStorage.footprints_outbox ).length
		)
	).toBe( 2 );

	await context.setOffline( false );

	await expectStoredEvents( requestUtils, pageUrl ).toHaveLength( 2 );
	await expect
		.poll( () =>
			page.evaluate( () => JSON.parse( localStorage.footprints_outbox ) )
		)
		.toEqual( [] );
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

	await page.evaluate(
		() => ( ( window as { consentGiven?: boolean } ).consentGiven = true )
	);
	await page.getByRole( 'button', { name: 'Start' } ).click();
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
