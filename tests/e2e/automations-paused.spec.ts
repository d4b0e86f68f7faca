/**
 * A rule whose receiver keeps failing is paused, and every admin screen
 * says so to admins with a link to the Automations tab, until it is
 * resumed. Nothing here runs the worker by hand: the events' own request
 * kicks it over loopback (admin-ajax.php with the site's token).
 */

/**
 * External dependencies
 */
import path from 'node:path';

/**
 * Internal dependencies
 */
import { expect, test } from './fixtures';

const ARTIFACTS =
	process.env.WP_ARTIFACTS_PATH ??
	path.resolve( __dirname, '../../artifacts' );

interface Rule {
	id: number;
	paused: boolean;
	consecutive_failures: number;
}

test.describe( 'A paused automation', () => {
	let rule: Rule | null = null;

	test.afterEach( async ( { requestUtils } ) => {
		if ( rule ) {
			await requestUtils.rest( {
				path: `/footprints/v1/automations/${ rule.id }`,
				method: 'DELETE',
			} );
		}
		await requestUtils.rest( {
			path: '/footprints/v1/automations/settings',
			method: 'PUT',
			data: { pause_after: 10 },
		} );
	} );

	test( 'is named in an admin notice linking to the Automations tab until it is resumed', async ( {
		page,
		requestUtils,
	} ) => {
		await requestUtils.rest( {
			path: '/footprints/v1/automations/settings',
			method: 'PUT',
			data: { pause_after: 2 },
		} );
		// Port 1 on loopback: nothing listens, every attempt fails at once.
		rule = await requestUtils.rest< Rule >( {
			path: '/footprints/v1/automations',
			method: 'POST',
			data: {
				name: 'Trials to the closed CRM',
				event: 'trial_click',
				action: { type: 'webhook', url: 'http://127.0.0.1:1/hook' },
			},
		} );
		const run = Date.now();
		await requestUtils.rest( {
			path: '/footprints/v1/collect',
			method: 'POST',
			data: {
				events: [
					{ id: `evt_paused_${ run }_1`, event: 'trial_click' },
					{ id: `evt_paused_${ run }_2`, event: 'trial_click' },
				],
			},
		} );

		const current = rule;
		await expect
			.poll(
				async () =>
					(
						await requestUtils.rest< Rule >( {
							path: `/footprints/v1/automations/${ current.id }`,
						} )
					).paused,
				{ timeout: 20_000 }
			)
			.toBe( true );

		await page.goto( '/wp-admin/' );
		const notice = page.locator( '.footprints-automations-paused' );
		await expect( notice ).toContainText(
			'Footprints paused the automation “Trials to the closed CRM” after 2 failed delivery attempts in a row; its deliveries wait in the queue.'
		);
		const link = notice.getByRole( 'link', {
			name: 'Check the receiver, then resume it under Automations.',
		} );
		await expect( link ).toHaveAttribute(
			'href',
			/\/wp-admin\/admin\.php\?page=footprints&tab=automations$/
		);
		await page.screenshot( {
			path: path.join( ARTIFACTS, 'automations-paused-notice.png' ),
		} );

		const resumed = await requestUtils.rest< Rule >( {
			path: `/footprints/v1/automations/${ current.id }/resume`,
			method: 'POST',
		} );
		expect( [ resumed.paused, resumed.consecutive_failures ] ).toEqual( [
			false,
			0,
		] );
		await page.reload();
		await expect( notice ).toHaveCount( 0 );
	} );
} );
