/**
 * An event as a picker option or a label: a swatch in its color, then its
 * name (styles: src/shared/event-option.scss).
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

interface Props {
	/** The event's color; none for an event that is not known. */
	color?: string;
	children: ReactNode;
}

export default function EventOption( { color, children }: Props ) {
	return (
		<span className="footprints-event-option">
			<span
				className="footprints-event-option__swatch"
				style={ { background: color ?? 'transparent' } }
				aria-hidden="true"
			/>
			{ children }
		</span>
	);
}
