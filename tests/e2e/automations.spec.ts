/**
 * An admin runs automations on the settings screen (tab=automations)
 * against a real loopback receiver: creates a webhook rule and sees its
 * signing secret once, sends a test that arrives signed, edits it (the
 * secret stays), is told next to the field why a URL is refused, is asked
 * for a CRM auth value again when its URL changes, sees a rule paused by
 * failures and resumes it, reads the delivery log and saves the settings.
 * Screenshots of each state go to artifacts/automations-*.png.
 */

/**
 * External dependencies
 */
import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import type { AutomationSettings, Rule } from '../../src/admin/automations-api';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import {
	deleteRules,
	regions,
	ROUTE,
	ruleAction,
	TAB,
} from './automation-rules';
import { Receiver } from './receiver';
import { notices, useEmbeddedBackend } from './settings';

const EVENT = {
	code: 'quote_requested',
	name: 'Quote Requested',
	color: '#c3227d',
	description: 'A visitor asked for a quote on the pricing page.',
	attributes: { plan: 'string', seats: 'number' },
};
const DEFAULTS: AutomationSettings = {
	pause_after: 10,
	log_days: 30,
	log_bodies: false,
};
const RULE = 'Quotes to the sales webhook';
const SHOTS = path.resolve( __dirname, '../../artifacts' );

/**
 * The rule of this name, as the API has it.
 * @param requestUtils REST helper of the site.
 * @param name         Rule name.
 */
async function ruleNamed( requestUtils: RequestUtils, name: string ) {
	const rules = await requestUtils.rest< Rule[] >( { path: ROUTE } );
	const rule = rules.find( ( item ) => item.name === name );
	if ( ! rule ) {
		throw new Error( `No rule named ${ name }` );
	}
	return rule;
}

/**
 * Shows only one rule's rows in the delivery log (its filter).
 * @param page Page.
 * @param name Rule name.
 */
async function filterLogByRule( page: Page, name: string ) {
	await regions( page )
		.log.getByRole( 'button', { name: 'Add filter' } )
		.click();
	await page.getByRole( 'menuitem', { name: 'Automation' } ).click();
	await page.getByRole( 'option', { name } ).click();
	await page.keyboard.press( 'Escape' );
	// No tooltip of the focused filter over the screenshots.
	await page.locator( ':focus' ).blur();
}

/**
 * The description (help or error) shown under a form field.
 * @param field The field.
 */
async function describedBy( field: Locator ) {
	const id = await field.getAttribute( 'aria-describedby' );
	return field.page().locator( `[id="${ id }"]` );
}

/**
 * Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body" under the
 * secret's base64-decoded key, written independently of the plugin.
 * @param secret    whsec_… secret.
 * @param id        webhook-id header.
 * @param timestamp webhook-timestamp header.
 * @param body      Raw body.
 */
function signature(
	secret: string,
	id: string,
	timestamp: string,
	body: string
) {
	const key = Buffer.from( secret.replace( /^whsec_/, '' ), 'base64' );
	return createHmac( 'sha256', key )
		.update( `${ id }.${ timestamp }.${ body }` )
		.digest( 'base64' );
}

