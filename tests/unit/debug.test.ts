/**
 * The debug build (FOOTPRINTS_DEBUG on) logs each delivery and names the
 * event code and the collector's reason code in a refusal; the default
 * build shows the collector's message alone (outbox.test.ts).
 */

/**
 * Internal dependencies
 */
import type { createOutbox as CreateOutbox } from '../../src/client/outbox';

const global = globalThis as unknown as { FOOTPRINTS_DEBUG?: boolean };

it( 'names the event code and the reason code of a refused event, and logs the delivery', async () => {
	jest.useFakeTimers();
	global.FOOTPRINTS_DEBUG = true;
	const info = jest.spyOn( console, 'info' ).mockImplementation( () => {} );
	let createOutbox: typeof CreateOutbox = () => ( {} ) as never;
	jest.isolateModules( () => {
		( { createOutbox } = require( '../../src/client/outbox' ) );
	} );
	const answer = {
		accepted: 0,
		duplicates: 0,
		rejected: [
			{
				index: 0,
				id: 'evt_00000001',
				code: 'footprints_disabled_event',
				message: 'The event is disabled.',
			},
		],
	};
	globalThis.fetch = jest.fn( () =>
		Promise.resolve( {
			status: 200,
			headers: { get: () => null },
			json: () => Promise.resolve( answer ),
		} as unknown as Response )
	);
	const warn = jest.fn();

	const box = createOutbox( '/collect', warn );
	box.add( { id: 'evt_00000001', event: 'old_banner' }, false );
	box.flush();
	await jest.advanceTimersByTimeAsync( 0 );

	expect( warn ).toHaveBeenCalledWith(
		'"old_banner" refused: The event is disabled. (footprints_disabled_event)'
	);
	expect( info ).toHaveBeenCalledWith( 'Footprints', 'delivered', answer );
	delete global.FOOTPRINTS_DEBUG;
	info.mockRestore();
	jest.useRealTimers();
} );
