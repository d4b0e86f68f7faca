/**
 * The outbox: memory is the truth, storage a mirror of consented events
 * (one key per event), and the collector's answer decides what is
 * delivered, retried or dropped.
 */

/**
 * Internal dependencies
 */
import {
	createOutbox,
	KEY_PREFIX,
	MAX_BATCH_LENGTH,
	MAX_KEPT,
} from '../../src/client/outbox';
import type { CollectedEvent } from '../../src/shared/types';

const collectorJson = { accepted: 1, duplicates: 0, rejected: [] };

function answer(
	status: number,
	body: object | string = collectorJson,
	headers: Record< string, string > = {}
) {
	const text = typeof body === 'string' ? body : JSON.stringify( body );
	// What the outbox reads of a fetch Response (jsdom has none).
	return Promise.resolve( {
		status,
		headers: { get: ( name: string ) => headers[ name ] ?? null },
		json: () => Promise.resolve().then( () => JSON.parse( text ) ),
	} as unknown as Response );
}

const event = ( n: number, extra = {} ): CollectedEvent => ( {
	id: `evt_${ String( n ).padStart( 8, '0' ) }`,
	event: 'trial_click',
	time: 1_700_000_000_000 + n,
	...extra,
} );

const ids = ( ...numbers: number[] ) => numbers.map( ( n ) => event( n ).id );

/**
 * Ids of each request's events, in order.
 * @param fetch
 */
const sentBatches = ( fetch: jest.Mock ) =>
	fetch.mock.calls.map( ( [ , init ] ) =>
		JSON.parse( init.body ).events.map( ( { id }: CollectedEvent ) => id )
	);

/** Ids of the events storage holds, sorted. */
const storedIds = () =>
	Object.keys( localStorage )
		.filter( ( key ) => key.startsWith( KEY_PREFIX ) )
		.map( ( key ) => JSON.parse( localStorage.getItem( key )! ).id )
		.sort();

let fetch: jest.Mock;
let warn: jest.Mock;

const outbox = () => createOutbox( '/collect', warn );

/**
 * Adds consented events 1..n.
 * @param          box
 * @param {...any} numbers
 */
function addAll( box: ReturnType< typeof outbox >, ...numbers: number[] ) {
	numbers.forEach( ( n ) => box.add( event( n ), true ) );
}

beforeEach( () => {
	jest.useFakeTimers();
	localStorage.clear();
	fetch = jest.fn( () => answer( 200 ) );
	warn = jest.fn();
	global.fetch = fetch;
} );
afterEach( () => jest.useRealTimers() );

