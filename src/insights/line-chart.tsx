/**
 * The dashboard's chart: events per day, one line per event in the
 * event's color, drawn as SVG by React (no chart library: measured in the
 * README, a few KB against uPlot's 19,834 B brotli). It is one image for
 * assistive technology (role="img" with a label that says what it shows);
 * the table of the same numbers is its text alternative.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { xLabelIndexes, yTicks } from './chart-scale';
import EventName from './event-name';
import { formatDay, formatNumber } from './format';

export interface Series {
	code: string;
	name: string;
	color: string;
	values: number[];
}

interface Props {
	days: string[];
	series: Series[];
	/** What the chart shows, for its label. */
	label: string;
}

const WIDTH = 800;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 48 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

export default function LineChart( { days, series, label }: Props ) {
	const largest = Math.max( 0, ...series.flatMap( ( line ) => line.values ) );
	const ticks = yTicks( largest );
	const top = ticks[ ticks.length - 1 ];
	// One day: a point in the middle instead of a line from nowhere.
	const x = ( index: number ) =>
		MARGIN.left +
		( days.length > 1
			? ( index / ( days.length - 1 ) ) * PLOT_WIDTH
			: PLOT_WIDTH / 2 );
	const y = ( value: number ) =>
		MARGIN.top + PLOT_HEIGHT - ( value / top ) * PLOT_HEIGHT;
	const showPoints = days.length <= 31;

	return (
		<figure className="footprints-chart">
			<svg
				viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
				role="img"
				aria-label={ label }
				preserveAspectRatio="xMidYMid meet"
			>
				<g className="footprints-chart__grid" aria-hidden="true">
					{ ticks.map( ( tick ) => (
						<g key={ tick }>
							<line
								x1={ MARGIN.left }
								x2={ WIDTH - MARGIN.right }
								y1={ y( tick ) }
								y2={ y( tick ) }
							/>
							<text
								x={ MARGIN.left - 8 }
								y={ y( tick ) }
								textAnchor="end"
								dominantBaseline="middle"
							>
								{ formatNumber( tick ) }
							</text>
						</g>
					) ) }
					{ xLabelIndexes( days.length ).map( ( index ) => (
						<text
							key={ days[ index ] }
							x={ x( index ) }
							y={ HEIGHT - 8 }
							textAnchor={
								// eslint-disable-next-line no-nested-ternary -- first, last, or between.
								index === 0 && days.length > 1
									? 'start'
									: index === days.length - 1 &&
										  days.length > 1
										? 'end'
										: 'middle'
							}
						>
							{ formatDay( days[ index ] ) }
						</text>
					) ) }
				</g>
				{ series.map( ( line ) => (
					<g key={ line.code } className="footprints-chart__line">
						<polyline
							points={ line.values
								.map(
									( value, index ) =>
										`${ x( index ) },${ y( value ) }`
								)
								.join( ' ' ) }
							fill="none"
							stroke={ line.color }
							strokeWidth={ 2 }
							strokeLinejoin="round"
						/>
						{ showPoints &&
							line.values.map( ( value, index ) => (
								<circle
									key={ days[ index ] }
									cx={ x( index ) }
									cy={ y( value ) }
									r={ 3 }
									fill={ line.color }
								>
									<title>
										{ sprintf(
											/* translators: 1: event name, 2: day, 3: count. */
											__(
												'%1$s, %2$s: %3$s',
												'footprints'
											),
											line.name,
											formatDay( days[ index ] ),
											formatNumber( value )
										) }
									</title>
								</circle>
							) ) }
					</g>
				) ) }
			</svg>
			<figcaption>
				<ul className="footprints-chart__legend">
					{ series.map( ( line ) => (
						<li key={ line.code }>
							<EventName
								name={ line.name }
								color={ line.color }
							/>
						</li>
					) ) }
				</ul>
			</figcaption>
		</figure>
	);
}
