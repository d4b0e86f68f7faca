/**
 * Listens for the markup contract: one delegated listener per interaction
 * (so elements added later need nothing), an IntersectionObserver for
 * `view`, and a MutationObserver that finds `view` and `load` triggers
 * added after the page loaded. The handlers only find the element and hand
 * it on: the outbox does the rest later.
 */

/**
 * Internal dependencies
 */
import type { Trigger } from '../shared/types';
import { closestTrigger, triggerOf } from './markup';

const ON_PAGE = '[data-footprints-on=view],[data-footprints-on=load]';

/**
 * Calls `fire` with each element whose trigger happens.
 * @param fire Sends the element's event.
 */
export function watchTriggers( fire: ( element: Element ) => void ) {
	const handle = ( event: Event ) => {
		const element = closestTrigger( event.target, event.type as Trigger );
		// A form whose own validation cancelled the submit sent nothing; a
		// click counts whatever the page does with it.
		if (
			element &&
			( event.type === 'click' || ! event.defaultPrevented )
		) {
			fire( element );
		}
	};
	// Clicks in the capture phase: a handler that stops propagation cannot
	// hide them. Submits once they reach the document, when the form's
	// handlers have had their say on whether it is sent.
	addEventListener( 'click', handle, true );
	document.addEventListener( 'submit', handle );

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
	const onPage = ( element: Element ) => {
		if ( ! handled.has( element ) ) {
			handled.add( element );
			if ( triggerOf( element ) === 'view' ) {
				seen.observe( element );
			} else {
				fire( element );
			}
		}
	};
	const scan = ( node: Node ) => {
		if ( ( node as Element ).matches?.( ON_PAGE ) ) {
			onPage( node as Element );
		}
		( node as ParentNode ).querySelectorAll?.( ON_PAGE ).forEach( onPage );
	};

	scan( document );
	// Only what was added, each node once per callback (N appended items
	// are N small scans, not N scans of their parent).
	new MutationObserver( ( records ) =>
		records.forEach( ( record ) => record.addedNodes.forEach( scan ) )
	).observe( document, { childList: true, subtree: true } );
}
