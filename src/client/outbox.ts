/**
 * Delivers events without losing them, in any state the browser is in.
 *
 * Memory is the page's truth. With consent, localStorage mirrors it as one
 * key per event (so two tabs never overwrite each other's events), written
 * in the next task and removed once the collector has answered for the
 * event; a page merges what earlier pages left when it starts. Storage is
 * best effort: when it is full, blocked or corrupt, events still go from
 * memory. Without consent nothing is written: events wait in memory and
 * leave with keepalive on `pagehide` at the latest. The collector
 * deduplicates by event id, so an event two tabs both send is stored once.
 *
 * Batches hold up to 20 events and leave after a short delay, or at once
 * when the page is hidden. Requests use fetch with keepalive, which outlives
 * the page (a click on a link that leaves still delivers) but allows only
 * 64 KiB of bodies in flight: one request at a time, of at most 20,000
 * UTF-16 characters (60 KB of UTF-8 at worst).
 *
 * Retry policy, by the collector's answer: a 2xx with the collector's JSON
 * is delivered (refused events are reported with the collector's reason);
 * 400 and 422 are final for the batch (reported with the reason); anything
 * else (network error, 401, 403, 404, 408, 413, 429, 5xx, a page that is
 * not the collector's JSON) is retried with backoff, after `Retry-After`
 * when the answer gives one.
 */

/**
 * Internal dependencies
 */
import type { CollectedEvent, CollectResponse } from '../shared/types';
import { DEBUG, log } from './debug';
import { withStorage } from './storage';

export interface Outbox {
	/** Queues an event; `persist` (consent) lets storage mirror it. */
	add: ( event: CollectedEvent, persist: boolean ) => void;
	/** Page hidden, or network back: mirror now, and send what it can now. */
	flush: () => void;
}

/** An event's storage key is this prefix and its id. */
export const KEY_PREFIX = 'footprints_event_';
export const MAX_BATCH = 20;
export const MAX_BATCH_LENGTH = 2e4;
export const DELAY_MS = 2e3;
export const MAX_BACKOFF_MS = 6e4;
// Past this (a backend down for days) the oldest events give way.
export const MAX_KEPT = 500;

type Answer = Partial< CollectResponse > & { message?: string };

/**
 * Milliseconds a Retry-After header asks to wait (seconds or an HTTP date).
 * @param header The header's value, or null.
 */
export const retryAfterMs = ( header: string | null ): number =>
	header ? +header * 1e3 || Date.parse( header ) - Date.now() || 0 : 0;

/**
 * The page's outbox.
 * @param url  The collector.
 * @param warn Shows the collector's reason for an event or a batch it refused.
 */