describe( 'sending', () => {
	it( 'sends a batch after 2 s, in order, with keepalive, as text/plain', async () => {
		const box = outbox();
		addAll( box, 1, 2, 3 );

		await jest.advanceTimersByTimeAsync( 1999 );
		expect( fetch ).not.toHaveBeenCalled();
		await jest.advanceTimersByTimeAsync( 1 );

		expect( sentBatches( fetch ) ).toEqual( [ ids( 1, 2, 3 ) ] );
		expect( fetch.mock.calls[ 0 ][ 1 ] ).toMatchObject( {
			method: 'POST',
			keepalive: true,
		} );
		// No header: text/plain needs no CORS preflight to a remote collector.
		expect( fetch.mock.calls[ 0 ][ 1 ].headers ).toBeUndefined();
		expect( storedIds() ).toEqual( [] );
	} );

	it( 'sends a full batch of 20 in the next task', async () => {
		const box = outbox();
		addAll( box, ...Array.from( { length: 20 }, ( _, n ) => n + 1 ) );
		expect( fetch ).not.toHaveBeenCalled(); // Not inside the click.

		await jest.advanceTimersByTimeAsync( 0 );

		expect( sentBatches( fetch ) ).toEqual( [
			ids( ...Array.from( { length: 20 }, ( _, n ) => n + 1 ) ),
		] );
	} );

	it( 'keeps each request under the keepalive limit, and sends a second one when the page goes away', async () => {
		let answerFirst: ( response: Response ) => void = () => {};
		fetch.mockImplementationOnce(
			() => new Promise( ( resolve ) => ( answerFirst = resolve ) )
		);
		const box = outbox();
		const large = { page: 'x'.repeat( 4000 ) };
		for ( let n = 1; n <= 8; n++ ) {
			box.add( event( n, large ), true );
		}
		box.flush();
		await jest.advanceTimersByTimeAsync( 2000 );
		expect( sentBatches( fetch ) ).toEqual( [ ids( 1, 2, 3, 4 ) ] );

		box.flush(); // pagehide while the first request is in flight.

		expect( sentBatches( fetch ) ).toEqual( [
			ids( 1, 2, 3, 4 ),
			ids( 5, 6, 7, 8 ),
		] );
		answerFirst( await answer( 200 ) );
		await jest.advanceTimersByTimeAsync( 0 );
		for ( const [ , init ] of fetch.mock.calls ) {
			expect( init.body.length ).toBeLessThanOrEqual( MAX_BATCH_LENGTH );
		}
		expect( storedIds() ).toEqual( [] );
	} );

	it( 'drops one event too large for any request, says so, and sends the rest', async () => {
		const box = outbox();
		box.add( event( 1, { page: 'x'.repeat( MAX_BATCH_LENGTH ) } ), true );
		box.add( event( 2 ), true );
		box.flush();
		await jest.advanceTimersByTimeAsync( 0 );

		expect( sentBatches( fetch ) ).toEqual( [ ids( 2 ) ] );
		expect( warn ).toHaveBeenCalledWith(
			'trial_click not sent: too large'
		);
	} );

	it( 'does not try while the browser is offline, and sends at once when back online', async () => {
		const onLine = jest
			.spyOn( navigator, 'onLine', 'get' )
			.mockReturnValue( false );
		const box = outbox();
		addAll( box, 1, 2 );
		await jest.advanceTimersByTimeAsync( 60_000 );
		box.flush();
		expect( fetch ).not.toHaveBeenCalled();
		expect( storedIds() ).toEqual( ids( 1, 2 ) );

		onLine.mockReturnValue( true );
		box.flush(); // The `online` event.
		await jest.advanceTimersByTimeAsync( 0 );

		expect( sentBatches( fetch ) ).toEqual( [ ids( 1, 2 ) ] );
		expect( storedIds() ).toEqual( [] );
		onLine.mockRestore();
	} );

	it( 'gives the oldest events up past 500 waiting', async () => {
		jest.spyOn( navigator, 'onLine', 'get' ).mockReturnValue( false );
		const box = outbox();
		for ( let n = 1; n <= MAX_KEPT + 2; n++ ) {
			box.add( event( n ), true );
		}
		await jest.advanceTimersByTimeAsync( 0 );

		expect( storedIds() ).toHaveLength( MAX_KEPT );
		expect( storedIds()[ 0 ] ).toBe( event( 3 ).id );
		jest.restoreAllMocks();
	} );
} );

