/**
 * Insights → Paths: a comparison opened from its URL shows the seeded
 * conversion with exact figures, two paths side by side, and a path's
 * converted people a click away, each linking to their timeline.
 */

/**
 * Internal dependencies
 */
import { expect, test, visitorRequest } from './fixtures';
import { openInsights, screenshot } from './insights';
import { useEmbeddedBackend } from './settings';

// Codes and devices of this run only: a long-lived test site keeps older runs' events.
const RUN = Date.now().toString( 36 );
const A = `trial_started_${ RUN }`;
const B = `plan_purchased_${ RUN }`;
const ANN = `ann_${ RUN }`;
// Monday 2 March 2026, 10:00 UTC; the range is 1-7 March.
const T0 = Date.UTC( 2026, 2, 2, 10 );
const HOUR = 3600000;
const DAY = 24 * HOUR;

/**
 * One event of a device at a time, as the client sends it.
 * @param code     Code.
 * @param device   Device id.
 * @param time     Milliseconds since 1970.
 * @param sequence Makes the event id unique.
 * @param extra    Attributes.
 */
function event(
	code: string,
	device: string,
	time: number,
	sequence: number,
	extra: Record< string, unknown > = {}
) {
	return {
		id: `evt_${ RUN }_${ sequence }`,
		event: code,
		time,
		device_id: `dev_${ RUN }_${ device }`,
		attributes: extra,
	};
}

test.describe( 'paths', () => {
	test.beforeAll( async ( { requestUtils, playwright } ) => {
		await useEmbeddedBackend( requestUtils );
		for ( const [ code, name, color ] of [
			[ A, 'Trial Started', '#2271b1' ],
			[ B, 'Plan Purchased', '#00a32a' ],
		] ) {
			await requestUtils.rest( {
				path: '/footprints/v1/definitions',
				method: 'POST',
				data: { code, name, color },
			} );
		}
		// Four people did A on 2 March: one bought 2 h later, Ann (two devices,
		// identified) 25 h later on her laptop, one 8 days later (outside 7),
		// one had bought before and not again.
		const events = [
			event( 'custom_data_updated', 'ann_phone', T0 - DAY, 1, {
				user_id: ANN,
			} ),
			event( 'custom_data_updated', 'ann_laptop', T0 - DAY, 2, {
				user_id: ANN,
			} ),
			event( A, 'quick', T0, 3 ),
			event( B, 'quick', T0 + 2 * HOUR, 4 ),
			event( A, 'ann_phone', T0, 5 ),
			event( B, 'ann_laptop', T0 + 25 * HOUR, 6 ),
			event( A, 'late', T0, 7 ),
			event( B, 'late', T0 + 8 * DAY, 8 ),
			event( B, 'before', T0 - HOUR, 9 ),
			event( A, 'before', T0, 10 ),
		];
		// Sent as a visitor: a signed-in admin's batch would link every device to the admin.
		const visitor = await visitorRequest( playwright.request );
		const answer = await visitor.post( '/wp-json/footprints/v1/collect', {
			data: { events },
		} );
		expect( ( await answer.json() ).accepted ).toBe( events.length );
		await visitor.dispose();
	} );

	test( 'a comparison opened from its URL shows the seeded conversion, and its people', async ( {
		page,
	} ) => {
		await openInsights( page, 'paths', {
			a: `${ A },${ A }`,
			b: `${ B },${ B }`,
			window: '7,1',
			from: '2026-03-01',
			to: '2026-03-07',
		} );

		const first = page.locator( '.footprints-paths__card' ).nth( 0 );
		const second = page.locator( '.footprints-paths__card' ).nth( 1 );
		// Path 1, within 7 days: 4 people, 2 converted (after 2 h and 25 h: median 13 h 30 min).
		await expect( first.locator( '[data-figure="people"]' ) ).toHaveText(
			'4'
		);
		await expect( first.locator( '[data-figure="converted"]' ) ).toHaveText(
			'2'
		);
		await expect( first.locator( '[data-figure="rate"]' ) ).toHaveText(
			'50.0 %'
		);
		await expect( first.locator( '[data-figure="median"]' ) ).toHaveText(
			'13 h 30 min'
		);
		await expect( first ).toContainText( 'Trial Started' );
		await expect( first ).toContainText( 'within 7 days' );
		// Path 2, within 1 day: only the purchase 2 h later counts.
		await expect( second.locator( '[data-figure="people"]' ) ).toHaveText(
			'4'
		);
		await expect(
			second.locator( '[data-figure="converted"]' )
		).toHaveText( '1' );
		await expect( second.locator( '[data-figure="rate"]' ) ).toHaveText(
			'25.0 %'
		);
		await expect( second.locator( '[data-figure="median"]' ) ).toHaveText(
			'2 h 0 min'
		);
		await screenshot( page, 'paths' );

		await first.getByRole( 'button', { name: '2 converted' } ).click();
		await expect( page ).toHaveURL( /[?&]people=1-converted(&|$)/ );
		const people = page.locator( '.footprints-paths__people' );
		await expect( people.getByRole( 'heading' ) ).toHaveText(
			'Path 1: people who converted'
		);
		await expect( people.locator( 'tbody tr' ) ).toHaveCount( 2 );
		const ann = people.getByRole( 'link', { name: ANN } );
		await expect( ann ).toHaveAttribute( 'href', /view=person&person=\d+/ );
		await expect(
			people.locator( 'tbody tr' ).filter( { hasText: ANN } )
		).toContainText( '2026-03-02 10:00 UTC' );
		await expect(
			people.locator( 'tbody tr' ).filter( { hasText: ANN } )
		).toContainText( '1 d 1 h' );
		await expect(
			people.getByRole( 'link', { name: 'Download CSV' } )
		).toHaveAttribute( 'href', /view=path-people.*outcome=converted/ );
		await screenshot( page, 'paths-people' );

		// A reload opens the same list.
		await page.reload();
		await expect(
			page.locator( '.footprints-paths__people tbody tr' )
		).toHaveCount( 2 );
	} );
} );