export function createOutbox(
	url: string,
	warn: ( message: string ) => void
): Outbox {
	let events: CollectedEvent[] = [];
	// Consented events not yet mirrored to storage.
	let unsaved: CollectedEvent[] = [];
	// Events whose request has not answered yet.
	let inFlight: CollectedEvent[] = [];
	let backoff = DELAY_MS;
	let notBefore = 0;
	let timer: ReturnType< typeof setTimeout > | 0 = 0;

	// What earlier pages (or other tabs) left: each key holds one event.
	withStorage( ( storage ) => {
		// Storage's own methods, enumerated too, fail the prefix test.
		for ( const key in storage ) {
			if ( key.startsWith( KEY_PREFIX ) ) {
				try {
					const event = JSON.parse( storage.getItem( key )! );
					if ( ! event.id ) {
						throw key;
					}
					events.push( event );
				} catch {
					storage.removeItem( key ); // Corrupt: nothing to deliver.
				}
			}
		}
	} );

	// A write that fails (quota full) leaves the event in memory only.
	const mirror = () =>
		unsaved
			.splice( 0 )
			.forEach( ( event ) =>
				withStorage( ( storage ) =>
					storage.setItem(
						KEY_PREFIX + event.id,
						JSON.stringify( event )
					)
				)
			);

	/**
	 * Takes events out of memory and storage: delivered, refused or too old.
	 * @param gone Those events.
	 */
	function forget( gone: CollectedEvent[] ) {
		events = events.filter( ( event ) => ! gone.includes( event ) );
		unsaved = unsaved.filter( ( event ) => ! gone.includes( event ) );
		withStorage( ( storage ) =>
			gone.forEach( ( { id } ) => storage.removeItem( KEY_PREFIX + id ) )
		);
	}

	function schedule( delay: number ) {
		timer ||= setTimeout( send, delay );
	}

	/**
	 * Sends the oldest events not in flight, one request at a time; a page
	 * that is going away sends beside one in flight (3 fit in 64 KiB).
	 * @param now The page is hidden or back online.
	 */
	async function send( now?: boolean ) {
		clearTimeout( timer );
		timer = 0;
		const batch = events
			.filter( ( event ) => ! inFlight.includes( event ) )
			.slice( 0, MAX_BATCH );
		// Offline, a request would only fail: the `online` event flushes.
		if (
			( inFlight[ 0 ] && ! now ) ||
			! batch[ 0 ] ||
			! navigator.onLine
		) {
			return;
		}
		if ( Date.now() < notBefore ) {
			return schedule( notBefore - Date.now() );
		}
		let body;
		while (
			( body = JSON.stringify( { events: batch } ) ).length >
			MAX_BATCH_LENGTH
		) {
			if ( ! batch[ 1 ] ) {
				// One event larger than any request may be: it never leaves.
				forget( batch );
				warn( batch[ 0 ].event + ' not sent: too large' );
				return send( now );
			}
			batch.pop();
		}
		inFlight = inFlight.concat( batch );
		let wait = 0;
		try {
			const response = await fetch( url, {
				method: 'POST',
				// No Content-Type header: the JSON goes as text/plain, which
				// needs no CORS preflight to a remote backend.
				body,
				keepalive: true,
			} );
			const { status } = response;
			wait = retryAfterMs( response.headers.get( 'Retry-After' ) );
			// Not JSON (an HTML page from a cache or a firewall): undefined.
			const answer: Answer | undefined = await response
				.json()
				.catch( () => {} );
			if ( status === 400 || status === 422 ) {
				forget( batch );
				warn( answer?.message || 'HTTP ' + status );
			} else if ( status < 300 && answer?.rejected ) {
				forget( batch );
				if ( DEBUG ) {
					log( 'delivered', answer );
				}
				answer.rejected.forEach( ( refused ) =>
					warn(
						DEBUG
							? `"${ batch[ refused.index ]?.event }" refused: ${ refused.message } (${ refused.code })`
							: refused.message
					)
				);
			} else {
				throw status;
			}
			backoff = DELAY_MS;
		} catch ( problem ) {
			backoff = Math.min( backoff * 2, MAX_BACKOFF_MS );
			notBefore = Date.now() + wait;
			if ( DEBUG ) {
				log( 'will retry', problem );
			}
			schedule( Math.max( backoff, wait ) );
		} finally {
			inFlight = inFlight.filter(
				( event ) => ! batch.includes( event )
			);
			if ( events[ 0 ] ) {
				schedule( DELAY_MS );
			}
		}
	}

	schedule( DELAY_MS ); // Events left over from an earlier page.

	return {
		add( event, persist ) {
			events.push( event );
			if ( persist && unsaved.push( event ) < 2 ) {
				setTimeout( mirror ); // In the next task, not in the click handler.
			}
			if ( events[ MAX_KEPT ] ) {
				setTimeout( forget, 0, events.slice( 0, -MAX_KEPT ) );
			}
			if ( events.length < MAX_BATCH ) {
				schedule( DELAY_MS );
			} else {
				setTimeout( send ); // Soon, but not inside the click handler.
			}
		},
		flush() {
			mirror();
			send( true );
		},
	};
}
