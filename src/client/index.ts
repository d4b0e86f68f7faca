/**
 * The Footprints client: turns the markup contract into events and
 * delivers them to the collector. No runtime dependencies.
 */

/**
 * Internal dependencies
 */
import type {
	AttributeValue,
	CollectedEvent,
	CollectResponse,
	Trigger,
} from '../shared/types';
import { closestTrigger, EVENT_ATTRIBUTE, readTrigger } from './markup';
import { createQueue } from './queue';

interface Settings {
	collect: string;
}

const settings = JSON.parse(
	document.getElementById( 'wp-script-module-data-@footprints/client' )
		?.textContent || '{}'
) as Settings;

function randomId(): string {
	const bytes = crypto.getRandomValues( new Uint8Array( 16 ) );
	return Array.from( bytes, ( byte ) =>
		byte.toString( 16 ).padStart( 2, '0' )
	).join( '' );
}

function deliver( batch: CollectedEvent[] ) {
	fetch( settings.collect, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify( { events: batch } ),
		keepalive: true,
		credentials: 'omit',
	} )
		.then( ( response ) => response.json() as Promise< CollectResponse > )
		.then( ( result ) =>
			result.rejected?.forEach( ( { message } ) =>
				// eslint-disable-next-line no-console
				console.warn( `Footprints: ${ message }` )
			)
		)
		.catch( () => {} );
}

const queue = createQueue( { send: deliver } );

function track(
	code: string,
	attributes: Record< string, AttributeValue > = {}
) {
	queue.push( {
		id: randomId(),
		event: code,
		attributes,
		time: Date.now(),
		page: location.href,
		referrer: document.referrer,
	} );
}

function fire( element: Element ) {
	const trigger = readTrigger( element );
	if ( typeof trigger === 'string' ) {
		// eslint-disable-next-line no-console
		console.warn( `Footprints: ${ trigger }` );
		return;
	}
	track( trigger.code, trigger.attributes );
}

function listen( type: string, on: Trigger ) {
	document.addEventListener(
		type,
		( event ) => {
			const element = closestTrigger( event.target, on );
			if ( element ) {
				fire( element );
			}
		},
		true
	);
}

listen( 'click', 'click' );
listen( 'submit', 'submit' );

const seen = new IntersectionObserver( ( entries ) => {
	for ( const entry of entries ) {
		if ( entry.isIntersecting ) {
			seen.unobserve( entry.target );
			fire( entry.target );
		}
	}
} );

for ( const element of document.querySelectorAll( `[${ EVENT_ATTRIBUTE }]` ) ) {
	const on = element.getAttribute( 'data-footprints-on' );
	if ( on === 'view' ) {
		seen.observe( element );
	} else if ( on === 'load' ) {
		fire( element );
	}
}

// Deliver what is waiting before the page goes away (no unload handler:
// it breaks the back/forward cache).
addEventListener( 'pagehide', queue.flush );
document.addEventListener( 'visibilitychange', () => {
	if ( document.visibilityState === 'hidden' ) {
		queue.flush();
	}
} );

( window as unknown as { footprints: object } ).footprints = { track };
