/**
 * WordPress' account system events in a real browser: opening the sign-in
 * or registration form fires `authentication_started` (the forms' load
 * trigger, the client printed on wp-login.php), signing in stores
 * `authentication` with the browser's device id (the handoff cookie the
 * client writes at submit), a visitor's own registration stores
 * `verified_conversion` once (not again for the emailed set-password
 * link), the `footprints_prompt_auth` hook fires `blur_screen`, a
 * disabled system event is not stored, and on a site whose backend is the
 * hub the sign-in is stored there (through its server-events route).
 */

/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Response } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { expect, publish, test, type StoredEvent } from './fixtures';
import { addSiteOnHub, hubAdmin, revokeSiteOnHub } from './hub';
import { shoot } from './screenshot';
import { useEmbeddedBackend } from './settings';

const PASSWORD = 'a long and proper passphrase 42';
const LOGIN_PAGE = `${ process.env.WP_BASE_URL }/wp-login.php`;
const GATE_PLUGIN = 'footprints-gated-content.php';

/**
 * Runs one of tests/e2e/bin's PHP helpers against the test site.
 *
 * @param script Helper file name.
 * @param args   Its arguments after WP_DIR and URL.
 */
function sitePhp( script: string, ...args: string[] ): string {
	return execFileSync(
		'php',
		[
			path.join( __dirname, 'bin', script ),
			process.env.FOOTPRINTS_TEST_WP_DIR ?? '',
			process.env.WP_BASE_URL ?? '',
			...args,
		],
		{ encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'inherit' ] }
	).trim();
}

/**
 * A visitor's browser: no WordPress session, no device yet.
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
 * The next collect request carrying this event, answered.
 *
 * @param page The page that sends.
 * @param code Event code.
 */
function collected( page: Page, code: string ): Promise< Response > {
	return page.waitForResponse(
		( response ) =>
			response.request().method() === 'POST' &&
			/collect\.php|footprints\/v1\/collect/.test( response.url() ) &&
			( response.request().postData() ?? '' ).includes(
				`"event":"${ code }"`
			)
	);
}

/**
 * The one event of this code a collect request carried.
 *
 * @param answer The collector's answer.
 * @param code   Event code.
 */
