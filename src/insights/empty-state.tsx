/**
 * What a view shows when it has nothing to show: what it would show, and
 * how to get there.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

interface Props {
	title: string;
	children: ReactNode;
}

export default function EmptyState( { title, children }: Props ) {
	return (
		<div className="footprints-empty">
			<h2>{ title }</h2>
			<p>{ children }</p>
		</div>
	);
}