describe( 'what each answer of the collector does', () => {
	async function deliverOneThen(
		...responses: Array< () => Promise< Response > >
	) {
		responses.forEach( ( response ) =>
			fetch.mockImplementationOnce( response )
		);
		const box = outbox();
		box.add( event( 1 ), true );
		box.flush();
		await jest.advanceTimersByTimeAsync( 0 );
		return box;
	}

	it.each( [
		[
			'a network error',
			() => Promise.reject( new TypeError( 'Failed to fetch' ) ),
		],
		[
			'401 from a security plugin',
			() => answer( 401, { code: 'rest_forbidden' } ),
		],
		[
			'403 from a firewall',
			() => answer( 403, '<html>Forbidden</html>' ),
		],
		[
			'404 from a mistyped remote URL',
			() => answer( 404, { code: 'rest_no_route' } ),
		],
		[ '408', () => answer( 408, '' ) ],
		[ '413', () => answer( 413, '' ) ],
		[ '429', () => answer( 429, '' ) ],
		[ '500', () => answer( 500, '' ) ],
		[ '503', () => answer( 503, { message: 'down' } ) ],
		[
			'a 200 HTML page from a cache plugin',
			() => answer( 200, '<html>cached</html>' ),
		],
		[
			"a 200 JSON that is not the collector's",
			() => answer( 200, { ok: true } ),
		],
	] )(
		'retries after %s with backoff, keeping the event',
		async ( _, first ) => {
			await deliverOneThen( first );
			expect( fetch ).toHaveBeenCalledTimes( 1 );
			expect( storedIds() ).toEqual( ids( 1 ) );

			await jest.advanceTimersByTimeAsync( 3999 );
			expect( fetch ).toHaveBeenCalledTimes( 1 );
			await jest.advanceTimersByTimeAsync( 1 );

			expect( sentBatches( fetch ) ).toEqual( [ ids( 1 ), ids( 1 ) ] );
			expect( storedIds() ).toEqual( [] );
			expect( warn ).not.toHaveBeenCalled();
		}
	);

	it( 'doubles the delay on each failure, up to 60 s', async () => {
		fetch.mockImplementation( () => answer( 503, '' ) );
		await deliverOneThen();
		const times: number[] = [];
		for ( let second = 1; second <= 200; second++ ) {
			await jest.advanceTimersByTimeAsync( 1000 );
			if ( fetch.mock.calls.length > times.length + 1 ) {
				times.push( second );
			}
		}

		// 4, 8, 16, 32, 60, 60 seconds apart.
		expect( times.slice( 0, 6 ) ).toEqual( [ 4, 12, 28, 60, 120, 180 ] );
	} );

	it( 'waits what Retry-After asks, in seconds, even when the page flushes', async () => {
		const box = await deliverOneThen( () =>
			answer( 429, '', { 'Retry-After': '30' } )
		);

		box.flush();
		await jest.advanceTimersByTimeAsync( 29_999 );
		expect( fetch ).toHaveBeenCalledTimes( 1 );
		await jest.advanceTimersByTimeAsync( 1 );

		expect( fetch ).toHaveBeenCalledTimes( 2 );
		expect( storedIds() ).toEqual( [] );
	} );

	it( 'waits what Retry-After asks as an HTTP date', async () => {
		const inAMinute = new Date( Date.now() + 60_000 ).toUTCString();
		await deliverOneThen( () =>
			answer( 503, '', { 'Retry-After': inAMinute } )
		);

		// Within the second the date is rounded to.
		await jest.advanceTimersByTimeAsync( 59_000 - 1000 );
		expect( fetch ).toHaveBeenCalledTimes( 1 );
		await jest.advanceTimersByTimeAsync( 2000 );

		expect( fetch ).toHaveBeenCalledTimes( 2 );
	} );

	it.each( [ 400, 422 ] )(
		"drops the batch on %i and shows the collector's reason",
		async ( status ) => {
			await deliverOneThen( () =>
				answer( status, { message: 'Missing parameter(s): events' } )
			);
			await jest.advanceTimersByTimeAsync( 120_000 );

			expect( fetch ).toHaveBeenCalledTimes( 1 );
			expect( storedIds() ).toEqual( [] );
			expect( warn ).toHaveBeenCalledWith(
				'Missing parameter(s): events'
			);
		}
	);

	it( 'drops a batch refused with no JSON reason, naming the status', async () => {
		await deliverOneThen( () => answer( 400, '<html>Bad Request</html>' ) );

		expect( warn ).toHaveBeenCalledWith( 'HTTP 400' );
		expect( storedIds() ).toEqual( [] );
	} );

	it( "shows the collector's reason for each event it refused, and keeps none", async () => {
		await deliverOneThen( () =>
			answer( 200, {
				accepted: 0,
				duplicates: 0,
				rejected: [
					{
						index: 0,
						id: event( 1 ).id,
						code: 'footprints_disabled_event',
						message: 'The event "trial_click" is disabled',
					},
				],
			} )
		);

		expect( warn ).toHaveBeenCalledWith(
			'The event "trial_click" is disabled'
		);
		expect( storedIds() ).toEqual( [] );
		await jest.advanceTimersByTimeAsync( 120_000 );
		expect( fetch ).toHaveBeenCalledTimes( 1 );
	} );
} );

