/**
 * A small bar chart of daily counts, in the event's color. The numbers are
 * its accessible name, so a screen reader hears what the bars show.
 */

type Props = {
	/** One value per day, oldest first. */
	values: number[];
	color: string;
	/** What the bars show, with the numbers, e.g. "Per UTC day: 0, 2, 3". */
	label: string;
};

const WIDTH = 84;
const HEIGHT = 20;
const GAP = 2;

export default function Sparkline( { values, color, label }: Props ) {
	const max = Math.max( 1, ...values );
	const bar = ( WIDTH - GAP * ( values.length - 1 ) ) / values.length;
	return (
		<svg
			className="footprints-sparkline"
			role="img"
			aria-label={ label }
			width={ WIDTH }
			height={ HEIGHT }
			viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
		>
			{ values.map( ( value, day ) => {
				// A day without events still shows as a 1px line.
				const height = Math.max( 1, ( value / max ) * HEIGHT );
				return (
					<rect
						key={ day }
						x={ day * ( bar + GAP ) }
						y={ HEIGHT - height }
						width={ bar }
						height={ height }
						fill={ color }
						opacity={ value ? 1 : 0.35 }
					/>
				);
			} ) }
		</svg>
	);
}
