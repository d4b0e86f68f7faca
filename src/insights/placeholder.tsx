/**
 * Stands in for a view whose screen has not landed yet.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * A view that says it is coming.
 *
 * @param title The view's title.
 */
export function placeholder( title: string ) {
	return function Placeholder() {
		return (
			<p>
				{ title }: { __( 'not available yet.', 'footprints' ) }
			</p>
		);
	};
}
