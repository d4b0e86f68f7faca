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

export interface TrackerOptions {
	settings: ClientSettings;
	outbox: Outbox;
	deviceId: ( allowed: boolean ) => string | undefined;
	warn: ( message: string ) => void;
}

export function createTracker( {
	settings,
	outbox,
	deviceId,
	warn,
}: TrackerOptions ) {
	return ( code: string, attributes?: Attributes ) => {
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
			time: Date.now(),
			page: location.href,
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
