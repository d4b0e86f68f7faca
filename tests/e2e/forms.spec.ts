/**
 * Forms, as a visitor submits them with form tracking on: a form with an
 * email is a form_submission and, once per visitor, an identity_conversion;
 * a bad email is an invalid_email, then a corrected one a corrected_email;
 * a prevented submit and a search form send nothing; a mapped field becomes
 * the person's trait; a contact form gives contact_us; the submit hands the
 * device id to the server in the footprints_device cookie. The owner's
 * Forms tab saves all of it.
 */

/**
 * External dependencies
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { seriousViolations } from './axe';
import {
	expect,
	publish,
	storedEventsOn,
	test,
	type StoredEvent,
} from './fixtures';

const FORMS = '/footprints/v1/forms';

const SETTINGS = {
	enabled: true,
	fields: { company: [ 'company' ], phone: [], job_title: [] },
	contact_forms: [ 'contact' ],
};

// Each run's visitors are new people: an email seen in an earlier run has its conversion already.
const RUN = Date.now().toString( 36 );
const ANN = `ann.${ RUN }@example.com`;
const BO = `bo.${ RUN }@example.com`;
const CY = `cy.${ RUN }@example.com`;
const DEE = `dee.${ RUN }@example.com`;

const OFF = {
	enabled: false,
	fields: { company: [], phone: [], job_title: [] },
	contact_forms: [],
};

/**
 * A visitor's browser: no WordPress session.
 * @param browser The browser.
 */
async function visitor( browser: Browser ): Promise< Page > {
	const context = await browser.newContext( {
		storageState: { cookies: [], origins: [] },
	} );
	return context.newPage();
}

/**
 * Publishes a post with one form that posts back to the post itself, and a
 * tracked button (to know when the client has sent what it was going to),
 * and opens it in a visitor's browser.
 * @param browser      The browser.
 * @param requestUtils The admin's REST client.
 * @param form         The form's opening tag attributes.
 * @param inputs       Its fields.
 */
async function visitForm(
	browser: Browser,
	requestUtils: RequestUtils,
	form: string,
	inputs: string
) {
	const url = await publish(
		requestUtils,
		`<!-- wp:html --><form ${ form }>${ inputs }<button type="submit">Send</button></form><!-- /wp:html -->
<!-- wp:shortcode -->[footprints event="trial_click"]<button type="button">Start trial</button>[/footprints]<!-- /wp:shortcode -->`
	);
	const page = await visitor( browser );
	await page.goto( url );
	return { url, page };
}

/**
 * Fills fields by name and submits, waiting for the page it posts to.
 * @param page   The visitor's page.
 * @param id     The form's id (posts also show WordPress' comment form).
 * @param values Values by input name.
 */
async function submit(
	page: Page,
	id: string,
	values: Record< string, string >
) {
	const form = page.locator( `form#${ id }` );
	for ( const [ name, value ] of Object.entries( values ) ) {
		await form.locator( `[name="${ name }"]` ).fill( value );
	}
	await Promise.all( [
		page.waitForEvent( 'load' ),
		form.getByRole( 'button', { name: 'Send' } ).click(),
	] );
}

/**
 * Saves a full-page screenshot to artifacts/.
 * @param page The page.
 * @param name File name without .png.
 */
function shoot( page: Page, name: string ) {
	return page.screenshot( {
		path: path.join(
			process.env.WP_ARTIFACTS_PATH ?? 'artifacts',
			`${ name }.png`
		),
		fullPage: true,
	} );
}

/**
 * Clicks the tracked button (sent after what the forms sent), closes the
 * visitor's browser and returns its device id.
 * @param page The visitor's page.
 */
async function leave( page: Page ): Promise< string | null > {
	// Delivered before the browser closes: a keepalive request of a context
	// being closed is not always sent (seen under load).
	const delivered = page.waitForResponse(
		( response ) =>
			response.url().includes( 'collect' ) &&
			( response.request().postData() ?? '' ).includes( 'trial_click' )
	);
	await page.getByRole( 'button', { name: 'Start trial' } ).click();
	await delivered;
	const device = await page.evaluate( () =>
		localStorage.getItem( 'footprints_device' )
	);
	await page.context().close();
	return device;
}

/**
 * What the test site stored for a page, oldest first, as [code, attributes]
 * (derived events after their source, by code), draining the fast
 * collector's buffer first as cron would.
 * @param requestUtils The admin's REST client.
 * @param url          The page.
 */
