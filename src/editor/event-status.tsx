/**
 * Tells the editor, in the block itself, when its event will not be
 * tracked: unknown (never defined or deleted) or disabled.
 */

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Definition } from '../shared/definition';
import { useDefinition } from './store';

/**
 * Why an event will not be tracked, or null when it will (or is loading).
 * @param code
 * @param definition
 */
export function trackingProblem(
	code: string,
	definition: Definition | null | undefined
): string | null {
	if ( ! code ) {
		return __(
			'Choose the event to send in the block settings.',
			'footprints'
		);
	}
	if ( definition === null ) {
		return sprintf(
			/* translators: %s: event code. */
			__(
				'No event "%s" exists (it may have been deleted), so nothing is tracked. Pick another event.',
				'footprints'
			),
			code
		);
	}
	if ( definition && ! definition.enabled ) {
		return sprintf(
			/* translators: %s: event name. */
			__(
				'"%s" is disabled, so nothing is tracked. Enable it in Footprints or pick another event.',
				'footprints'
			),
			definition.name
		);
	}
	return null;
}

export default function EventStatus( { code }: { code: string } ) {
	const { definition } = useDefinition( code );
	const problem = trackingProblem( code, definition );
	if ( ! problem ) {
		return null;
	}
	return (
		<Notice status="warning" isDismissible={ false }>
			{ problem }
		</Notice>
	);
}
