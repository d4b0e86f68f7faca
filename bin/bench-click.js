#!/usr/bin/env node
/**
 * Main-thread cost of a tracked click, in Debian's Chromium with the CPU
 * slowed 4x (a mid-range phone): the built client on a static page served
 * from memory, clicks dispatched on an icon inside a tracked button, each
 * timed around dispatchEvent. The same page with an empty listener instead
 * of the client is the baseline, measured in the same run, in alternating
 * rounds.
 *   node bin/bench-click.js [clicks]
 */
const fs = require( 'fs' );
const path = require( 'path' );
const { chromium } = require( 'playwright-core' );

// localhost is a secure context, which cross-origin isolation needs.
const ORIGIN = 'http://localhost:9';
const CLICKS = Number( process.argv[ 2 ] ) || 500;
const client = fs.readFileSync(
	path.join( __dirname, '../build/client/index.js' ),
	'utf8'
);
const settings = JSON.stringify( {
	collect: `${ ORIGIN }/collect`,
	events: [ 'trial_click' ],
	dnt: true,
	without_consent: 'anonymous',
} );

// Same markup both times; only the script differs.
const page = ( script ) => `<!doctype html><title>bench</title>
<button data-footprints-event="trial_click" data-footprints-attrs='{"source":"hero","price":"199"}'><svg width="10" height="10"><path id="icon" d="M0 0h10v10z"/></svg> Start trial</button>
<script type="application/json" id="wp-script-module-data-@footprints/client">${ settings }</script>
${ script }`;
const pages = {
	'/client': page( '<script type="module" src="/index.js"></script>' ),
	'/baseline': page(
		'<script>addEventListener("click",()=>{},true);window.footprints={track(){}}</script>'
	),
};

// Cross-origin isolation gives performance.now() 5 µs resolution, not 100.
const isolated = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Opens a page in its own throttled context.
 * @param {import('playwright-core').Browser} browser
 * @param {string}                            pathname /client or /baseline.
 */
async function open( browser, pathname ) {
	const context = await browser.newContext();
	const tab = await context.newPage();
	await tab.route( `${ ORIGIN }/**`, ( route ) => {
		const { pathname: file } = new URL( route.request().url() );
		if ( file === '/collect' ) {
			return route.fulfill( {
				json: { accepted: 20, duplicates: 0, rejected: [] },
			} );
		}
		const type = file === '/index.js' ? 'text/javascript' : 'text/html';
		return route.fulfill( {
			contentType: type,
			headers: isolated,
			body: file === '/index.js' ? client : pages[ file ],
		} );
	} );
	const cdp = await context.newCDPSession( tab );
	await cdp.send( 'Emulation.setCPUThrottlingRate', { rate: 4 } );
	await tab.goto( ORIGIN + pathname );
	await tab.waitForFunction( () => window.footprints?.track );
	return tab;
}

/**
 * Times clicks on the page's tracked icon.
 * @param {import('playwright-core').Page} tab
 * @param {number}                         clicks How many.
 */
const clickTimes = ( tab, clicks ) =>
	tab.evaluate( async ( count ) => {
		const icon = document.getElementById( 'icon' );
		const result = [];
		for ( let i = 0; i < count; i++ ) {
			const start = performance.now();
			icon.dispatchEvent( new MouseEvent( 'click', { bubbles: true } ) );
			result.push( performance.now() - start );
			// A person clicks now and then: let batches leave between clicks.
			await new Promise( ( resolve ) => setTimeout( resolve, 5 ) );
		}
		return { result, isolated: crossOriginIsolated };
	}, clicks );

function percentiles( times ) {
	const sorted = times.sort( ( a, b ) => a - b );
	const at = ( q ) =>
		sorted[
			Math.min( sorted.length - 1, Math.floor( q * sorted.length ) )
		];
	return { median: at( 0.5 ), p99: at( 0.99 ) };
}

( async () => {
	const browser = await chromium.launch( {
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: [ '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage' ],
	} );
	const tabs = {
		baseline: await open( browser, '/baseline' ),
		client: await open( browser, '/client' ),
	};
	// Rounds that alternate between the two pages, so a burst of load on
	// this shared machine falls on both alike rather than on one.
	const ROUNDS = 10;
	const times = { baseline: [], client: [] };
	let isolatedTimers = true;
	for ( let round = 0; round < ROUNDS; round++ ) {
		for ( const name of [ 'baseline', 'client' ] ) {
			const run = await clickTimes(
				tabs[ name ],
				Math.ceil( CLICKS / ROUNDS )
			);
			times[ name ].push( ...run.result );
			isolatedTimers &&= run.isolated;
		}
	}
	await browser.close();
	const baseline = percentiles( times.baseline );
	const tracked = percentiles( times.client );
	const ms = ( value ) => `${ value.toFixed( 3 ) } ms`;
	const ratio = ( value, base ) => `${ ( value / base ).toFixed( 1 ) }x`;
	console.log(
		`click handler, ${ times.client.length } clicks each in ${ ROUNDS } alternating rounds, 4x CPU throttling${ isolatedTimers ? '' : ' (timer resolution 0.1 ms)' }:`
	);
	console.log(
		`  baseline (empty listener): median ${ ms( baseline.median ) }, p99 ${ ms( baseline.p99 ) }`
	);
	console.log(
		`  footprints client:         median ${ ms( tracked.median ) } (budget 0.050 ms), p99 ${ ms( tracked.p99 ) } = ${ ratio( tracked.p99, baseline.p99 ) } the baseline's (budget 2.0x)`
	);
} )().catch( ( error ) => {
	console.error( error );
	process.exit( 1 );
} );
