/**
 * WordPress' privacy tools with Footprints: an admin erases a visitor's
 * personal data from Tools → Erase Personal Data and reads what Footprints
 * kept and why; the person is gone from the People list, their events stay
 * as an anonymous timeline that ends with the deidentification event; the
 * Policy Guide offers Footprints' text.
 */

/**
 * Internal dependencies
 */
import { expect, test, visitorRequest } from './fixtures';
import { shoot } from './screenshot';

interface Timeline {
	total: number;
	events: { code: string; attributes: Record< string, unknown > }[];
}

interface Person {
	devices: string[];
}

test.describe( 'privacy tools', () => {
	test( 'an admin erases a visitor: Footprints says what it kept, the person is gone and the events stay anonymous', async ( {
		page,
		playwright,
		requestUtils,
	} ) => {
		const run = Date.now().toString( 36 );
		const email = `privacy-${ run }@example.com`;
		const device = `dev_privacy_${ run }`;
		// A visitor's browser (no admin cookie): identify() with the email, then two clicks.
		const visitor = await visitorRequest( playwright.request );
		const now = Date.now() - 60_000;
		const events = [
			{
				id: `evt_${ run }_identify`,
				event: 'custom_data_updated',
				attributes: {
					user_id: `crm-${ run }`,
					traits: { email, name: 'Erin Erased' },
				},
				time: now,
				page: 'http://127.0.0.1/pricing/',
				device_id: device,
			},
			...[ 1, 2 ].map( ( n ) => ( {
				id: `evt_${ run }_click_${ n }`,
				event: 'trial_click',
				time: now + n * 1000,
				page: 'http://127.0.0.1/pricing/',
				device_id: device,
			} ) ),
		];
		const sent = await visitor.post( '/wp-json/footprints/v1/collect', {
			data: { events },
		} );
		expect( await sent.json() ).toMatchObject( { accepted: 3 } );
		await visitor.dispose();
		const before = await requestUtils.rest< Person[] >( {
			path: `/footprints/v1/people?search=${ encodeURIComponent( email ) }`,
		} );
		expect( before ).toHaveLength( 1 );
		expect( before[ 0 ].devices ).toEqual( [ device ] );

		// Tools → Erase Personal Data: a request without a confirmation email, then erase.
		await page.goto( '/wp-admin/erase-personal-data.php' );
		await page.getByLabel( 'Username or email address' ).fill( email );
		await page
			.getByLabel( 'Send personal data erasure confirmation email.' )
			.uncheck();
		await page.getByRole( 'button', { name: 'Send Request' } ).click();
		// privacy-tools.js binds the button once the page has loaded.
		await page.waitForLoadState( 'load' );
		const row = page.locator( 'tr', { hasText: email } );
		await row
			.getByRole( 'button', { name: 'Erase personal data' } )
			.click();
		const notice = page.locator( '.request-results' );
		await expect( notice ).toContainText(
			'Personal data was found for this user but some of the personal data found was not erased.',
			{ timeout: 30_000 }
		);
		await expect( notice ).toContainText(
			"It kept 3 events of 1 device without identity, so the site's visit and event counts stay accurate; nothing left links them to this person."
		);
		await shoot( page, 'privacy-erase-personal-data' );

		// The email and the old device find nobody; the events stay, anonymous.
		expect(
			await requestUtils.rest< Person[] >( {
				path: `/footprints/v1/people?search=${ encodeURIComponent( email ) }`,
			} )
		).toEqual( [] );
		const old = await requestUtils.rest< Timeline >( {
			path: `/footprints/v1/devices/${ device }/timeline`,
		} );
		expect( old.total ).toBe( 0 );
		const done = await requestUtils.rest< { device_id: string }[] >( {
			path: '/footprints/v1/events?event=deidentification&per_page=1',
		} );
		expect( done ).toHaveLength( 1 );
		const anonymous = await requestUtils.rest< Timeline >( {
			path: `/footprints/v1/devices/${ done[ 0 ].device_id }/timeline`,
		} );
		expect( anonymous.events.map( ( event ) => event.code ) ).toEqual( [
			'custom_data_updated',
			'trial_click',
			'trial_click',
			'deidentification',
		] );
		expect( anonymous.events[ 0 ].attributes ).toEqual( {} );

		await page.goto(
			`/wp-admin/admin.php?page=footprints-insights&view=person&device=${ encodeURIComponent(
				done[ 0 ].device_id
			) }`
		);
		await expect( page.getByText( 'Deidentified' ) ).toBeVisible();
		await expect( page.getByText( email ) ).toHaveCount( 0 );
		await shoot( page, 'privacy-anonymous-timeline' );
	} );

	test( 'the Policy Guide offers what Footprints collects, where it goes and for how long', async ( {
		page,
	} ) => {
		await page.goto( '/wp-admin/options-privacy.php?tab=policyguide' );
		const section = page.locator( '.privacy-settings-accordion-panel', {
			hasText: 'footprints_signin',
		} );
		await page
			.getByRole( 'button', { name: /Footprints \(event tracking\)/ } )
			.click();
		await expect( section ).toContainText(
			'keeps a random device id in its local storage (footprints_device)'
		);
		await expect( section ).toContainText(
			'Footprints does not store your IP address.'
		);
		await expect( section ).toContainText( /Events are kept for \d+ days/ );
		await shoot( page, 'privacy-policy-guide' );
	} );
} );
