/**
 * The lead brief on a lead's timeline: the seeded journey in words, each
 * event's description in the order the events happened, repeats
 * collapsed; "Copy brief" puts that very text on the clipboard and says
 * "Copied".
 */

/**
 * Internal dependencies
 */
import { seriousViolations } from './axe';
import { expect, test, visitorRequest } from './fixtures';
import { openInsights } from './insights';
import { shoot } from './screenshot';

// Codes and devices of this run only: a long-lived test site keeps older runs' events.
const RUN = Date.now().toString( 36 );
const DEVICE = `brief_${ RUN }`;
const LEAD = `lead-${ RUN }`;
const DEFINITIONS = [
	{
		code: `pricing_viewed_${ RUN }`,
		name: 'Pricing Viewed',
		description:
			'The visitor reached the pricing table: they are comparing plans, so mention the plan they looked at.',
	},
	{
		code: `guide_downloaded_${ RUN }`,
		name: 'Guide Downloaded',
		description:
			'The visitor downloaded the onboarding guide: they are preparing a rollout and may need setup help.',
	},
	{
		code: `trial_started_${ RUN }`,
		name: 'Trial Started',
		description:
			'The visitor started a free trial: strong buying intent, follow up within a day.',
	},
];
// Yesterday, 09:00 UTC: one session of events a minute or so apart.
const T0 = Date.UTC(
	new Date().getUTCFullYear(),
	new Date().getUTCMonth(),
	new Date().getUTCDate() - 1,
	9
);

/**
 * One event of the lead's device, as the client sends it.
 * @param code       Code.
 * @param seconds    Seconds after T0.
 * @param path       Page path.
 * @param attributes Attributes.
 */
function event(
	code: string,
	seconds: number,
	path: string,
	attributes: Record< string, unknown > = {}
) {
	return {
		id: `evt_${ RUN }_${ seconds }`,
		event: code,
		time: T0 + seconds * 1000,
		device_id: DEVICE,
		page: `http://127.0.0.1/${ path }`,
		attributes,
	};
}

test.describe( 'lead brief', () => {
	test.beforeAll( async ( { requestUtils, playwright } ) => {
		for ( const definition of DEFINITIONS ) {
			await requestUtils.rest( {
				path: '/footprints/v1/definitions',
				method: 'POST',
				data: definition,
			} );
		}
		const [ pricing, guide, trial ] = DEFINITIONS.map(
			( definition ) => definition.code
		);
		const events = [
			event( pricing, 0, 'pricing/', { plan: 'pro' } ),
			event( pricing, 40, 'pricing/', { plan: 'pro' } ),
			event( guide, 300, 'guides/onboarding/' ),
			event( trial, 420, 'pricing/', { plan: 'pro' } ),
			// The server derives Email Captured from the form's email.
			event( 'form_submission', 425, 'signup/', {
				form: 'signup',
				email: `${ LEAD }@example.com`,
			} ),
			event( 'custom_data_updated', 430, 'welcome/', {
				user_id: LEAD,
				traits: { name: 'Lena Secret' },
			} ),
		];
		// Sent as a visitor: a signed-in admin's batch would link the device to the admin.
		const visitor = await visitorRequest( playwright.request );
		const answer = await visitor.post( '/wp-json/footprints/v1/collect', {
			data: { events },
		} );
		expect( ( await answer.json() ).accepted ).toBe( events.length );
		await visitor.dispose();
	} );

	test( "the lead's timeline shows the brief with each event's description in order, and Copy puts it on the clipboard", async ( {
		page,
		requestUtils,
	} ) => {
		const { person } = await requestUtils.rest< { person: number } >( {
			path: `/footprints/v1/devices/${ DEVICE }/timeline`,
		} );
		await page
			.context()
			.grantPermissions( [ 'clipboard-read', 'clipboard-write' ] );
		await openInsights( page, 'person', { person: String( person ) } );

		const panel = page.getByRole( 'region', { name: 'Lead brief' } );
		const text = panel.locator( '.footprints-brief__text' );
		await expect( text ).toContainText(
			`Lead brief: ${ LEAD }@example.com`
		);
		const brief = ( await text.textContent() ) ?? '';
		const [ first, second, third ] = DEFINITIONS.map( ( definition ) =>
			brief.indexOf( definition.description )
		);
		expect( first ).toBeGreaterThan( -1 );
		expect( second ).toBeGreaterThan( first );
		expect( third ).toBeGreaterThan( second );
		expect( brief ).toContain(
			`Who: email: ${ LEAD }@example.com; user id: ${ LEAD }.`
		);
		expect( brief ).toContain(
			'Pricing Viewed ×2 on /pricing/ (plan: pro)'
		);
		expect( brief ).toContain( 'Guide Downloaded on /guides/onboarding/' );
		expect( brief ).toContain(
			'Activity: 7 events in 1 session on 1 device, from '
		);
		expect( brief ).toContain(
			'Paths completed: Email Captured.\n- Email Captured on '
		);
		expect( brief ).toContain(
			'after 5 events in 7 minutes: Pricing Viewed ×2 → Guide Downloaded → Trial Started → Form Submitted → Email Captured'
		);
		// identify()'s name is a trait the owner did not map.
		expect( brief ).not.toContain( 'Lena Secret' );

		// The brief sits above the events.
		const briefBox = await panel.boundingBox();
		const sessionBox = await page
			.locator( '.footprints-timeline__session' )
			.first()
			.boundingBox();
		expect( briefBox!.y + briefBox!.height ).toBeLessThanOrEqual(
			sessionBox!.y
		);

		await panel.getByRole( 'button', { name: 'Copy brief' } ).click();
		await expect( panel.getByRole( 'status' ) ).toHaveText( 'Copied' );
		const copied = await page.evaluate( () =>
			navigator.clipboard.readText()
		);
		expect( copied ).toBe( brief );
		expect(
			await seriousViolations( page, [ '.footprints-brief' ] )
		).toEqual( [] );
		await shoot( page, 'people-brief' );
	} );

	test( "a device's timeline shows its person's brief; a device no one has seen gets an empty one", async ( {
		page,
	} ) => {
		await openInsights( page, 'person', { device: DEVICE } );
		const panel = page.getByRole( 'region', { name: 'Lead brief' } );
		await expect(
			panel.locator( '.footprints-brief__text' )
		).toContainText( `Lead brief: ${ LEAD }@example.com` );

		await openInsights( page, 'person', { device: `never_${ RUN }` } );
		await expect( panel.locator( '.footprints-brief__text' ) ).toHaveText(
			[
				'Lead brief: an anonymous visitor',
				`Who: an anonymous visitor on device never_${ RUN }, not linked to any person yet (no email, user id or sign-in).`,
				'Activity: no events stored yet.',
			].join( '\n' )
		);
	} );
} );
