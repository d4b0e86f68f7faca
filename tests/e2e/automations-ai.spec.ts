/**
 * The automation form's options that send more than the event, against a
 * real loopback receiver and the test AI provider: "Include the lead
 * brief" (a webhook's payload gets `brief`), "Draft with AI, then send"
 * explained with the way to Settings → Connectors while no provider is
 * connected (and refused by the server), and not offered at all when the
 * site switched AI off; with a provider, a CRM rule that drafts gets the
 * server's subject and body on Send test. Screenshots:
 * artifacts/automations-ai.png (drafting on), automations-ai-connect.png
 * (no provider).
 */

/**
 * External dependencies
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { AiServer } from './ai-server';
import {
	deleteRules,
	regions,
	ROUTE,
	ruleAction,
	TAB,
} from './automation-rules';
import { expect, test } from './fixtures';
import { Receiver } from './receiver';
import { shoot } from './screenshot';
import { notices, useEmbeddedBackend } from './settings';

const EVENT = {
	code: 'demo_booked',
	name: 'Demo Booked',
	color: '#2271b1',
	description:
		'Booked a product demo from the pricing page: evaluating seriously; follow up with a short agenda, not a discount.',
	attributes: { plan: 'string' },
};
const AI_OFF = 'footprints-ai-off.php';
const AI_OFF_PATH = path.join(
	process.env.FOOTPRINTS_TEST_WP_DIR ?? '',
	'wp-content/mu-plugins',
	AI_OFF
);

/**
 * Opens the Add automation form, named, on demo_booked.
 * @param page Page.
 * @param name Rule name.
 */
async function openForm( page: Page, name: string ) {
	await page.goto( TAB );
	await page.getByRole( 'button', { name: 'Add automation' } ).click();
	const form = page.getByRole( 'dialog', { name: 'Add automation' } );
	await form.getByLabel( 'Name', { exact: true } ).fill( name );
	await form.getByLabel( 'When this event happens' ).fill( 'Demo' );
	await page
		.getByRole( 'option', { name: 'Demo Booked (demo_booked)' } )
		.click();
	return form;
}