describe( 'storage', () => {
	it( 'mirrors each consented event under its own key in the next task, not during the click', async () => {
		const box = outbox();
		box.add( event( 1 ), true );
		expect( storedIds() ).toEqual( [] );

		await jest.advanceTimersByTimeAsync( 0 );

		expect( localStorage.getItem( KEY_PREFIX + event( 1 ).id ) ).toBe(
			JSON.stringify( event( 1 ) )
		);
	} );

	it( 'mirrors at once when the page is hidden', () => {
		fetch.mockImplementation( () => new Promise( () => {} ) );
		const box = outbox();
		box.add( event( 1 ), true );

		box.flush();

		expect( storedIds() ).toEqual( ids( 1 ) );
	} );

	it( 'delivers on the next page what a closed page left', async () => {
		fetch.mockImplementation( () => new Promise( () => {} ) ); // Closed first.
		const first = outbox();
		addAll( first, 1, 2 );
		first.flush();

		fetch.mockImplementation( () => answer( 200 ) );
		outbox(); // The next page view.
		await jest.advanceTimersByTimeAsync( 2000 );

		expect( sentBatches( fetch ).pop() ).toEqual( ids( 1, 2 ) );
		expect( storedIds() ).toEqual( [] );
	} );

	it( 'loses nothing between two tabs writing at once', async () => {
		fetch.mockImplementation( () => new Promise( () => {} ) );
		const tabA = outbox();
		const tabB = outbox();
		// Interleaved, as two tabs clicking at the same time.
		tabA.add( event( 1 ), true );
		tabB.add( event( 2 ), true );
		tabA.add( event( 3 ), true );
		tabB.add( event( 4 ), true );
		await jest.advanceTimersByTimeAsync( 0 );

		expect( storedIds() ).toEqual( ids( 1, 2, 3, 4 ) );

		fetch.mockImplementation( () => answer( 200 ) );
		const next = outbox();
		next.flush();
		await jest.advanceTimersByTimeAsync( 0 );
		// Each once; the order between tabs is the events' times.
		expect( sentBatches( fetch ).pop().sort() ).toEqual(
			ids( 1, 2, 3, 4 )
		);
	} );

	it( 'a tab that delivers removes only its own events', async () => {
		const tabA = outbox();
		let answerB: ( response: Response ) => void = () => {};
		tabA.add( event( 1 ), true );
		await jest.advanceTimersByTimeAsync( 0 );
		fetch.mockImplementationOnce(
			() => new Promise( ( resolve ) => ( answerB = resolve ) )
		);
		const tabB = outbox(); // Starts with event 1 merged in.
		tabB.add( event( 2 ), true );
		tabB.flush();

		tabA.flush();
		await jest.advanceTimersByTimeAsync( 0 );

		expect( storedIds() ).toEqual( ids( 2 ) );
		answerB( await answer( 200 ) );
		await jest.advanceTimersByTimeAsync( 0 );
		expect( storedIds() ).toEqual( [] );
	} );

	it( 'still sends every event when storage is full', async () => {
		// jsdom's quota is 5 MB: fill it with another script's data.
		localStorage.setItem( 'other_script', 'x'.repeat( 4_999_980 ) );
		expect( () => localStorage.setItem( 'probe', 'xxxxxx' ) ).toThrow();
		const box = outbox();
		addAll( box, 1, 2, 3 );
		await jest.advanceTimersByTimeAsync( 0 );
		expect( storedIds() ).toEqual( [] );

		await jest.advanceTimersByTimeAsync( 2000 );
		addAll( box, 4 );
		await jest.advanceTimersByTimeAsync( 2000 );

		expect( sentBatches( fetch ) ).toEqual( [ ids( 1, 2, 3 ), ids( 4 ) ] );
	} );

	it( 'still sends every event when storage is blocked', async () => {
		const blocked = jest
			.spyOn( window, 'localStorage', 'get' )
			.mockImplementation( () => {
				throw new DOMException( 'denied', 'SecurityError' );
			} );
		const box = outbox();
		addAll( box, 1, 2 );
		await jest.advanceTimersByTimeAsync( 2000 );

		expect( sentBatches( fetch ) ).toEqual( [ ids( 1, 2 ) ] );
		blocked.mockRestore();
	} );

	it( 'skips and removes a corrupt stored event, and delivers the others', async () => {
		localStorage.setItem( KEY_PREFIX + 'broken', '{not json' );
		localStorage.setItem( KEY_PREFIX + 'empty', '{}' );
		localStorage.setItem(
			KEY_PREFIX + event( 1 ).id,
			JSON.stringify( event( 1 ) )
		);

		outbox();
		await jest.advanceTimersByTimeAsync( 2000 );

		expect( sentBatches( fetch ) ).toEqual( [ ids( 1 ) ] );
		expect( Object.keys( localStorage ) ).toEqual( [] );
	} );

	it( 'writes nothing to storage without consent, and still sends', async () => {
		const box = outbox();
		box.add( event( 1 ), false );
		box.add( event( 2 ), false );
		box.flush(); // pagehide.

		expect( Object.keys( localStorage ) ).toEqual( [] );
		expect( sentBatches( fetch ) ).toEqual( [ ids( 1, 2 ) ] );
		expect( fetch.mock.calls[ 0 ][ 1 ].keepalive ).toBe( true );
		await jest.advanceTimersByTimeAsync( 5000 );
		expect( Object.keys( localStorage ) ).toEqual( [] );
	} );
} );
