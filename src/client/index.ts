/**
 * The Footprints client: window.footprints and the markup contract turned
 * into events for the outbox. No runtime dependencies: it runs on every
 * tracked page view.
 */

/**
 * Internal dependencies
 */
import { createApi, install, type FootprintsApi, type Stub } from './api';
import { consented, createDeviceId } from './consent';
import { warn } from './debug';
import { randomId } from './ids';
import { attributesOf } from './markup';
import { formAttributes, handOff } from './forms';
import { createOutbox } from './outbox';
import type { ClientSettings } from './settings';
import { createTracker } from './tracker';
import { watchTriggers } from './triggers';

const settings: ClientSettings = JSON.parse(
	document.getElementById( 'wp-script-module-data-@footprints/client' )!
		.textContent!
);
const outbox = createOutbox( settings.collect, warn );
const deviceId = createDeviceId( randomId );
const track = createTracker( settings, outbox, deviceId, warn );

// What triggers fired, with when and where; the rest of the work is done
// in the next task, so a click handler only notes these three.
const fired: Array< [ Element, number, string ] > = [];

function trackFired() {
	fired.splice( 0 ).forEach( ( [ element, time, url ] ) => {
		const code = element.getAttribute( 'data-footprints-event' )!;
		try {
			track( code, attributesOf( element ), time, url );
		} catch {
			warn( code + ' not sent: data-footprints-attrs is not JSON' );
		}
	} );
}

watchTriggers( ( element ) => {
	if ( fired.push( [ element, Date.now(), location.href ] ) < 2 ) {
		setTimeout( trackFired );
	}
} );

// Before any form plugin's handler serialises or cancels the submit, so
// its request (or the next one) carries the device to the server's hooks.
addEventListener(
	'submit',
	() => handOff( deviceId( consented( settings.dnt ) ) ),
	true
);
// Any other form, once its handlers let the submit go on.
document.addEventListener( 'submit', ( event ) => {
	const attributes =
		settings.forms &&
		! event.defaultPrevented &&
		formAttributes( event.target as HTMLFormElement, settings.forms );
	if ( attributes ) {
		track( 'form_submission', attributes );
	}
} );

// Deliver what waits before the page goes away (no unload handler, which
// would keep the page out of the back/forward cache) or when back online.
const flush = () => {
	trackFired();
	outbox.flush();
};
addEventListener( 'pagehide', flush );
addEventListener( 'online', flush );
addEventListener( 'visibilitychange', () => document.hidden && flush() );

const page = window as unknown as { footprints?: Stub | FootprintsApi };
page.footprints = install(
	createApi( track, ( code ) => settings.events.includes( code ) ),
	page.footprints as Stub
);
