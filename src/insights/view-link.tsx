/**
 * A link to an insights view: a real link (open in a new tab, copy, share
 * all work), followed in place without reloading the page.
 */

/**
 * External dependencies
 */
import type { MouseEvent, ReactNode } from 'react';

/**
 * Internal dependencies
 */
import { navigate, viewUrl, type ParamValue, type ViewName } from './url';

interface Props {
	view: ViewName;
	params?: Record< string, ParamValue >;
	children: ReactNode;
	className?: string;
	'aria-current'?: 'page';
}

/**
 * Whether a click asks for the browser's own handling (new tab, window,
 * download) rather than a move within the app.
 *
 * @param event The click.
 */
function wantsBrowser( event: MouseEvent ): boolean {
	return (
		event.button !== 0 ||
		event.metaKey ||
		event.ctrlKey ||
		event.shiftKey ||
		event.altKey
	);
}

export default function ViewLink( {
	view,
	params = {},
	children,
	...rest
}: Props ) {
	const href = viewUrl( view, params );
	return (
		<a
			href={ href }
			onClick={ ( event ) => {
				if ( ! wantsBrowser( event ) ) {
					event.preventDefault();
					navigate( href );
				}
			} }
			{ ...rest }
		>
			{ children }
		</a>
	);
}
