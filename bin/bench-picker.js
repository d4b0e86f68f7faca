#!/usr/bin/env node
/**
 * Responsiveness of the event picker with many definitions: in Debian's
 * Chromium, an editor types a search into the Track event block's picker;
 * each keystroke is timed from the key press to the second frame after it
 * (the work the key caused on the main thread, plus one frame). The same
 * keystrokes typed into a plain text field of the same sidebar (the
 * block's "Additional CSS class") are the baseline, measured in the same
 * run. Then: how long the debounced server search takes to show options,
 * and how many options are rendered (at most 50 by design).
 *   WP_BASE_URL=… node bin/bench-picker.js [search text]
 */
const { chromium } = require( 'playwright-core' );

const BASE = process.env.WP_BASE_URL;
const SEARCH = process.argv[ 2 ] || 'Bench Event 04';

const median = ( xs ) => [ ...xs ].sort( ( a, b ) => a - b )[ xs.length >> 1 ];
const p95 = ( xs ) =>
	[ ...xs ].sort( ( a, b ) => a - b )[ Math.floor( xs.length * 0.95 ) ];

async function typeTimed( page, locator, text ) {
	await locator.click();
	const costs = [];
	for ( const char of text ) {
		const start = await page.evaluate( () => performance.now() );
		await page.keyboard.press( char === ' ' ? 'Space' : char );
		const end = await page.evaluate(
			() =>
				new Promise( ( resolve ) =>
					requestAnimationFrame( () =>
						requestAnimationFrame( () =>
							resolve( performance.now() )
						)
					)
				)
		);
		costs.push( end - start );
	}
	return costs;
}

( async () => {
	const browser = await chromium.launch( {
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
		],
	} );
	const page = await browser.newPage( {
		viewport: { width: 1280, height: 900 },
	} );
	await page.goto( `${ BASE }/wp-login.php` );
	await page.fill( '#user_login', 'admin' );
	await page.fill( '#user_pass', 'password' );
	await page.click( '#wp-submit' );
	await page.goto( `${ BASE }/wp-admin/post-new.php` );
	await page.waitForFunction( () =>
		window.wp?.blocks?.getBlockType( 'footprints/track' )
	);
	await page.evaluate( () => {
		const { dispatch } = window.wp.data;
		dispatch( 'core/preferences' ).set(
			'core/edit-post',
			'welcomeGuide',
			false
		);
		dispatch( 'core/block-editor' ).insertBlocks(
			window.wp.blocks.createBlock( 'footprints/track' )
		);
		dispatch( 'core/edit-post' ).openGeneralSidebar( 'edit-post/block' );
	} );
	const sidebar = page.getByRole( 'region', { name: 'Editor settings' } );
	const picker = sidebar.getByRole( 'combobox', { name: 'Event' } );
	await picker.waitFor();

	await sidebar.getByRole( 'button', { name: 'Advanced' } ).click();
	const plain = sidebar.getByRole( 'textbox', {
		name: 'Additional CSS class(es)',
	} );
	// Warm both fields once, then measure.
	await typeTimed( page, plain, 'warm' );
	const baseline = await typeTimed( page, plain, SEARCH );

	const started = Date.now();
	const picking = await typeTimed( page, picker, SEARCH );
	const typedAt = Date.now();
	await page.waitForFunction(
		( search ) =>
			[ ...document.querySelectorAll( '[role=option]' ) ].some( ( o ) =>
				o.textContent.includes( search )
			),
		SEARCH,
		{ timeout: 15000 }
	);
	const shownAfter = Date.now() - typedAt;
	const options = await page.locator( '[role=option]' ).count();
	const total = await page.evaluate( async () => {
		const response = await window.wp.apiFetch( {
			path: '/footprints/v1/definitions?per_page=1',
			parse: false,
		} );
		return Number( response.headers.get( 'X-WP-Total' ) );
	} );
	await browser.close();

	const line = ( label, xs ) =>
		`  ${ label.padEnd( 34 ) } median ${ median( xs ).toFixed( 1 ) } ms   p95 ${ p95( xs ).toFixed( 1 ) } ms`;
	console.log(
		`\nevent picker with ${ total } definitions, typing "${ SEARCH }" (${ SEARCH.length } keys, ${ Date.now() - started } ms)`
	);
	console.log( line( 'per keystroke, plain text field', baseline ) );
	console.log( line( 'per keystroke, event picker', picking ) );
	console.log(
		`  ratio (picker / plain, medians)    ${ ( median( picking ) / median( baseline ) ).toFixed( 2 ) }×`
	);
	console.log(
		`  options shown ${ shownAfter } ms after the last key (250 ms debounce + server search)`
	);
	console.log( `picker: ${ options } options rendered of ${ total }` );
} )().catch( ( error ) => {
	console.error( error );
	process.exit( 1 );
} );