test.describe( 'Automations with the lead brief and AI drafts', () => {
	test.describe.configure( { mode: 'serial' } );
	const receiver = new Receiver();
	const ai = new AiServer();

	test.beforeAll( async ( { requestUtils } ) => {
		await useEmbeddedBackend( requestUtils );
		await requestUtils
			.rest( {
				path: '/footprints/v1/definitions',
				method: 'POST',
				data: EVENT,
			} )
			.catch( () => undefined );
		await deleteRules( requestUtils );
		await receiver.start();
		await ai.start();
	} );

	test.afterAll( async ( { requestUtils } ) => {
		fs.rmSync( AI_OFF_PATH, { force: true } );
		ai.stop();
		receiver.stop();
		await deleteRules( requestUtils );
	} );

	test( 'the brief is sent when asked; drafting is explained while no provider is connected', async ( {
		page,
		requestUtils,
	} ) => {
		// Tall enough for the whole form in its screenshot.
		await page.setViewportSize( { width: 1280, height: 1300 } );
		const form = await openForm( page, 'Demos with their brief' );
		await form
			.getByLabel( 'URL', { exact: true } )
			.fill( `${ receiver.url }/hooks/brief` );
		const brief = form.getByRole( 'checkbox', {
			name: 'Include the lead brief',
		} );
		const draft = form.getByRole( 'checkbox', {
			name: 'Draft with AI, then send',
		} );
		await expect( brief ).not.toBeChecked();
		await expect( draft ).toBeDisabled();
		await expect(
			form.getByText(
				'No AI provider is connected, so this rule cannot draft.'
			)
		).toBeVisible();
		await expect(
			form.getByRole( 'link', { name: 'Open Settings → Connectors' } )
		).toHaveAttribute( 'href', /\/wp-admin\/options-connectors\.php$/ );
		await brief.check();
		await shoot( page, 'automations-ai-connect' );
		await form.getByRole( 'button', { name: 'Create automation' } ).click();
		await page
			.getByRole( 'dialog', {
				name: 'Signing secret of “Demos with their brief”',
			} )
			.getByRole( 'button', { name: 'Done' } )
			.click();
		await expect( notices( page ) ).toContainText(
			'“Demos with their brief” was created.'
		);
		await expect(
			regions( page )
				.rules.getByRole( 'row' )
				.filter( { hasText: 'Demos with their brief' } )
		).toContainText( 'with lead brief' );

		// Send test: the sample's brief names the event and its description.
		await ruleAction( page, 'Demos with their brief', 'Send test' );
		await expect( notices( page ) ).toContainText(
			/Test of “Demos with their brief”\. Delivered: 200/
		);
		const sent = JSON.parse( receiver.requests()[ 0 ].body );
		expect( sent.brief ).toBe(
			'Test lead: Test Person <test@example.com> (a sample: Send test uses no real person).\n' +
				`1. Demo Booked: ${ EVENT.description }`
		);
		expect( sent ).not.toHaveProperty( 'draft' );
		expect( ai.completions() ).toEqual( [] );

		// The server refuses a drafting rule while no provider is connected.
		const refused = await requestUtils
			.rest( {
				path: ROUTE,
				method: 'POST',
				data: {
					name: 'Drafts without a provider',
					event: 'demo_booked',
					action: {
						type: 'webhook',
						url: `${ receiver.url }/hooks/draft`,
						ai_draft: true,
					},
				},
			} )
			.then(
				() => 'saved',
				( error: { message: string } ) => error.message
			);
		expect( refused ).toBe(
			'action.ai_draft: No AI provider is connected, so this rule cannot draft with AI. Connect one under Settings → Connectors, or turn off "Draft with AI" in the rule.'
		);
	} );

	test( 'with AI switched off on the site, drafting is not offered', async ( {
		page,
	} ) => {
		fs.copyFileSync(
			path.join( __dirname, 'plugins', AI_OFF ),
			AI_OFF_PATH
		);
		try {
			const form = await openForm( page, 'Demos, AI off' );
			await expect(
				form.getByRole( 'checkbox', { name: 'Include the lead brief' } )
			).toBeVisible();
			await expect(
				form.getByRole( 'checkbox', {
					name: 'Draft with AI, then send',
				} )
			).toHaveCount( 0 );
			await form.getByLabel( 'Send to a CRM endpoint' ).check();
			await expect(
				form.getByRole( 'checkbox', {
					name: 'Draft with AI, then send',
				} )
			).toHaveCount( 0 );
			const source = form.getByLabel( 'CRM field 1 value from' );
			await expect(
				source.locator( 'option', {
					hasText: 'Lead brief (summary of the journey)',
				} )
			).toHaveCount( 1 );
			await expect(
				source.locator( 'option', { hasText: 'AI draft' } )
			).toHaveCount( 0 );
			await expect(
				form.getByText( 'Settings → Connectors' )
			).toHaveCount( 0 );
		} finally {
			fs.rmSync( AI_OFF_PATH, { force: true } );
		}
	} );
	test( 'with a provider connected, a CRM rule drafts with AI and Send test drafts from the sample', async ( {
		page,
	} ) => {
		ai.configure( true );
		ai.answerText(
			JSON.stringify( {
				subject: 'Your demo agenda',
				body: 'Hi,\nthanks for booking a demo. Here is a short agenda.',
			} )
		);
		await page.setViewportSize( { width: 1280, height: 1800 } );
		const form = await openForm( page, 'Demos drafted to the CRM' );
		await form.getByLabel( 'Send to a CRM endpoint' ).check();
		await form
			.getByLabel( 'URL', { exact: true } )
			.fill( `${ receiver.url }/crm/leads` );
		const draft = form.getByRole( 'checkbox', {
			name: 'Draft with AI, then send',
		} );
		await expect( draft ).toBeEnabled();
		await expect(
			form.getByText( 'No AI provider is connected' )
		).toHaveCount( 0 );
		const source = form.getByLabel( 'CRM field 1 value from' );
		await expect(
			source.locator( 'option', { hasText: 'AI draft: subject' } )
		).toHaveCount( 0 );
		await draft.check();
		await form
			.getByLabel( 'CRM field 1', { exact: true } )
			.fill( 'subject' );
		await source.selectOption( 'draft.subject' );
		await form.getByRole( 'button', { name: 'Add field' } ).click();
		await form.getByLabel( 'CRM field 2', { exact: true } ).fill( 'body' );
		await form
			.getByLabel( 'CRM field 2 value from' )
			.selectOption( 'draft.body' );
		await shoot( page, 'automations-ai' );
		await form.getByRole( 'button', { name: 'Create automation' } ).click();
		await expect( notices( page ) ).toContainText(
			'“Demos drafted to the CRM” was created.'
		);
		await expect(
			regions( page )
				.rules.getByRole( 'row' )
				.filter( { hasText: 'Demos drafted to the CRM' } )
		).toContainText( 'with AI draft' );

		await ruleAction( page, 'Demos drafted to the CRM', 'Send test' );
		await expect( notices( page ) ).toContainText(
			/Test of “Demos drafted to the CRM”\. Delivered: 200/
		);
		expect(
			receiver
				.requests()
				.filter( ( request ) => request.uri === '/crm/leads' )
				.map( ( request ) => JSON.parse( request.body ) )
		).toEqual( [
			{
				subject: 'Your demo agenda',
				body: 'Hi,\nthanks for booking a demo. Here is a short agenda.',
			},
		] );
		const [ completion ] = ai.completions();
		expect( JSON.stringify( completion.messages ) ).toContain(
			'1. Demo Booked: Booked a product demo from the pricing page'
		);
		ai.configure( false );
	} );
} );
