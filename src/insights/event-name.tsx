/**
 * An event's name with a dot in its color, as every insights view shows it.
 */

interface Props {
	name: string;
	color: string;
}

export default function EventName( { name, color }: Props ) {
	return (
		<span className="footprints-event-name">
			{ /* The name says which event it is; the dot only echoes its color. */ }
			<span
				className="footprints-chart__swatch"
				style={ { background: color } }
				aria-hidden="true"
			/>
			{ name }
		</span>
	);
}
