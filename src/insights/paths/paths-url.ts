/**
 * The paths in the URL: `a`, `b` and `window` each hold one value a path,
 * comma-separated (`a=trial_click,pricing_viewed&b=signed_up,signed_up&window=7,14`),
 * so a link opens the same comparison; `people=2-converted` opens the
 * second path's converted people. Pure functions: tests/unit/paths-url.test.ts.
 */

/**
 * Internal dependencies
 */
import rules from '../../../data/insights-paths.json';
import type { Outcome, PathInput } from './types';

export const MAX_PATHS = rules.maxPaths;
export const WINDOW = rules.windowDays;

/** A path with nothing picked yet. */
export const EMPTY_PATH: PathInput = { a: '', b: '', window: WINDOW.default };

/**
 * A window in days within the bounds; the default for anything else.
 *
 * @param value The URL's value.
 */
export function windowDays( value: string | undefined ): number {
	const days = Number( value );
	return Number.isInteger( days ) &&
		days >= WINDOW.minimum &&
		days <= WINDOW.maximum
		? days
		: WINDOW.default;
}

/**
 * The paths of the URL's parameters: at least one (empty), at most MAX_PATHS.
 *
 * @param params The view's URL parameters.
 */
export function readPaths( params: Record< string, string > ): PathInput[] {
	const as = ( params.a ?? '' ).split( ',' );
	const bs = ( params.b ?? '' ).split( ',' );
	const windows = ( params.window ?? '' ).split( ',' );
	const count = Math.min( MAX_PATHS, Math.max( as.length, bs.length, 1 ) );
	return Array.from( { length: count }, ( _, index ) => ( {
		a: as[ index ] ?? '',
		b: bs[ index ] ?? '',
		window: windowDays( windows[ index ] ),
	} ) );
}

/**
 * The URL parameters of these paths (trailing empty paths are dropped).
 *
 * @param paths The paths.
 */
export function writePaths( paths: PathInput[] ): {
	a: string;
	b: string;
	window: string;
} {
	const kept = paths.slice( 0, MAX_PATHS );
	while (
		kept.length > 1 &&
		! kept[ kept.length - 1 ].a &&
		! kept[ kept.length - 1 ].b
	) {
		kept.pop();
	}
	const isEmpty = kept.length === 1 && ! kept[ 0 ].a && ! kept[ 0 ].b;
	return {
		a: isEmpty ? '' : kept.map( ( path ) => path.a ).join( ',' ),
		b: isEmpty ? '' : kept.map( ( path ) => path.b ).join( ',' ),
		window: isEmpty ? '' : kept.map( ( path ) => path.window ).join( ',' ),
	};
}

/** Which path's people are open, and which outcome. */
export interface OpenPeople {
	path: number;
	outcome: Outcome;
}

/**
 * The `people` parameter: "2-converted" is the second path's converted people.
 *
 * @param value The URL's value.
 * @param count How many paths there are.
 */
export function readOpenPeople(
	value: string | undefined,
	count: number
): OpenPeople | null {
	const match = /^([1-9])-(converted|unconverted)$/.exec( value ?? '' );
	if ( ! match || Number( match[ 1 ] ) > count ) {
		return null;
	}
	return { path: Number( match[ 1 ] ) - 1, outcome: match[ 2 ] as Outcome };
}

/**
 * The `people` parameter's value.
 *
 * @param open The open list.
 */
export function writeOpenPeople( open: OpenPeople ): string {
	return `${ open.path + 1 }-${ open.outcome }`;
}