async function stored( requestUtils: RequestUtils, url: string ) {
	await requestUtils.rest( {
		path: '/footprints/v1/collector/drain',
		method: 'POST',
	} );
	const order = [
		'form_submission',
		'invalid_email',
		'corrected_email',
		'identity_conversion',
		'custom_data_updated',
		'contact_us',
		'trial_click',
	];
	return ( await storedEventsOn( requestUtils, url ) )
		.sort(
			( a: StoredEvent, b: StoredEvent ) =>
				a.time.localeCompare( b.time ) ||
				order.indexOf( a.event ) - order.indexOf( b.event )
		)
		.map( ( event ) => [ event.event, event.attributes ] );
}

/**
 * Polls until the page's stored events match.
 * @param requestUtils The admin's REST client.
 * @param url          The page.
 */
const expectStored = ( requestUtils: RequestUtils, url: string ) =>
	expect.poll( () => stored( requestUtils, url ), { timeout: 20_000 } );

test.describe( 'forms', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			path: FORMS,
			method: 'PUT',
			data: SETTINGS,
		} );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		// Other specs expect the client only on pages with triggers.
		await requestUtils.rest( { path: FORMS, method: 'PUT', data: OFF } );
	} );

	test( 'an email is a form_submission, and an identity_conversion once; the submit hands the device to the server', async ( {
		browser,
		requestUtils,
	} ) => {
		const { url, page } = await visitForm(
			browser,
			requestUtils,
			'id="signup" method="post"',
			'<input type="email" name="your-email"><input name="message">'
		);
		await submit( page, 'signup', {
			'your-email': ` ${ ANN.replace( 'ann', 'Ann' ) } `,
			message: 'not kept',
		} );
		const device = await page.evaluate( () =>
			localStorage.getItem( 'footprints_device' )
		);
		const cookie = ( await page.context().cookies() ).find(
			( { name } ) => name === 'footprints_device'
		);
		expect( cookie ).toMatchObject( {
			value: device,
			path: '/',
			sameSite: 'Lax',
			secure: false,
		} );
		expect( cookie!.expires - Date.now() / 1000 ).toBeGreaterThan( 500 );
		expect( cookie!.expires - Date.now() / 1000 ).toBeLessThanOrEqual(
			600
		);

		await submit( page, 'signup', {
			'your-email': ANN,
		} );
		await page.getByRole( 'button', { name: 'Start trial' } ).click();

		await expectStored( requestUtils, url ).toEqual( [
			[
				'form_submission',
				{ form: 'signup', email: ANN.replace( 'ann', 'Ann' ) },
			],
			[ 'identity_conversion', { email: ANN } ],
			[ 'form_submission', { form: 'signup', email: ANN } ],
			[ 'trial_click', {} ],
		] );
		const events = await storedEventsOn( requestUtils, url );
		expect( new Set( events.map( ( event ) => event.device_id ) ) ).toEqual(
			new Set( [ device ] )
		);
		await page.context().close();
	} );

	test( 'a bad email is an invalid_email, and corrected a corrected_email', async ( {
		browser,
		requestUtils,
	} ) => {
		const { url, page } = await visitForm(
			browser,
			requestUtils,
			'id="newsletter" method="post" novalidate',
			'<input type="email" name="email">'
		);
		await submit( page, 'newsletter', { email: BO.replace( '.com', '' ) } );
		await submit( page, 'newsletter', { email: BO } );
		await page.getByRole( 'button', { name: 'Start trial' } ).click();

		await expectStored( requestUtils, url ).toEqual( [
			[
				'form_submission',
				{ form: 'newsletter', email: BO.replace( '.com', '' ) },
			],
			[ 'invalid_email', { form: 'newsletter' } ],
			[ 'form_submission', { form: 'newsletter', email: BO } ],
			[ 'corrected_email', { form: 'newsletter', email: BO } ],
			[ 'identity_conversion', { email: BO } ],
			[ 'trial_click', {} ],
		] );
		await page.context().close();
	} );

	test( 'without consent no cookie is written and nobody is identified', async ( {
		browser,
		requestUtils,
	} ) => {
		// A consent plugin's WP Consent API, answering "no" for statistics.
		const { url, page } = await visitForm(
			browser,
			requestUtils,
			'id="optin" method="post"',
			'<script>window.wp_has_consent = () => false;</script><input type="email" name="email">'
		);
		await submit( page, 'optin', { email: CY } );
		await page.getByRole( 'button', { name: 'Start trial' } ).click();

		await expectStored( requestUtils, url ).toEqual( [
			[ 'form_submission', { form: 'optin', email: CY } ],
			[ 'trial_click', {} ],
		] );
		expect(
			( await storedEventsOn( requestUtils, url ) ).map(
				( event ) => event.device_id
			)
		).toEqual( [ null, null ] );
		expect(
			( await page.context().cookies() ).map( ( { name } ) => name )
		).not.toContain( 'footprints_device' );
		await page.context().close();
	} );

	test( 'a prevented submit and a search form send nothing', async ( {
		browser,
		requestUtils,
	} ) => {
		const url = await publish(
			requestUtils,
			`<!-- wp:html --><form id="checked" onsubmit="event.preventDefault()"><input type="email" name="email"><button type="submit">Check</button></form>
<form role="search" method="get" id="find"><input type="search" name="s"><button type="submit">Search</button></form><!-- /wp:html -->
<!-- wp:shortcode -->[footprints event="trial_click"]<button type="button">Start trial</button>[/footprints]<!-- /wp:shortcode -->`
		);
		const page = await visitor( browser );
		await page.goto( url );
		await page.locator( '#checked [name=email]' ).fill( 'cy@example.com' );
		await page.getByRole( 'button', { name: 'Check' } ).click();
		await page.getByRole( 'button', { name: 'Start trial' } ).click();
		await expectStored( requestUtils, url ).toEqual( [
			[ 'trial_click', {} ],
		] );
		// Searching leaves the page: whatever it sent would be stored for it.
		await page.locator( '#find [name=s]' ).fill( 'pricing' );
		await Promise.all( [
			page.waitForEvent( 'load' ),
			page.getByRole( 'button', { name: 'Search' } ).click(),
		] );
		await page.context().close();
		expect( await stored( requestUtils, url ) ).toEqual( [
			[ 'trial_click', {} ],
		] );
	} );

	test( 'a mapped field becomes a trait of the person, and a contact form gives contact_us', async ( {
		browser,
		requestUtils,
	} ) => {
		const { url, page } = await visitForm(
			browser,
			requestUtils,
			'id="contact" method="post"',
			'<input name="company"><input name="phone"><textarea name="message"></textarea>'
		);
		await submit( page, 'contact', {
			company: 'Acme Inc.',
			phone: '555 0100',
			message: 'Call me',
		} );
		const device = await leave( page );

		// The phone is not mapped: never sent, never stored.
		await expectStored( requestUtils, url ).toEqual( [
			[
				'form_submission',
				{ form: 'contact', fields: { company: 'Acme Inc.' } },
			],
			[ 'custom_data_updated', { traits: { company: 'Acme Inc.' } } ],
			[ 'contact_us', { form: 'contact' } ],
			[ 'trial_click', {} ],
		] );
		const people = await requestUtils.rest< Array< { traits: object } > >( {
			path: `/footprints/v1/people?search=${ device }`,
		} );
		expect( people.map( ( person ) => person.traits ) ).toEqual( [
			{ company: 'Acme Inc.' },
		] );
	} );

	test( 'the Forms tab saves tracking, the field mapping and the contact forms', async ( {
		page,
		requestUtils,
	} ) => {
		await page.goto( '/wp-admin/admin.php?page=footprints&tab=forms' );
		await expect(
			page.getByRole( 'tab', { name: 'Forms', selected: true } )
		).toBeVisible();
		await expect(
			page.getByRole( 'checkbox', { name: 'Track form submissions' } )
		).toBeChecked();
		await page
			.getByRole( 'textbox', { name: 'Job title' } )
			.fill( 'job_title, role' );
		await page
			.getByRole( 'textbox', { name: 'Form ids' } )
			.fill( 'contact, cf7:12' );
		await page
			.getByRole( 'button', { name: 'Save form settings' } )
			.click();
		await expect(
			page
				.locator( '.components-notice' )
				.getByText( 'Form settings saved.' )
		).toBeVisible();
		expect(
			await seriousViolations( page, [ '#footprints-admin' ] )
		).toEqual( [] );
		await shoot( page, 'forms-tab' );
		expect( await requestUtils.rest( { path: FORMS } ) ).toMatchObject( {
			enabled: true,
			fields: {
				company: [ 'company' ],
				phone: [],
				job_title: [ 'job_title', 'role' ],
			},
			contact_forms: [ 'contact', 'cf7:12' ],
		} );

		// Each form event is switched off where every system event is.
		await page.getByRole( 'link', { name: 'System events' } ).click();
		await expect(
			page.getByRole( 'tab', { name: 'System events', selected: true } )
		).toBeVisible();
		await expect(
			page.getByText( /Switching one off here stops it everywhere/ )
		).toBeVisible();
		await expect( page.getByText( 'Email Captured' ) ).toBeVisible();
		await shoot( page, 'forms-system-events' );
	} );

	test.describe( 'a form plugin', () => {
		// Contact Form 7 is not installable here: a stand-in with its hook
		// and classes (tests/e2e/plugins/contact-form-7-stand-in.php).
		const standIn = path.join(
			process.env.FOOTPRINTS_TEST_WP_DIR ?? '',
			'wp-content/mu-plugins/contact-form-7-stand-in.php'
		);
		test.beforeAll( async ( { requestUtils } ) => {
			fs.rmSync( standIn, { force: true } );
			fs.symlinkSync(
				path.join( __dirname, 'plugins/contact-form-7-stand-in.php' ),
				standIn
			);
			await requestUtils.rest( {
				path: FORMS,
				method: 'PUT',
				data: {
					...SETTINGS,
					fields: { ...SETTINGS.fields, company: [ 'your-company' ] },
					contact_forms: [ 'cf7:12' ],
				},
			} );
		} );
		test.afterAll( () => fs.rmSync( standIn, { force: true } ) );

		test( 'is named in the Forms tab', async ( { page } ) => {
			await page.goto( '/wp-admin/admin.php?page=footprints&tab=forms' );
			await expect(
				page.getByText( /^Form plugins found: Contact Form 7\./ )
			).toBeVisible();
			await shoot( page, 'forms-tab-with-a-form-plugin' );
		} );

		test( 'records its successful submission on the server, with the device the submit handed over, once', async ( {
			browser,
			requestUtils,
		} ) => {
			const url = await publish(
				requestUtils,
				`<!-- wp:shortcode -->[contact-form-7 id="12"]<!-- /wp:shortcode -->
<!-- wp:shortcode -->[footprints event="trial_click"]<button type="button">Start trial</button>[/footprints]<!-- /wp:shortcode -->`
			);
			const page = await visitor( browser );
			await page.goto( url );
			const form = page.locator( 'form.wpcf7-form' );
			// Refused by the plugin (empty email): nothing is recorded.
			await Promise.all( [
				page.waitForEvent( 'load' ),
				form.getByRole( 'button', { name: 'Send message' } ).click(),
			] );
			await form.getByLabel( 'Your email' ).fill( DEE );
			await form.getByLabel( 'Company' ).fill( 'Globex' );
			await form.getByLabel( 'Message' ).fill( 'not kept' );
			await Promise.all( [
				page.waitForEvent( 'load' ),
				form.getByRole( 'button', { name: 'Send message' } ).click(),
			] );
			const device = await leave( page );

			await expectStored( requestUtils, url ).toEqual( [
				[
					'form_submission',
					{
						form: 'cf7:12',
						email: DEE,
						fields: { company: 'Globex' },
					},
				],
				[ 'identity_conversion', { email: DEE } ],
				[ 'custom_data_updated', { traits: { company: 'Globex' } } ],
				[ 'contact_us', { form: 'cf7:12' } ],
				[ 'trial_click', {} ],
			] );
			expect(
				new Set(
					( await storedEventsOn( requestUtils, url ) ).map(
						( event ) => event.device_id
					)
				)
			).toEqual( new Set( [ device ] ) );
		} );
	} );

	test.describe( 'a name the schema refuses', () => {
		test.use( {
			allowedConsoleErrors: [ /status of 400 \(Bad Request\)/ ],
		} );

		test( 'is not saved, and the message names the field', async ( {
			page,
			requestUtils,
		} ) => {
			await page.goto( '/wp-admin/admin.php?page=footprints&tab=forms' );
			await page.getByRole( 'textbox', { name: 'Phone' } ).fill( 'tel"' );
			await page
				.getByRole( 'button', { name: 'Save form settings' } )
				.click();
			await expect(
				page
					.locator( '.components-notice' )
					.getByText( /fields\[phone\]\[0\] does not match pattern/ )
			).toBeVisible();
			expect( await requestUtils.rest( { path: FORMS } ) ).toMatchObject(
				{
					fields: { phone: [] },
				}
			);
		} );
	} );
} );
