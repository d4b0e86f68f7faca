/**
 * "Draft a nurture email" on a lead's timeline, through WordPress' AI
 * client and the test provider `footprints-test` (tests/e2e/ai-server.ts):
 * with the provider connected the server's draft appears word for word,
 * a provider's error shows as a notice with its message, and without a
 * provider the panel explains Settings → Connectors and sends nothing.
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
import { AiServer } from './ai-server';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { shoot } from './screenshot';

const INSIGHTS = '/wp-admin/admin.php?page=footprints-insights';

const DRAFT = {
	subject: 'Your Team plan demo, Ann',
	body: 'Hi Ann,\n\nThanks for comparing our plans today. Would a 20-minute demo of the Team plan help? Reply with a time that suits you.\n\nSam from Acme',
};

/**
 * A lead (a device that identified with an email), stored; its device id.
 *
 * @param requestUtils The admin's REST client.
 */
async function seedLead( requestUtils: RequestUtils ): Promise< string > {
	const device = `draft_${ Date.now().toString( 36 ) }`;
	const time = Date.now() - 60_000;
	const answer = await requestUtils.rest< { accepted: number } >( {
		path: '/footprints/v1/collect',
		method: 'POST',
		data: {
			events: [
				{
					id: `evt_${ device }_1`,
					event: 'custom_data_updated',
					time,
					page: 'http://127.0.0.1/pricing/',
					device_id: device,
					attributes: {
						user_id: `${ device }-user`,
						traits: { email: `${ device }@example.com` },
					},
				},
			],
		},
	} );
	expect( answer.accepted ).toBe( 1 );
	await requestUtils.rest( {
		path: '/footprints/v1/collector/drain',
		method: 'POST',
	} );
	return device;
}

test.describe( 'nurture drafts on the lead timeline', () => {
	const ai = new AiServer();
	let device = '';

	test.beforeAll( async ( { requestUtils } ) => {
		await ai.start();
		device = await seedLead( requestUtils );
		await requestUtils.rest( {
			path: '/footprints/v1/ai/settings',
			method: 'PUT',
			data: { sender: 'Sam from Acme', offer: 'A 20-minute demo.' },
		} );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		ai.stop();
		await requestUtils.rest( {
			path: '/footprints/v1/ai/settings',
			method: 'PUT',
			data: { sender: '', offer: '' },
		} );
	} );

	test( 'with a provider connected, the draft it writes appears with copy buttons', async ( {
		page,
	} ) => {
		ai.configure( true );
		ai.answerText( JSON.stringify( DRAFT ) );
		await page.goto( `${ INSIGHTS }&view=person&device=${ device }` );

		await page
			.getByRole( 'button', { name: 'Draft a nurture email' } )
			.click();

		const panel = page.getByRole( 'region', { name: 'Nurture email' } );
		await expect( panel.getByLabel( 'Subject' ) ).toHaveValue(
			DRAFT.subject
		);
		await expect( panel.getByLabel( 'Body' ) ).toHaveValue( DRAFT.body );
		await expect(
			panel.getByRole( 'link', { name: 'Settings → Automations' } )
		).toHaveAttribute( 'href', /page=footprints&tab=automations/ );
		const completions = ai.completions();
		expect( completions ).toHaveLength( 1 );
		// The message's text: the instructions, then the brief the page shows.
		const prompt = completions[ 0 ].messages[ 1 ].content[ 0 ].text;
		expect( prompt ).toContain(
			'Sender name: Sam from Acme\nWhat to offer: A 20-minute demo.'
		);
		const brief = await page
			.locator( '.footprints-brief__text' )
			.innerText();
		expect( prompt ).toContain(
			`What is known of the lead and their steps (the lead brief):\n${ brief.trim() }`
		);
		expect(
			await seriousViolations( page, [ '.footprints-draft' ] )
		).toEqual( [] );
		await shoot( page, 'people-draft' );

		await panel.getByRole( 'button', { name: 'Copy subject' } ).click();
		await expect(
			panel.getByRole( 'button', { name: 'Copied' } )
		).toBeVisible();
	} );

	test.describe( 'when the provider fails', () => {
		// The draft route answers 502: the browser logs that one request.
		test.use( {
			allowedConsoleErrors: [
				/status of 502 \(Bad Gateway\).*\/devices\/draft_\w+\/draft/,
			],
		} );

		test( "a provider's error shows as a notice with its own message", async ( {
			page,
		} ) => {
			ai.configure( true );
			ai.answerError(
				500,
				'The model is overloaded, try again in a minute.'
			);
			await page.goto( `${ INSIGHTS }&view=person&device=${ device }` );

			await page
				.getByRole( 'button', { name: 'Draft a nurture email' } )
				.click();

			await expect(
				page
					.getByRole( 'region', { name: 'Nurture email' } )
					.locator(
						'.components-notice.is-error .components-notice__content'
					)
			).toHaveText(
				'The AI provider did not draft the email: Internal Server Error (500) - The model is overloaded, try again in a minute.'
			);
			await shoot( page, 'people-draft-error' );
		} );
	} );

	test( 'without a provider the panel explains Settings → Connectors and sends nothing', async ( {
		page,
	} ) => {
		ai.configure( false );
		ai.answerText( JSON.stringify( DRAFT ) );
		await page.goto( `${ INSIGHTS }&view=person&device=${ device }` );

		const panel = page.getByRole( 'region', { name: 'Nurture email' } );
		await expect( panel ).toContainText(
			'To draft nurture emails, connect an AI provider under Settings → Connectors (install its plugin and enter its key). Nothing is sent to any provider until you do.'
		);
		await expect(
			panel.getByRole( 'link', { name: 'Settings → Connectors' } )
		).toHaveAttribute( 'href', /options-connectors\.php$/ );
		await expect(
			page.getByRole( 'button', { name: 'Draft a nurture email' } )
		).toHaveCount( 0 );
		expect( ai.completions() ).toEqual( [] );
		await shoot( page, 'people-draft-no-provider' );
	} );

	test( 'where the site switched AI off, the timeline offers nothing and Settings → AI says why', async ( {
		page,
	} ) => {
		ai.configure( true );
		const muPlugin = path.join(
			process.env.FOOTPRINTS_TEST_WP_DIR ?? '',
			'wp-content/mu-plugins/footprints-ai-off.php'
		);
		fs.copyFileSync(
			path.join( __dirname, 'plugins', 'footprints-ai-off.php' ),
			muPlugin
		);
		try {
			await page.goto( `${ INSIGHTS }&view=person&device=${ device }` );
			await expect(
				page.getByRole( 'heading', { name: `Device ${ device }` } )
			).toBeVisible();
			await expect(
				page.getByRole( 'region', { name: 'Nurture email' } )
			).toHaveCount( 0 );
			await expect(
				page.getByRole( 'button', { name: 'Draft a nurture email' } )
			).toHaveCount( 0 );

			await page.goto( '/wp-admin/admin.php?page=footprints&tab=ai' );
			await expect(
				page.getByText(
					'AI features are switched off on this site (by its configuration or a plugin), so Footprints offers no drafts and sends nothing to any AI provider.'
				)
			).toBeVisible();
			expect( ai.completions() ).toEqual( [] );
		} finally {
			fs.rmSync( muPlugin, { force: true } );
		}
	} );
} );
