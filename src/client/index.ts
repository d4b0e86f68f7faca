/**
 * The Footprints client: window.footprints and the markup contract turned
 * into events, checked against the site's definitions and handed to the
 * outbox. No runtime dependencies: it runs on every tracked page view.
 */

/**
 * Internal dependencies
 */
import { coerceAttributes, type Attributes } from '../shared/attributes';
import type { CollectedEvent } from '../shared/types';
import { createApi, replay, type Stub } from './api';
import { consented, deviceId } from './consent';
import { randomId } from './ids';
import { attributesOf } from './markup';
import { createOutbox, MAX_BATCH_LENGTH } from './outbox';
import type { ClientSettings } from './settings';
import { watchTriggers } from './triggers';

const settings: ClientSettings = JSON.parse(
	document.getElementById( 'wp-script-module-data-@footprints/client' )!
		.textContent!
);
const debug = settings.debug || /footprints_debug=1/.test( location.search );
/* eslint-disable no-console -- the console is how a site owner sees problems. */
const log = ( ...details: unknown[] ) =>
	debug && console.info( 'Footprints', ...details );
const warn = ( message: string ) => console.warn( 'Footprints: ' + message );
/* eslint-enable no-console */
const outbox = createOutbox( { url: settings.collect, log, warn } );

function track( code: string, attributes: Attributes = {} ) {
	const schema = settings.events[ code ];
	const allowed = consented( settings.dnt );
	const event: CollectedEvent = {
		id: randomId(),
		event: code,
		attributes:
			schema && ( coerceAttributes( schema, attributes ) as Attributes ),
		time: Date.now(),
		page: location.href,
		referrer: document.referrer,
		device_id: deviceId( allowed, randomId ),
		app_id: settings.app_id,
	};
	let reason = schema ? '' : 'unknown or disabled event';
	if ( typeof event.attributes === 'string' ) {
		reason = event.attributes;
	} else if ( JSON.stringify( event ).length > MAX_BATCH_LENGTH / 2 ) {
		reason = 'too large'; // A batch of one must fit in a request.
	}
	if ( reason ) {
		warn( `"${ code }" not sent: ${ reason }` );
	} else if ( allowed || settings.anonymous ) {
		log( 'track', event );
		outbox.add( event );
	} else {
		log( 'no consent, not sent', event );
	}
}

watchTriggers( ( element ) => {
	const code = element.getAttribute( 'data-footprints-event' )!;
	try {
		track( code, attributesOf( element ) );
	} catch {
		warn( `"${ code }" not sent: data-footprints-attrs is not JSON` );
	}
} );

// Deliver what waits before the page goes away (no unload handler, which
// would keep the page out of the back/forward cache) or when back online.
addEventListener( 'pagehide', outbox.flush );
addEventListener( 'online', outbox.flush );
addEventListener( 'visibilitychange', () => document.hidden && outbox.flush() );

const api = createApi( track );
const stub = ( window as unknown as { footprints?: Stub } ).footprints;
( window as unknown as { footprints: unknown } ).footprints = api;
replay( api, stub );
