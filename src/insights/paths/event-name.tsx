/**
 * An event's name with its color swatch, as the rest of Footprints shows it.
 */

/**
 * Internal dependencies
 */
import { useDefinition } from '../../editor/store';

interface Props {
	code: string;
}

export default function EventName( { code }: Props ) {
	const { definition } = useDefinition( code );
	return (
		<span className="footprints-paths__event">
			<span
				className="footprints-paths__swatch"
				style={ { background: definition?.color ?? '#8c8f94' } }
				aria-hidden="true"
			/>
			{ definition?.name ?? code }
		</span>
	);
}
