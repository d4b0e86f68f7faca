/**
 * Listens for the markup contract: one delegated listener per interaction
 * (so elements added later need nothing), an IntersectionObserver for
 * `view`, and a MutationObserver that finds `view` and `load` triggers
 * added after the page loaded.
 */

/**
 * Internal dependencies
 */
import { closestTrigger, triggerOf } from './markup';

const ON_PAGE = '[data-footprints-on=view],[data-footprints-on=load]';

/**
 * Calls `fire` with each element whose trigger happens.
 * @param fire Sends the element's event.
 */
export function watchTriggers( fire: ( element: Element ) => void ) {
	for ( const type of [ 'click', 'submit' ] as const ) {
		// Capture: a handler that stops propagation cannot hide the event.
		addEventListener(
			type,
			( event ) => {
				const element = closestTrigger( event.target, type );
				if ( element ) {
					fire( element );
				}
			},
			true
		);
	}

	// Once per element per page view: never observed or fired twice.
	const handled = new WeakSet< Element >();
	const seen = new IntersectionObserver( ( entries ) =>
		entries.forEach( ( { isIntersecting, target } ) => {
			if ( isIntersecting ) {
				seen.unobserve( target );
				fire( target );
			}
		} )
	);
	const scan = ( root: Node ) =>
		( root as ParentNode )
			.querySelectorAll?.( ON_PAGE )
			.forEach( ( element ) => {
				if ( ! handled.has( element ) ) {
					handled.add( element );
					if ( triggerOf( element ) === 'view' ) {
						seen.observe( element );
					} else {
						fire( element );
					}
				}
			} );

	scan( document );
	// One scan per changed parent finds the added nodes and their children.
	new MutationObserver( ( records ) =>
		records.forEach( ( record ) => scan( record.target ) )
	).observe( document, { childList: true, subtree: true } );
}
