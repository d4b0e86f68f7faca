/**
 * Delivers events without losing them. Every event is written to
 * localStorage first and removed only when the collector has answered for
 * it, so a closed tab, a crash or a network failure leaves it for the next
 * attempt or the next page; the collector deduplicates by event id, so an
 * event sent twice is stored once.
 *
 * Batches hold up to 20 events and leave after a short delay, or at once
 * when the page is hidden. Requests use fetch with keepalive, which
 * outlives the page (a click on a link that leaves still delivers) but
 * allows only 64 KiB of bodies in flight: one request at a time, of at
 * most 20,000 UTF-16 characters (60 KB of UTF-8 at worst).
 */

/**
 * Internal dependencies
 */
import type { CollectedEvent, CollectResponse } from '../shared/types';

export interface OutboxOptions {
	url: string;
	log: ( ...details: unknown[] ) => void;
	warn: ( message: string ) => void;
}

export interface Outbox {
	add: ( event: CollectedEvent ) => void;
	/** Sends what it can now: the page is going away, or the network is back. */
	flush: () => void;
}

export const STORAGE_KEY = 'footprints_outbox';
export const MAX_BATCH = 20;
export const MAX_BATCH_LENGTH = 2e4;
export const DELAY_MS = 2e3;
export const MAX_BACKOFF_MS = 6e4;
// Past this (a backend down for days) the oldest events give way.
export const MAX_KEPT = 500;

export function createOutbox( { url, log, warn }: OutboxOptions ): Outbox {
	// Used when localStorage is blocked, and as the last copy written.
	let memory: CollectedEvent[] = [];
	let busy = false;
	let backoff = DELAY_MS;
	let timer: ReturnType< typeof setTimeout > | 0 = 0;

	function read(): CollectedEvent[] {
		try {
			return JSON.parse( localStorage[ STORAGE_KEY ] );
		} catch {
			return memory;
		}
	}

	function write( events: CollectedEvent[] ) {
		memory = events.slice( -MAX_KEPT );
		try {
			localStorage[ STORAGE_KEY ] = JSON.stringify( memory );
		} catch {}
	}

	function schedule( delay: number ) {
		timer ||= setTimeout( send, delay );
	}

	async function send() {
		clearTimeout( timer );
		timer = 0;
		const events = read().slice( 0, MAX_BATCH );
		let body;
		while (
			( body = JSON.stringify( { events } ) ).length > MAX_BATCH_LENGTH
		) {
			events.pop();
		}
		// Offline, a request would only fail: the `online` event flushes.
		if ( busy || ! events[ 0 ] || ! navigator.onLine ) {
			return;
		}
		busy = true;
		try {
			const response = await fetch( url, {
				method: 'POST',
				// No Content-Type header: the JSON goes as text/plain, which
				// needs no CORS preflight to a remote backend.
				body,
				keepalive: true,
			} );
			// Worth retrying: the backend is down or busy. Any other answer
			// is final (a 400 will not get better).
			if ( response.status > 499 || response.status === 429 ) {
				throw response.status;
			}
			write(
				read().filter(
					( event ) => ! events.some( ( { id } ) => id === event.id )
				)
			);
			backoff = DELAY_MS;
			const result: CollectResponse & { message?: string } =
				await response.json();
			log( 'delivered', result );
			// Events the collector refused, or its error for the batch.
			( result.rejected || [ result ] ).forEach( ( { message } ) =>
				warn( message! )
			);
		} catch ( error ) {
			log( 'will retry', error );
			schedule( ( backoff = Math.min( backoff * 2, MAX_BACKOFF_MS ) ) );
		} finally {
			busy = false;
			if ( read()[ 0 ] ) {
				schedule( DELAY_MS );
			}
		}
	}

	schedule( DELAY_MS ); // Events left over from an earlier page.

	return {
		add( event ) {
			const events = read().concat( event );
			write( events );
			if ( events.length < MAX_BATCH ) {
				schedule( DELAY_MS );
			} else {
				setTimeout( send ); // Soon, but not inside the click handler.
			}
		},
		flush: send,
	};
}
