/**
 * Internal dependencies
 */
import {
	createOutbox,
	MAX_BATCH_LENGTH,
	STORAGE_KEY,
} from '../../src/client/outbox';
import type { CollectedEvent } from '../../src/shared/types';

const answer = ( status: number, body: object = { rejected: [] } ) =>
	Promise.resolve( {
		status,
		json: () => Promise.resolve( body ),
	} as Response );

const event = ( n: number, extra = {} ): CollectedEvent => ( {
	id: `evt_${ String( n ).padStart( 8, '0' ) }`,
	event: 'trial_click',
	...extra,
} );

const sentBatches = ( fetch: jest.Mock ) =>
	fetch.mock.calls.map(
		( [ , init ] ) =>
			JSON.parse( init.body ).events.map(
				( { id }: CollectedEvent ) => id
			) as string[]
	);

const stored = (): CollectedEvent[] =>
	JSON.parse( localStorage[ STORAGE_KEY ] || '[]' );

let fetch: jest.Mock;
let warn: jest.Mock;

function outbox() {
	return createOutbox( { url: '/collect', log: () => {}, warn } );
}

beforeEach( () => {
	jest.useFakeTimers();
	localStorage.clear();
	fetch = jest.fn( () => answer( 200 ) );
	warn = jest.fn();
	global.fetch = fetch;
} );
afterEach( () => jest.useRealTimers() );

