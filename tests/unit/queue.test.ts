/**
 * Internal dependencies
 */
import { createQueue } from '../../src/client/queue';

describe( 'createQueue', () => {
	beforeEach( () => jest.useFakeTimers() );
	afterEach( () => jest.useRealTimers() );

	it( 'sends a full batch at once and keeps order', () => {
		const send = jest.fn();
		const queue = createQueue< number >( { send, maxBatch: 3 } );

		[ 1, 2, 3, 4 ].forEach( queue.push );

		expect( send ).toHaveBeenCalledTimes( 1 );
		expect( send ).toHaveBeenCalledWith( [ 1, 2, 3 ] );
	} );

	it( 'sends what waits after the delay', () => {
		const send = jest.fn();
		const queue = createQueue< string >( { send, delayMs: 2000 } );

		queue.push( 'a' );
		queue.push( 'b' );
		jest.advanceTimersByTime( 1999 );
		expect( send ).not.toHaveBeenCalled();
		jest.advanceTimersByTime( 1 );

		expect( send ).toHaveBeenCalledWith( [ 'a', 'b' ] );
	} );

	it( 'flushes everything at once when the page goes away, in batches', () => {
		const send = jest.fn();
		const queue = createQueue< number >( { send, maxBatch: 2 } );
		queue.push( 1 );

		queue.flush();
		queue.flush();

		expect( send.mock.calls ).toEqual( [ [ [ 1 ] ] ] );
		jest.runAllTimers();
		expect( send ).toHaveBeenCalledTimes( 1 );
	} );
} );
