/**
 * What the forms' row editors (an event's attributes, a rule's conditions
 * and CRM fields) share: changing, removing and adding a row, and the
 * button that removes one.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Changes of a list of rows, each giving the whole new list.
 *
 * @param rows     The rows.
 * @param onChange Told the new list.
 */
export function rowChanges< Row >(
	rows: Row[],
	onChange: ( rows: Row[] ) => void
) {
	return {
		change: ( index: number, patch: Partial< Row > ) =>
			onChange(
				rows.map( ( row, i ) =>
					i === index ? { ...row, ...patch } : row
				)
			),
		remove: ( index: number ) =>
			onChange( rows.filter( ( _, i ) => i !== index ) ),
		add: ( row: Row ) => onChange( [ ...rows, row ] ),
	};
}

interface RemoveProps {
	/** What it removes, e.g. "Remove condition 2". */
	label: string;
	onClick: () => void;
}

export function RemoveRowButton( { label, onClick }: RemoveProps ) {
	return (
		<Button
			__next40pxDefaultSize
			variant="tertiary"
			isDestructive
			aria-label={ label }
			onClick={ onClick }
		>
			{ __( 'Remove', 'footprints' ) }
		</Button>
	);
}
