/**
 * Turns a call (or a trigger) into an event for the outbox: the page's
 * settings say which codes it may send and what consent allows; the
 * attributes go as given, since the collector is the one place that types
 * and checks them and answers for each event.
 */

/**
 * Internal dependencies
 */
import type { Attributes } from '../shared/attributes';
import { consented } from './consent';
import { DEBUG, log } from './debug';
import { randomId } from './ids';
import type { Outbox } from './outbox';
import type { ClientSettings } from './settings';

/**
 * The tracking function of a page.
 * @param settings What the site tells the client.
 * @param outbox   Where events wait to be delivered.
 * @param deviceId The browser's id when consent allows one.
 * @param warn     Shows why an event was not sent.
 */
export function createTracker(
	settings: ClientSettings,
	outbox: Outbox,
	deviceId: ( allowed: boolean ) => string | undefined,
	warn: ( message: string ) => void
) {
	/**
	 * @param code       Event code.
	 * @param attributes As given: the collector types them.
	 * @param time       When it happened (a trigger's click, a moment ago).
	 * @param page       The URL then (a click may change it right after).
	 */
	return (
		code: string,
		attributes?: Attributes,
		time = Date.now(),
		page = location.href
	) => {
		// An array, so `constructor` or `__proto__` find nothing inherited.
		if ( ! settings.events.includes( code ) ) {
			// The PHP filter footprints_client_events adds codes (README).
			return warn( code + ' not sent: not enabled on this page' );
		}
		const allowed = consented( settings.dnt );
		if ( ! allowed && settings.without_consent === 'none' ) {
			if ( DEBUG ) {
				log( 'no consent, not sent', code );
			}
			return;
		}
		const event = {
			id: randomId(),
			event: code,
			attributes,
			time,
			page,
			referrer: document.referrer,
			device_id: deviceId( allowed ),
			app_id: settings.app_id,
		};
		if ( DEBUG ) {
			log( 'track', event );
		}
		outbox.add( event, allowed );
	};
}
