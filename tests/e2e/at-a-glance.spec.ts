/**
 * The wp-admin Dashboard's "Footprints: today's top events" widget lists
 * today's most triggered events (UTC day, from the rollups) by name with
 * their exact counts and links to the Insights dashboard.
 */

/**
 * External dependencies
 */
import path from 'node:path';

/**
 * Internal dependencies
 */
import { glanceWidget, highestCountToday } from './dashboard-widget';
import { createDefinition } from './editor';
import { expect, test } from './fixtures';
import { collectOnDay, purgeEvents } from './seed-events';

const ARTIFACTS =
	process.env.WP_ARTIFACTS_PATH ??
	path.resolve( __dirname, '../../artifacts' );

test( 'the Dashboard widget shows today’s top events with exact counts', async ( {
	page,
	requestUtils,
} ) => {
	const first = await createDefinition( requestUtils, {
		code: 'glance_signup',
		name: 'Glance Signup',
		color: '#008a20',
	} );
	const second = await createDefinition( requestUtils, {
		code: 'glance_trial',
		name: 'Glance Trial',
		color: '#d63638',
	} );
	const base = await highestCountToday( page );
	try {
		await collectOnDay( requestUtils, first.code, 0, base + 7 );
		await collectOnDay( requestUtils, second.code, 0, base + 3 );
		// Yesterday's events are not today's.
		await collectOnDay( requestUtils, second.code, 1, 9 );

		await page.goto( '/wp-admin/index.php' );
		const rows = glanceWidget( page ).locator( 'tbody tr' );
		await expect( rows.nth( 0 ) ).toHaveText(
			`${ first.name } ${ first.code }${ base + 7 }`
		);
		await expect( rows.nth( 1 ) ).toHaveText(
			`${ second.name } ${ second.code }${ base + 3 }`
		);
		await expect(
			rows.nth( 0 ).getByRole( 'link', { name: first.name } )
		).toHaveAttribute(
			'href',
			new RegExp(
				`page=footprints-insights&view=dashboard&range=today&code=${ first.code }$`
			)
		);
		await glanceWidget( page ).scrollIntoViewIfNeeded();
		await glanceWidget( page ).screenshot( {
			path: path.join( ARTIFACTS, 'dashboard-widget-at-a-glance.png' ),
		} );

		await glanceWidget( page )
			.getByRole( 'link', { name: 'Open the Insights dashboard' } )
			.click();
		await expect( page ).toHaveURL(
			/admin\.php\?page=footprints-insights&view=dashboard/
		);
	} finally {
		await purgeEvents( requestUtils, first.code );
		await purgeEvents( requestUtils, second.code );
	}
} );
