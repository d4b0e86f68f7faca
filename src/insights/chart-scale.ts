/**
 * The scales of the dashboard's line chart: a round top for the y axis
 * with evenly spaced ticks, and which days get a label on the x axis.
 */

/**
 * A round maximum at or above the largest value, and its ticks from 0
 * (at most `count` + 1 of them), e.g. 37 → 40 with ticks 0, 10, 20, 30, 40.
 *
 * @param largest The largest value (0 or more).
 * @param count   How many steps at most.
 */
export function yTicks( largest: number, count = 4 ): number[] {
	if ( largest <= 0 ) {
		return [ 0, 1 ];
	}
	const rough = largest / count;
	const magnitude = 10 ** Math.floor( Math.log10( rough ) );
	const step =
		[ 1, 2, 5, 10 ]
			.map( ( factor ) => factor * magnitude )
			.find( ( candidate ) => candidate >= rough ) ?? 10 * magnitude;
	// Whole events: never a step below 1.
	const whole = Math.max( 1, step );
	const ticks = [];
	for ( let tick = 0; tick < largest + whole; tick += whole ) {
		ticks.push( tick );
	}
	return ticks;
}

/**
 * The indexes of the days that get a label: evenly spaced, at most
 * `most` of them, always the first and the last.
 *
 * @param length How many days.
 * @param most   Labels at most.
 */
export function xLabelIndexes( length: number, most = 8 ): number[] {
	if ( length <= most ) {
		return Array.from( { length }, ( _, index ) => index );
	}
	const every = Math.ceil( ( length - 1 ) / ( most - 1 ) );
	const indexes = [];
	for ( let index = 0; index < length - 1; index += every ) {
		indexes.push( index );
	}
	if ( length - 1 - indexes[ indexes.length - 1 ] < every / 2 ) {
		indexes.pop();
	}
	indexes.push( length - 1 );
	return indexes;
}
