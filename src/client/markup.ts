/**
 * Reads the markup contract that blocks and shortcodes render:
 * data-footprints-event, data-footprints-on, data-footprints-attrs.
 */

/**
 * Internal dependencies
 */
import { TRIGGERS, type AttributeValue, type Trigger } from '../shared/types';

export const EVENT_ATTRIBUTE = 'data-footprints-event';

export interface MarkupTrigger {
	code: string;
	on: Trigger;
	attributes: Record< string, AttributeValue >;
}

/**
 * The trigger an element declares, or an error message saying what is
 * wrong with its markup.
 * @param element
 */
export function readTrigger( element: Element ): MarkupTrigger | string {
	const code = element.getAttribute( EVENT_ATTRIBUTE ) ?? '';
	const on = ( element.getAttribute( 'data-footprints-on' ) ||
		'click' ) as Trigger;
	if ( ! TRIGGERS.includes( on ) ) {
		return `data-footprints-on="${ on }" on "${ code }" is not one of ${ TRIGGERS.join(
			', '
		) }`;
	}
	const json = element.getAttribute( 'data-footprints-attrs' );
	if ( ! json ) {
		return { code, on, attributes: {} };
	}
	try {
		const attributes: unknown = JSON.parse( json );
		if (
			attributes &&
			typeof attributes === 'object' &&
			! Array.isArray( attributes )
		) {
			return {
				code,
				on,
				attributes: attributes as Record< string, AttributeValue >,
			};
		}
	} catch {}
	return `data-footprints-attrs on "${ code }" must be a JSON object, like {"plan":"pro"}`;
}

/**
 * The closest element with a trigger for this kind of interaction, so a
 * click on an icon inside a tracked button counts for the button.
 * @param target
 * @param on
 */
export function closestTrigger(
	target: EventTarget | null,
	on: Trigger
): Element | null {
	let element =
		target instanceof Element
			? target.closest( `[${ EVENT_ATTRIBUTE }]` )
			: null;
	while ( element ) {
		if (
			( element.getAttribute( 'data-footprints-on' ) || 'click' ) === on
		) {
			return element;
		}
		element =
			element.parentElement?.closest( `[${ EVENT_ATTRIBUTE }]` ) ?? null;
	}
	return null;
}