test.describe( 'Automations', () => {
	test.describe.configure( { mode: 'serial' } );
	// The browser logs the API's 400 for a refused save; it is the behaviour under test.
	test.use( {
		allowedConsoleErrors: [
			/status of 400 \(Bad Request\) \(.*\/footprints\/v1\/automations\/\d+\?/,
		],
	} );
	const receiver = new Receiver();
	let secret = '';

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
		await requestUtils.rest( {
			path: `${ ROUTE }/settings`,
			method: 'PUT',
			data: DEFAULTS,
		} );
		await receiver.start();
	} );

	test.afterAll( async ( { requestUtils } ) => {
		receiver.stop();
		await deleteRules( requestUtils );
		await requestUtils.rest( {
			path: `${ ROUTE }/settings`,
			method: 'PUT',
			data: DEFAULTS,
		} );
	} );

	test( 'create a webhook rule, see its secret once, send a signed test', async ( {
		page,
	} ) => {
		await page.goto( TAB );
		await expect(
			page.getByRole( 'tab', { name: 'Automations', selected: true } )
		).toBeVisible();
		await expect(
			regions( page ).rules.getByText( 'No automations yet.' )
		).toBeVisible();
		// The log loaded: its empty state, or rows an earlier run left.
		const { log } = regions( page );
		await expect(
			log
				.getByText( 'No deliveries yet.' )
				.or( log.getByRole( 'row' ).nth( 1 ) )
				.first()
		).toBeVisible();
		await page.screenshot( { path: `${ SHOTS }/automations-empty.png` } );

		// Tall enough for the whole form in its screenshot.
		await page.setViewportSize( { width: 1280, height: 1400 } );
		await page.getByRole( 'button', { name: 'Add automation' } ).click();
		const form = page.getByRole( 'dialog', { name: 'Add automation' } );
		await form.getByLabel( 'Name', { exact: true } ).fill( RULE );
		await form.getByLabel( 'When this event happens' ).fill( 'Quote' );
		await page
			.getByRole( 'option', {
				name: 'Quote Requested (quote_requested)',
			} )
			.click();
		await form.getByRole( 'button', { name: 'Add condition' } ).click();
		await form.getByLabel( 'Condition 1 attribute' ).selectOption( 'plan' );
		await form
			.getByLabel( 'Condition 1 operator' )
			.selectOption( 'equals' );
		await form.getByLabel( 'Condition 1 value' ).fill( 'pro' );
		await form
			.getByLabel( 'URL', { exact: true } )
			.fill( `${ receiver.url }/hooks/sales` );
		await form.screenshot( { path: `${ SHOTS }/automations-form.png` } );
		await form.getByRole( 'button', { name: 'Create automation' } ).click();

		const shown = page.getByRole( 'dialog', {
			name: `Signing secret of “${ RULE }”`,
		} );
		await expect( shown ).toContainText( 'Copy this secret' );
		await expect( shown ).toContainText( 'How to verify a request' );
		secret = await shown.getByLabel( 'Signing secret' ).inputValue();
		// whsec_ and 24 random bytes in base64.
		expect( secret ).toMatch( /^whsec_[A-Za-z0-9+/]{32}$/ );
		await shown.getByRole( 'button', { name: 'Copy' } ).click();
		await expect(
			shown.getByRole( 'button', { name: 'Copied' } )
		).toBeVisible();
		await page.screenshot( { path: `${ SHOTS }/automations-secret.png` } );
		await shown.getByRole( 'button', { name: 'Done' } ).click();

		await expect( notices( page ) ).toContainText(
			`“${ RULE }” was created.`
		);
		const row = regions( page ).rules.getByRole( 'row' ).filter( {
			hasText: RULE,
		} );
		await expect( row ).toContainText( 'Quote Requested' );
		await expect( row ).toContainText( 'plan is “pro”' );
		await expect( row ).toContainText(
			`Webhook127.0.0.1:${ receiver.port }`
		);
		await expect( row ).toContainText( 'Active' );
		await expect( row ).toContainText( 'None yet' );

		// Once: a reload shows the rule, never its secret.
		await page.reload();
		await expect( row ).toBeVisible();
		expect( await page.content() ).not.toContain( secret );

		await ruleAction( page, RULE, 'Send test' );
		await expect( notices( page ) ).toContainText(
			new RegExp( `Test of “${ RULE }”\\. Delivered: 200 in \\d+ ms` )
		);
		const [ request ] = receiver.requests();
		expect( receiver.requests() ).toHaveLength( 1 );
		expect( request.uri ).toBe( '/hooks/sales' );
		expect( request.headers[ 'webhook-signature' ] ).toBe(
			`v1,${ signature(
				secret,
				request.headers[ 'webhook-id' ],
				request.headers[ 'webhook-timestamp' ],
				request.body
			) }`
		);

		// Only this rule's rows (an earlier run's rules left theirs).
		await filterLogByRule( page, RULE );
		const logRow = regions( page )
			.log.getByRole( 'row' )
			.filter( {
				hasText: `${ RULE } (test)`,
			} );
		await expect( logRow ).toHaveCount( 1 );
		await expect( logRow ).toContainText( 'Deliveredattempt 1' );
		await expect( logRow ).toContainText( /200 in \d+ ms/ );
		await expect( logRow ).toContainText( 'Quote Requested' );
		await page.screenshot( { path: `${ SHOTS }/automations-list.png` } );
	} );

	test( 'edit keeps the secret; a refused URL is explained next to the field', async ( {
		page,
		requestUtils,
	} ) => {
		const rule = await ruleNamed( requestUtils, RULE );
		// What the server says of this URL, asked directly.
		const refused = await requestUtils
			.rest( {
				path: `${ ROUTE }/${ rule.id }`,
				method: 'PUT',
				data: {
					name: RULE,
					event: EVENT.code,
					conditions: rule.conditions,
					enabled: true,
					action: { type: 'webhook', url: 'ftp://127.0.0.1/hooks' },
				},
			} )
			.then(
				() => '',
				( error: Error ) => error.message
			);
		// It names the field; the form shows the rest under the URL field.
		expect( refused ).toMatch( /^action\.url: ./ );
		const shownMessage = refused.replace(
			/^action\.url: (.)/,
			( _, first ) => first.toUpperCase()
		);

		await page.setViewportSize( { width: 1280, height: 1400 } );
		await page.goto( TAB );
		await ruleAction( page, RULE, 'Edit' );
		const form = page.getByRole( 'dialog', { name: `Edit “${ RULE }”` } );
		const url = form.getByLabel( 'URL', { exact: true } );
		await expect( url ).toHaveValue( `${ receiver.url }/hooks/sales` );
		await expect( form ).toContainText( 'whsec_' );
		await url.fill( 'ftp://127.0.0.1/hooks' );
		await form.getByRole( 'button', { name: 'Save changes' } ).click();
		await expect( await describedBy( url ) ).toHaveText( shownMessage );
		await form.screenshot( {
			path: `${ SHOTS }/automations-form-refused-url.png`,
		} );

		await url.fill( `${ receiver.url }/hooks/renamed` );
		await form.getByRole( 'button', { name: 'Save changes' } ).click();
		await expect( notices( page ) ).toContainText(
			`“${ RULE }” was saved.`
		);

		await ruleAction( page, RULE, 'Show signing secret' );
		const shown = page.getByRole( 'dialog', {
			name: `Signing secret of “${ RULE }”`,
		} );
		await expect( shown.getByLabel( 'Signing secret' ) ).toHaveValue(
			secret
		);
		await expect( shown ).not.toContainText( 'Copy this secret' );
		await shown.getByRole( 'button', { name: 'Done' } ).click();

		const row = regions( page ).rules.getByRole( 'row' ).filter( {
			hasText: RULE,
		} );
		await ruleAction( page, RULE, 'Disable' );
		await expect( notices( page ) ).toContainText(
			`“${ RULE }” is disabled: it sends nothing until you enable it.`
		);
		await expect( row ).toContainText( 'Disabled' );
		expect( ( await ruleNamed( requestUtils, RULE ) ).enabled ).toBe(
			false
		);
		await ruleAction( page, RULE, 'Enable' );
		await expect( notices( page ) ).toContainText(
			`“${ RULE }” is enabled.`
		);
		await expect( row ).toContainText( 'Active' );
		// Enabling again sent the rule back whole: the secret is unchanged.
		await ruleAction( page, RULE, 'Show signing secret' );
		await expect( shown.getByLabel( 'Signing secret' ) ).toHaveValue(
			secret
		);
		await shown.getByRole( 'button', { name: 'Done' } ).click();
	} );

	test( 'a CRM rule asks for its auth value again when its URL changes', async ( {
		page,
	} ) => {
		await page.setViewportSize( { width: 1280, height: 1600 } );
		await page.goto( TAB );
		await page.getByRole( 'button', { name: 'Add automation' } ).click();
		const form = page.getByRole( 'dialog', { name: 'Add automation' } );
		await form
			.getByLabel( 'Name', { exact: true } )
			.fill( 'Quotes to the CRM' );
		await form.getByLabel( 'When this event happens' ).fill( 'quote_req' );
		await page
			.getByRole( 'option', {
				name: 'Quote Requested (quote_requested)',
			} )
			.click();
		await form.getByLabel( 'Send to a CRM endpoint' ).check();
		await form
			.getByLabel( 'URL', { exact: true } )
			.fill( `${ receiver.url }/crm/leads` );
		await form.getByLabel( 'Auth header name' ).fill( 'Authorization' );
		await form
			.getByLabel( 'Auth header value' )
			.fill( 'Bearer crm-key-123' );
		await form.getByRole( 'button', { name: 'Add field' } ).click();
		await form.getByLabel( 'CRM field 2', { exact: true } ).fill( 'plan' );
		await form
			.getByLabel( 'CRM field 2 value from' )
			.selectOption( 'attributes.plan' );
		await form.screenshot( {
			path: `${ SHOTS }/automations-form-crm.png`,
		} );
		await form.getByRole( 'button', { name: 'Create automation' } ).click();
		await expect( notices( page ) ).toContainText(
			'“Quotes to the CRM” was created.'
		);
		// No secret to show for a CRM rule.
		await expect( page.getByRole( 'dialog' ) ).toHaveCount( 0 );
		await expect(
			regions( page ).rules.getByRole( 'row' ).filter( {
				hasText: 'Quotes to the CRM',
			} )
		).toContainText( `CRM127.0.0.1:${ receiver.port }` );

		await ruleAction( page, 'Quotes to the CRM', 'Edit' );
		const edit = page.getByRole( 'dialog', {
			name: 'Edit “Quotes to the CRM”',
		} );
		const value = edit.getByLabel( 'Auth header value' );
		await expect( value ).toHaveValue( '' );
		await expect( await describedBy( value ) ).toHaveText(
			'Saved. Leave empty to keep it, or enter a new one to replace it.'
		);
		await edit
			.getByLabel( 'URL', { exact: true } )
			.fill( `${ receiver.url }/crm/elsewhere` );
		await expect( await describedBy( value ) ).toContainText(
			'The URL changed: enter the value again.'
		);
		await edit.getByRole( 'button', { name: 'Save changes' } ).click();
		await expect( await describedBy( value ) ).toContainText(
			'The CRM URL changed, so enter the auth value again'
		);
		await edit.screenshot( {
			path: `${ SHOTS }/automations-form-crm-auth-again.png`,
		} );
		await value.fill( 'Bearer crm-key-456' );
		await edit.getByRole( 'button', { name: 'Save changes' } ).click();
		await expect( notices( page ) ).toContainText(
			'“Quotes to the CRM” was saved.'
		);

		await ruleAction( page, 'Quotes to the CRM', 'Delete' );
		await page
			.getByRole( 'dialog', { name: 'Delete automation' } )
			.getByRole( 'button', { name: 'Delete' } )
			.click();
		await expect( notices( page ) ).toContainText(
			'“Quotes to the CRM” was deleted.'
		);
		await expect(
			regions( page ).rules.getByRole( 'row' ).filter( {
				hasText: 'Quotes to the CRM',
			} )
		).toHaveCount( 0 );
	} );

	test( 'a Slack URL is write-only: "saved, ends in …", kept when left empty', async ( {
		page,
	} ) => {
		const slackUrl = `${ receiver.url }/services/T0001/B0002/xoxSecretWXYZ`;
		await page.goto( TAB );
		await page.getByRole( 'button', { name: 'Add automation' } ).click();
		const form = page.getByRole( 'dialog', { name: 'Add automation' } );
		await form
			.getByLabel( 'Name', { exact: true } )
			.fill( 'Quotes to #sales' );
		// By keyboard: type, arrow to the option, Enter; Space picks the radio.
		const picker = form.getByLabel( 'When this event happens' );
		await picker.fill( 'Quote' );
		await picker.press( 'ArrowDown' );
		await picker.press( 'Enter' );
		await expect( picker ).toHaveValue(
			'Quote Requested (quote_requested)'
		);
		await form.getByLabel( 'Post to a Slack channel' ).press( 'Space' );
		await form.getByLabel( 'Slack incoming webhook URL' ).fill( slackUrl );
		await form.getByRole( 'button', { name: 'Create automation' } ).click();
		await expect( notices( page ) ).toContainText(
			'“Quotes to #sales” was created.'
		);
		expect( await page.content() ).not.toContain( 'xoxSecretWXYZ' );

		await ruleAction( page, 'Quotes to #sales', 'Edit' );
		const edit = page.getByRole( 'dialog', {
			name: 'Edit “Quotes to #sales”',
		} );
		const url = edit.getByLabel( 'Slack incoming webhook URL' );
		await expect( url ).toHaveValue( '' );
		await expect( await describedBy( url ) ).toHaveText(
			'Saved, ends in …WXYZ. Leave empty to keep it, or paste a new one to replace it.'
		);
		await edit.getByRole( 'button', { name: 'Save changes' } ).click();
		await expect( notices( page ) ).toContainText(
			'“Quotes to #sales” was saved.'
		);

		receiver.clear();
		await ruleAction( page, 'Quotes to #sales', 'Send test' );
		await expect( notices( page ) ).toContainText(
			/Test of “Quotes to #sales”\. Delivered: 200 in \d+ ms/
		);
		expect( receiver.requests().map( ( request ) => request.uri ) ).toEqual(
			[ '/services/T0001/B0002/xoxSecretWXYZ' ]
		);

		await ruleAction( page, 'Quotes to #sales', 'Delete' );
		await page
			.getByRole( 'dialog', { name: 'Delete automation' } )
			.getByRole( 'button', { name: 'Delete' } )
			.click();
		await expect( notices( page ) ).toContainText(
			'“Quotes to #sales” was deleted.'
		);
	} );

	test( 'settings save; failures pause a rule, the tab says so, Resume lifts it', async ( {
		page,
		requestUtils,
	} ) => {
		await page.goto( TAB );
		const settings = page.locator( '.footprints-automation-settings' );
		await settings
			.getByLabel(
				'Pause a rule after this many failed attempts in a row'
			)
			.fill( '1' );
		await settings
			.getByLabel( 'Keep the delivery log for (days)' )
			.fill( '14' );
		await settings
			.getByLabel( 'Log request and response bodies (debug)' )
			.check();
		await settings
			.getByRole( 'button', { name: 'Save automation settings' } )
			.click();
		await expect( notices( page ) ).toContainText(
			'Automation settings saved.'
		);
		await settings.screenshot( {
			path: `${ SHOTS }/automations-settings.png`,
		} );
		expect(
			await requestUtils.rest( { path: `${ ROUTE }/settings` } )
		).toEqual( { pause_after: 1, log_days: 14, log_bodies: true } );

		// The receiver is down (500): one failed attempt pauses the rule.
		receiver.answer( [ { status: 500, body: 'receiver down' } ] );
		const collected = await requestUtils.rest( {
			path: '/footprints/v1/collect',
			method: 'POST',
			data: {
				events: [
					{
						id: `quote-${ Date.now() }`,
						event: EVENT.code,
						attributes: { plan: 'pro', seats: 12 },
						time: Date.now(),
						page: 'http://127.0.0.1/pricing/',
					},
				],
			},
		} );
		expect( collected ).toMatchObject( { accepted: 1 } );
		await expect
			.poll(
				async () => ( await ruleNamed( requestUtils, RULE ) ).paused,
				{
					timeout: 30_000,
				}
			)
			.toBe( true );
		expect( receiver.requests() ).toHaveLength( 1 );

		await page.reload();
		const notice = page.locator( '.footprints-paused-notice' );
		await expect( notice ).toContainText(
			`“${ RULE }” is paused and sends nothing. Paused after 1 failed delivery.`
		);
		const { rules, log } = regions( page );
		await expect(
			rules.getByRole( 'row' ).filter( { hasText: RULE } )
		).toContainText( 'Paused' );
		await filterLogByRule( page, RULE );
		const attempt = log
			.getByRole( 'row' )
			.filter( { hasText: RULE } )
			.filter( { hasNotText: '(test)' } );
		await expect( attempt ).toHaveCount( 1 );
		// Retried in a minute, although the rule is paused meanwhile.
		await expect( attempt ).toContainText( 'Retryingattempt 1' );
		await expect( attempt ).toContainText( /500 in \d+ ms/ );
		await page.setViewportSize( { width: 1280, height: 1500 } );
		await page.screenshot( { path: `${ SHOTS }/automations-paused.png` } );

		await attempt.getByRole( 'button', { name: 'Actions' } ).click();
		await page.getByRole( 'menuitem', { name: 'Show bodies' } ).click();
		const bodies = page.getByRole( 'dialog', {
			name: 'Request and response',
		} );
		await expect( bodies ).toContainText( 'quote_requested' );
		await expect( bodies ).toContainText( 'receiver down' );
		await page.screenshot( {
			path: `${ SHOTS }/automations-log-bodies.png`,
		} );
		await page.keyboard.press( 'Escape' );

		// The status filter: the test's delivered row leaves, the retry stays.
		await log.getByRole( 'button', { name: 'Add filter' } ).click();
		await page.getByRole( 'menuitem', { name: 'Status' } ).click();
		await page.getByRole( 'option', { name: 'Retrying' } ).click();
		await page.keyboard.press( 'Escape' );
		await expect(
			log.getByRole( 'row' ).filter( { hasText: RULE } )
		).toHaveCount( 1 );
		await expect(
			log.getByRole( 'row' ).filter( { hasText: `${ RULE } (test)` } )
		).toHaveCount( 0 );

		receiver.answer( [ { status: 200, body: '{"ok":true}' } ] );
		await notice
			.getByRole( 'button', { name: `Resume “${ RULE }”` } )
			.click();
		await expect( notices( page ) ).toContainText(
			`“${ RULE }” is sending again.`
		);
		await expect( notice ).toHaveCount( 0 );
		await expect(
			rules.getByRole( 'row' ).filter( { hasText: RULE } )
		).toContainText( 'Active' );
		expect( ( await ruleNamed( requestUtils, RULE ) ).paused ).toBe(
			false
		);
	} );

	test( 'the tab and the rule form pass axe', async ( { page } ) => {
		await page.goto( TAB );
		await expect(
			regions( page ).rules.getByRole( 'row' ).filter( { hasText: RULE } )
		).toBeVisible();
		expect(
			await seriousViolations( page, [ '#footprints-admin' ] )
		).toEqual( [] );
		await ruleAction( page, RULE, 'Edit' );
		await expect( page.getByRole( 'dialog' ) ).toBeVisible();
		expect(
			await seriousViolations( page, [ '.components-modal__frame' ] )
		).toEqual( [] );
	} );
} );
