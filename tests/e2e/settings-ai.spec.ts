/**
 * Settings → AI: the connection state (how to connect a provider under
 * Settings → Connectors, or that one is connected), the owner's
 * instructions for drafts saved and kept after a reload, and what a draft
 * sends.
 */

/**
 * Internal dependencies
 */
import { AiServer } from './ai-server';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { shoot } from './screenshot';

const AI_TAB = '/wp-admin/admin.php?page=footprints&tab=ai';

const INSTRUCTIONS: [ string, string ][] = [
	[ 'Tone', 'Warm and brief, no jargon.' ],
	[ 'Product', 'Acme Analytics, a dashboard for small shops.' ],
	[ 'Sender name', 'Sam from Acme' ],
	[ 'What to offer', 'A 20-minute demo call.' ],
	[ 'Other instructions', 'Never mention prices.' ],
];

test.describe( 'Settings → AI', () => {
	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			path: '/footprints/v1/ai/settings',
			method: 'PUT',
			data: Object.fromEntries(
				[ 'tone', 'product', 'sender', 'offer', 'instructions' ].map(
					( name ) => [ name, '' ]
				)
			),
		} );
	} );

	test( 'the instructions are saved and kept, and the tab says how to connect a provider', async ( {
		page,
	} ) => {
		await page.goto( AI_TAB );
		await expect(
			page.getByRole( 'tab', { name: 'AI', exact: true } )
		).toHaveAttribute( 'aria-selected', 'true' );
		await expect(
			page.getByRole( 'link', { name: 'Settings → Connectors' } )
		).toHaveAttribute( 'href', /options-connectors\.php$/ );

		for ( const [ label, value ] of INSTRUCTIONS ) {
			await page.getByLabel( label, { exact: true } ).fill( value );
		}
		await page
			.getByRole( 'button', { name: 'Save AI instructions' } )
			.click();
		await expect(
			page
				.locator( '.footprints-notices' )
				.getByText( 'AI instructions saved.' )
		).toBeVisible();

		await page.reload();
		for ( const [ label, value ] of INSTRUCTIONS ) {
			await expect(
				page.getByLabel( label, { exact: true } )
			).toHaveValue( value );
		}
		await expect(
			page.getByRole( 'heading', { name: 'What a draft sends' } )
		).toBeVisible();
		expect(
			await seriousViolations( page, [ '.footprints-ai-tab' ] )
		).toEqual( [] );
		await shoot( page, 'settings-ai' );
	} );

	test( 'with a provider connected the tab says drafts are ready', async ( {
		page,
	} ) => {
		const ai = new AiServer();
		await ai.start();
		try {
			ai.configure( true );
			await page.goto( AI_TAB );
			await expect(
				page.getByText(
					'An AI provider is connected: drafts can be asked for from a lead’s timeline.'
				)
			).toBeVisible();
			await shoot( page, 'settings-ai-ready' );
		} finally {
			ai.stop();
		}
	} );
} );
