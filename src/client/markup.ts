/**
 * Reads the markup contract that blocks and shortcodes render:
 * data-footprints-event, data-footprints-on (click by default, submit,
 * view, load) and data-footprints-attrs (JSON, so types survive).
 */

/**
 * Internal dependencies
 */
import type { Attributes } from '../shared/attributes';
import type { Trigger } from '../shared/types';

export const EVENT_ATTRIBUTE = 'data-footprints-event';
const TRIGGER = `[${ EVENT_ATTRIBUTE }]`;

export const triggerOf = ( element: Element ): Trigger =>
	( element.getAttribute( 'data-footprints-on' ) || 'click' ) as Trigger;

/**
 * The attributes an element declares. Throws when they are not JSON.
 * @param element A trigger.
 */
export const attributesOf = ( element: Element ): Attributes =>
	JSON.parse( element.getAttribute( 'data-footprints-attrs' ) || '{}' );

/**
 * The closest element with a trigger for this kind of interaction, so a
 * click on an icon inside a tracked button counts for the button, and a
 * `view` milestone around a link does not swallow the link's click.
 * @param target Where the interaction happened.
 * @param on     Its kind.
 */
export function closestTrigger(
	target: EventTarget | null,
	on: Trigger
): Element | null | undefined {
	let element: Element | null | undefined = ( target as Element ).closest?.(
		TRIGGER
	);
	while ( element && triggerOf( element ) !== on ) {
		element = element.parentElement?.closest( TRIGGER );
	}
	return element;
}