function sentEvent(
	answer: Response,
	code: string
): { device_id: string; attributes: Record< string, unknown > } {
	const body = JSON.parse( answer.request().postData() ?? '{}' );
	return body.events.find(
		( event: { event: string } ) => event.event === code
	);
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
 * What the site stored of one event code for one device, oldest first,
 * as a site owner reads it.
 *
 * @param requestUtils The admin's REST client.
 * @param code         Event code.
 * @param device       Device id.
 */
async function storedFor(
	requestUtils: RequestUtils,
	code: string,
	device: string
) {
	const events = await requestUtils.rest< StoredEvent[] >( {
		path: `/footprints/v1/events?event=${ code }&per_page=100`,
	} );
	return events
		.filter( ( event ) => event.device_id === device )
		.reverse()
		.map( ( { event, attributes, page } ) => ( {
			event,
			attributes,
			page,
		} ) );
}

/**
 * A list of one event as storedFor() reads it.
 *
 * @param event      Event code.
 * @param attributes Its attributes.
 * @param page       The page it was sent from.
 */
function only(
	event: string,
	attributes: Record< string, unknown >,
	page: string
) {
	return [ { event, attributes, page } ];
}

/**
 * The ids of every stored authentication event.
 *
 * @param requestUtils The admin's REST client.
 */
async function signIns( requestUtils: RequestUtils ): Promise< string[] > {
	const events = await requestUtils.rest< StoredEvent[] >( {
		path: '/footprints/v1/events?event=authentication&per_page=100',
	} );
	return events.map( ( event ) => event.id );
}

/**
 * The Signed In definition as the REST API reads it.
 *
 * @param requestUtils The admin's REST client.
 */
function signInDefinition( requestUtils: RequestUtils ) {
	return requestUtils.rest< { enabled: boolean } >( {
		path: '/footprints/v1/definitions/authentication',
	} );
}

/**
 * Turns a system event on or off, as the System events tab does.
 *
 * @param requestUtils The admin's REST client.
 * @param code         Event code.
 * @param enabled      On or off.
 */
async function setEnabled(
	requestUtils: RequestUtils,
	code: string,
	enabled: boolean
) {
	await requestUtils.rest( {
		path: `/footprints/v1/definitions/${ code }`,
		method: 'PATCH',
		data: { enabled },
	} );
}

/**
 * A user made by the admin (no event: the admin's device is not theirs).
 *
 * @param requestUtils The admin's REST client.
 * @param name         Login name.
 */
async function userMadeByAdmin( requestUtils: RequestUtils, name: string ) {
	return requestUtils.rest< { id: number } >( {
		path: '/wp/v2/users',
		method: 'POST',
		data: {
			username: name,
			email: `${ name }@example.test`,
			password: PASSWORD,
		},
	} );
}

/**
 * Opens the sign-in form and waits for authentication_started to be sent.
 *
 * @param page The visitor's page.
 * @return The device id the client sent it with.
 */
async function openSignIn( page: Page ): Promise< string > {
	const started = collected( page, 'authentication_started' );
	await page.goto( '/wp-login.php' );
	const answer = await started;
	expect( answer.status() ).toBe( 200 );
	const event = sentEvent( answer, 'authentication_started' );
	expect( event.attributes ).toEqual( { method: 'password' } );
	return event.device_id;
}

/**
 * Signs in through the form, as a person does.
 *
 * @param page The visitor's page, on the sign-in form.
 * @param name Login name.
 */
async function signIn( page: Page, name: string ) {
	await page.locator( '#user_login' ).fill( name );
	await page.locator( '#user_pass' ).fill( PASSWORD );
	await Promise.all( [
		page.waitForURL( /\/wp-admin\// ),
		page.locator( '#wp-submit' ).click(),
	] );
}

test.describe( 'account system events', () => {
	test( 'opening the sign-in form fires authentication_started, and signing in stores authentication with the browser’s device, linked to the user', async ( {
		browser,
		requestUtils,
	} ) => {
		const name = `signin${ Date.now() }`;
		const user = await userMadeByAdmin( requestUtils, name );
		const visit = await visitor( browser );

		const device = await openSignIn( visit );
		await signIn( visit, name );
		await visit.context().close();
		await drain( requestUtils );

		expect(
			await storedFor( requestUtils, 'authentication_started', device )
		).toEqual(
			only( 'authentication_started', { method: 'password' }, LOGIN_PAGE )
		);
		expect(
			await storedFor( requestUtils, 'authentication', device )
		).toEqual(
			only( 'authentication', { method: 'password' }, LOGIN_PAGE )
		);
		const people = await requestUtils.rest<
			Array< { wp_user_id: number | null; devices: string[] } >
		>( {
			path: `/footprints/v1/people?search=${ name }@example.test`,
		} );
		expect(
			people.map( ( { wp_user_id: wp, devices } ) => ( { wp, devices } ) )
		).toEqual( [ { wp: user.id, devices: [ device ] } ] );
	} );

	test( 'an application password (REST) and XML-RPC authenticate without storing authentication', async ( {
		playwright,
		requestUtils,
	} ) => {
		const name = `api${ Date.now() }`;
		const user = await userMadeByAdmin( requestUtils, name );
		const { password } = await requestUtils.rest< { password: string } >( {
			path: `/wp/v2/users/${ user.id }/application-passwords`,
			method: 'POST',
			data: { name: 'accounts e2e' },
		} );
		const before = await signIns( requestUtils );
		const client = await playwright.request.newContext( {
			baseURL: process.env.WP_BASE_URL,
			extraHTTPHeaders: { cookie: 'footprints_device=dev_api_000001' },
		} );
		try {
			const me = await client.get( '/wp-json/wp/v2/users/me', {
				headers: {
					authorization: `Basic ${ Buffer.from(
						`${ name }:${ password }`
					).toString( 'base64' ) }`,
				},
			} );
			expect( ( await me.json() ).id ).toBe( user.id );
			const xmlrpc = await client.post( '/xmlrpc.php', {
				headers: { 'content-type': 'text/xml' },
				data: `<?xml version="1.0"?><methodCall><methodName>wp.getUsersBlogs</methodName><params><param><value><string>${ name }</string></value></param><param><value><string>${ PASSWORD }</string></value></param></params></methodCall>`,
			} );
			expect( await xmlrpc.text() ).toContain( '<name>isAdmin</name>' );
		} finally {
			await client.dispose();
		}

		expect( await signIns( requestUtils ) ).toEqual( before );
	} );

	test( 'a self-registration stores verified_conversion once, not again for the emailed set-password link', async ( {
		browser,
		requestUtils,
	} ) => {
		sitePhp( 'site-option.php', 'users_can_register', '1' );
		try {
			const name = `newbie${ Date.now() }`;
			const visit = await visitor( browser );
			const started = collected( visit, 'authentication_started' );
			await visit.goto( '/wp-login.php?action=register' );
			const answer = await started;
			const event = sentEvent( answer, 'authentication_started' );
			expect( event.attributes ).toEqual( { method: 'register' } );
			const device = event.device_id;

			await visit.locator( '#user_login' ).fill( name );
			await visit
				.locator( '#user_email' )
				.fill( `${ name }@example.test` );
			await visit.locator( '#wp-submit' ).click();
			await expect(
				visit.getByText( 'Registration complete.' )
			).toBeVisible();

			// The emailed link: the same person proves the address again.
			await visit.goto( sitePhp( 'password-reset-link.php', name ) );
			await visit.locator( '#pass1' ).fill( PASSWORD );
			await visit.locator( '#wp-submit' ).click();
			await expect(
				visit.getByText( 'Your password has been reset.' )
			).toBeVisible();
			await visit.context().close();
			await drain( requestUtils );

			expect(
				await storedFor( requestUtils, 'verified_conversion', device )
			).toEqual(
				only(
					'verified_conversion',
					{ method: 'register' },
					LOGIN_PAGE
				)
			);
			expect(
				await storedFor(
					requestUtils,
					'authentication_started',
					device
				)
			).toEqual(
				only(
					'authentication_started',
					{ method: 'register' },
					`${ LOGIN_PAGE }?action=register`
				)
			);
		} finally {
			sitePhp( 'site-option.php', 'users_can_register', '0' );
		}
	} );

	test( 'the footprints_prompt_auth hook over gated content fires blur_screen', async ( {
		browser,
		requestUtils,
	} ) => {
		const muPlugin = path.join(
			process.env.FOOTPRINTS_TEST_WP_DIR ?? '',
			'wp-content/mu-plugins',
			GATE_PLUGIN
		);
		fs.copyFileSync(
			path.join( __dirname, 'plugins', GATE_PLUGIN ),
			muPlugin
		);
		try {
			const url = await publish(
				requestUtils,
				'<!-- wp:shortcode -->[footprints_e2e_gate]<!-- /wp:shortcode -->'
			);
			const visit = await visitor( browser );
			const prompted = collected( visit, 'blur_screen' );
			await visit.goto( url );
			await expect(
				visit.getByText( 'Sign in to read the rest of this guide.' )
			).toBeVisible();
			const answer = await prompted;
			expect( answer.status() ).toBe( 200 );
			const device = sentEvent( answer, 'blur_screen' ).device_id;
			await visit.context().close();
			await drain( requestUtils );

			expect(
				await storedFor( requestUtils, 'blur_screen', device )
			).toEqual(
				only( 'blur_screen', { content: 'pricing-guide' }, url )
			);
		} finally {
			fs.rmSync( muPlugin, { force: true } );
		}
	} );

	test( 'a system event switched off in the System events tab is not stored', async ( {
		browser,
		page,
		requestUtils,
	} ) => {
		const name = `switchedoff${ Date.now() }`;
		await userMadeByAdmin( requestUtils, name );
		const before = await signIns( requestUtils );
		await page.goto( '/wp-admin/admin.php?page=footprints&tab=system' );
		const toggle = page.getByRole( 'checkbox', {
			name: 'Track “Signed In”',
		} );
		await expect( toggle ).toBeChecked();
		await toggle.click();
		await expect( toggle ).not.toBeChecked();
		await expect
			.poll(
				async () => ( await signInDefinition( requestUtils ) ).enabled
			)
			.toBe( false );
		await shoot( page, 'accounts-system-events-signed-in-off' );
		try {
			const visit = await visitor( browser );
			const device = await openSignIn( visit );
			await signIn( visit, name );
			await visit.context().close();
			await drain( requestUtils );

			// The sign-in's hook ran inside the sign-in request, which is over.
			expect( await signIns( requestUtils ) ).toEqual( before );
			expect(
				await storedFor(
					requestUtils,
					'authentication_started',
					device
				)
			).toHaveLength( 1 );
		} finally {
			await setEnabled( requestUtils, 'authentication', true );
		}
	} );
} );

test.describe( 'account system events with a hub as the backend', () => {
	test( 'a sign-in on a site connected to the hub is stored on the hub, with the site’s app ID and the browser’s device', async ( {
		browser,
		requestUtils,
	} ) => {
		const hubUrl = process.env.FOOTPRINTS_HUB_URL ?? '';
		expect( hubUrl, 'FOOTPRINTS_HUB_URL (set by bin/test-e2e)' ).not.toBe(
			''
		);
		const hub = await hubAdmin( hubUrl );
		const site = await addSiteOnHub( hub, `Accounts ${ Date.now() }` );
		const name = `hubsignin${ Date.now() }`;
		await userMadeByAdmin( requestUtils, name );
		try {
			await requestUtils.rest( {
				path: '/footprints/v1/connection',
				method: 'PUT',
				data: {
					mode: 'remote',
					url: hubUrl,
					app_id: site.app_id,
					api_key: site.api_key,
				},
			} );
			const visit = await visitor( browser );
			const device = await openSignIn( visit );
			await signIn( visit, name );
			await visit.context().close();

			// Sent by the test site's server to the hub's server-events, stored at once.
			const onHub = await hub.rest<
				Array< StoredEvent & { app_id: string } >
			>( {
				path: '/footprints/v1/events?event=authentication&per_page=100',
			} );
			expect(
				onHub
					.filter( ( event ) => event.device_id === device )
					.map( ( { app_id: appId, attributes, page } ) => ( {
						appId,
						attributes,
						page,
					} ) )
			).toEqual( [
				{
					appId: site.app_id,
					attributes: { method: 'password' },
					page: LOGIN_PAGE,
				},
			] );
			expect(
				await storedFor( requestUtils, 'authentication', device )
			).toEqual( [] );
		} finally {
			await useEmbeddedBackend( requestUtils );
			await revokeSiteOnHub( hub, site.app_id );
			await hub.dispose();
		}
	} );
} );
