/**
 * A table cell of the Automations tab that says one thing and, in small
 * type under it, a detail (a delivery's attempt, its time), so the tables
 * stay narrow enough for every column at 1280 px.
 */

/**
 * WordPress dependencies
 */
import { Flex } from '@wordpress/components';

interface Props {
	main: string;
	note: string;
}

export default function CellWithNote( { main, note }: Props ) {
	return (
		<Flex direction="column" gap={ 0 } align="flex-start">
			<span>{ main }</span>
			<span className="footprints-cell-note">{ note }</span>
		</Flex>
	);
}