describe( 'the outbox', () => {
	it( 'sends a batch after a short delay, in order, with keepalive', async () => {
		const box = outbox();
		[ 1, 2, 3 ].forEach( ( n ) => box.add( event( n ) ) );

		await jest.advanceTimersByTimeAsync( 1999 );
		expect( fetch ).not.toHaveBeenCalled();
		await jest.advanceTimersByTimeAsync( 1 );

		expect( sentBatches( fetch ) ).toEqual( [
			[ 'evt_00000001', 'evt_00000002', 'evt_00000003' ],
		] );
		expect( fetch.mock.calls[ 0 ][ 1 ] ).toMatchObject( {
			method: 'POST',
			keepalive: true,
		} );
		// Sent as text/plain: a remote collector needs no CORS preflight.
		expect( fetch.mock.calls[ 0 ][ 1 ].headers ).toBeUndefined();
		expect( stored() ).toEqual( [] );
	} );

	it( 'sends a full batch of 20 at once', async () => {
		const box = outbox();
		for ( let n = 1; n <= 20; n++ ) {
			box.add( event( n ) );
		}
		await jest.advanceTimersByTimeAsync( 0 );

		expect( sentBatches( fetch )[ 0 ] ).toHaveLength( 20 );
	} );

	it( 'sends at once what waits when the page is hidden', async () => {
		const box = outbox();
		box.add( event( 1 ) );

		box.flush();

		expect( sentBatches( fetch ) ).toEqual( [ [ 'evt_00000001' ] ] );
	} );

	it( 'keeps events in localStorage until the collector answers, for the next page', async () => {
		fetch.mockImplementation( () => new Promise( () => {} ) ); // The page closes first.
		outbox().add( event( 1 ) );
		outbox().flush();
		expect( stored().map( ( { id } ) => id ) ).toEqual( [
			'evt_00000001',
		] );

		fetch.mockImplementation( () => answer( 200 ) );
		outbox(); // The next page view.
		await jest.advanceTimersByTimeAsync( 2000 );

		expect( sentBatches( fetch ).pop() ).toEqual( [ 'evt_00000001' ] );
		expect( stored() ).toEqual( [] );
	} );

	it( 'retries with a growing delay while the network or the backend fails', async () => {
		fetch
			.mockImplementationOnce( () =>
				Promise.reject( new TypeError( 'Failed to fetch' ) )
			)
			.mockImplementationOnce( () => answer( 503 ) );
		const box = outbox();
		box.add( event( 1 ) );
		box.flush();
		await jest.advanceTimersByTimeAsync( 0 );

		await jest.advanceTimersByTimeAsync( 3999 );
		expect( fetch ).toHaveBeenCalledTimes( 1 );
		await jest.advanceTimersByTimeAsync( 1 );
		expect( fetch ).toHaveBeenCalledTimes( 2 ); // After 4 s.
		expect( stored() ).toHaveLength( 1 );

		await jest.advanceTimersByTimeAsync( 7999 );
		expect( fetch ).toHaveBeenCalledTimes( 2 );
		await jest.advanceTimersByTimeAsync( 1 );
		expect( fetch ).toHaveBeenCalledTimes( 3 ); // 8 s later.
		expect( stored() ).toEqual( [] );
	} );

	it( 'retries at once on a flush (back online) without waiting for the delay', async () => {
		fetch.mockImplementationOnce( () =>
			Promise.reject( new TypeError( 'Failed to fetch' ) )
		);
		const box = outbox();
		box.add( event( 1 ) );
		box.flush();
		await jest.advanceTimersByTimeAsync( 0 );

		box.flush();
		await jest.advanceTimersByTimeAsync( 0 );

		expect( fetch ).toHaveBeenCalledTimes( 2 );
		expect( stored() ).toEqual( [] );
	} );

	it( 'does not try while the browser is offline, and keeps the events', async () => {
		const onLine = jest
			.spyOn( navigator, 'onLine', 'get' )
			.mockReturnValue( false );
		const box = outbox();
		box.add( event( 1 ) );
		await jest.advanceTimersByTimeAsync( 60_000 );
		box.flush();

		expect( fetch ).not.toHaveBeenCalled();
		expect( stored() ).toHaveLength( 1 );
		onLine.mockRestore();
	} );

	it( 'drops a batch the collector refuses outright, and says why', async () => {
		fetch.mockImplementationOnce( () =>
			answer( 400, { message: 'Missing parameter(s): events' } )
		);
		const box = outbox();
		box.add( event( 1 ) );
		box.flush();
		await jest.advanceTimersByTimeAsync( 60_000 );

		expect( fetch ).toHaveBeenCalledTimes( 1 );
		expect( stored() ).toEqual( [] );
		expect( warn ).toHaveBeenCalledWith( 'Missing parameter(s): events' );
	} );

	it( 'warns for each event the collector rejected', async () => {
		fetch.mockImplementationOnce( () =>
			answer( 200, {
				rejected: [ { message: 'The event "x" is disabled' } ],
			} )
		);
		const box = outbox();
		box.add( event( 1 ) );
		box.flush();
		await jest.advanceTimersByTimeAsync( 0 );

		expect( warn ).toHaveBeenCalledWith( 'The event "x" is disabled' );
	} );

	it( 'keeps each request under the keepalive limit, one at a time', async () => {
		let answerNow: ( response: Response ) => void = () => {};
		fetch.mockImplementation(
			() => new Promise( ( resolve ) => ( answerNow = resolve ) )
		);
		const box = outbox();
		const large = { page: 'x'.repeat( 4000 ) };
		for ( let n = 1; n <= 8; n++ ) {
			box.add( event( n, large ) );
		}
		box.flush();
		box.flush(); // A second flush while one request is in flight waits.

		expect( fetch ).toHaveBeenCalledTimes( 1 );
		answerNow( await answer( 200 ) );
		await jest.advanceTimersByTimeAsync( 2000 );

		const batches = sentBatches( fetch );
		expect( batches.flat() ).toEqual(
			[ 1, 2, 3, 4, 5, 6, 7, 8 ]
				.slice( 0, batches.flat().length )
				.map( ( n ) => event( n ).id )
		);
		expect( batches ).toHaveLength( 2 );
		for ( const [ , init ] of fetch.mock.calls ) {
			expect( init.body.length ).toBeLessThanOrEqual( MAX_BATCH_LENGTH );
		}
	} );
} );
