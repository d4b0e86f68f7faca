/**
 * A site owner downloads today's events as CSV from the Dashboard widget's
 * link (the export route with the REST nonce): the file has the header and
 * exactly the seeded rows, oldest first.
 */

/**
 * External dependencies
 */
import { readFileSync } from 'node:fs';

/**
 * Internal dependencies
 */
import { glanceWidget } from './dashboard-widget';
import { createDefinition } from './editor';
import { expect, test } from './fixtures';
import { collectOnDay, purgeEvents, utcDay } from './seed-events';

const HEADER =
	'\uFEFFtime_utc,event,event_name,site,device_id,page,referrer,attributes,event_id,received_utc';

test( 'the events export downloads the seeded rows', async ( {
	page,
	requestUtils,
} ) => {
	const event = await createDefinition( requestUtils, {
		code: 'exported_click',
		name: 'Exported Click',
	} );
	await collectOnDay(
		requestUtils,
		event.code,
		0,
		3,
		( index ) => `http://127.0.0.1/pricing/${ index }`
	);
	try {
		await page.goto( '/wp-admin/index.php' );
		const downloading = page.waitForEvent( 'download' );
		await glanceWidget( page )
			.getByRole( 'link', { name: 'Download today’s events (CSV)' } )
			.click();
		const download = await downloading;

		expect( download.suggestedFilename() ).toBe(
			`footprints-events-${ utcDay( 0 ) }.csv`
		);
		const lines = readFileSync(
			( await download.path() ) as string,
			'utf8'
		)
			.split( '\r\n' )
			.filter( Boolean );
		expect( lines[ 0 ] ).toBe( HEADER );
		const ours = lines
			.filter( ( line ) => line.includes( `,${ event.code },` ) )
			.map( ( line ) => line.split( ',' ) );
		// Oldest first: time, code, name, this site's app ID, no device, the page.
		expect( ours.map( ( cells ) => cells.slice( 0, 6 ) ) ).toEqual(
			[ 0, 1, 2 ].map( ( index ) => [
				`${ utcDay( 0 ) }T00:00:0${ index + 1 }.000Z`,
				event.code,
				`"${ event.name }"`,
				expect.stringMatching( /^app_[a-z0-9]+$/ ),
				'',
				`http://127.0.0.1/pricing/${ index }`,
			] )
		);
	} finally {
		await purgeEvents( requestUtils, event.code );
	}
} );

test( 'an Export button on an Insights view downloads with the signed-in cookie and nonce', async ( {
	page,
} ) => {
	await page.goto(
		'/wp-admin/admin.php?page=footprints-insights&view=people'
	);
	const downloading = page.waitForEvent( 'download' );
	await page.getByRole( 'link', { name: 'Download CSV' } ).click();
	const download = await downloading;

	expect( download.suggestedFilename() ).toBe(
		`footprints-people-${ utcDay( 0 ) }.csv`
	);
	const file = readFileSync( ( await download.path() ) as string, 'utf8' );
	expect( file.split( '\r\n' )[ 0 ] ).toBe(
		'\uFEFFperson_id,name,email,user_id,wp_user_id,devices,first_seen,last_seen,events,traits'
	);
} );
