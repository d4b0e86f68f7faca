/**
 * Path comparison as footprints/v1/insights/paths and .../paths/people
 * answer it (docs/openapi.json: PathComparison, PathPerson).
 */

/** One path as the screen holds it: codes may be '' while being picked. */
export interface PathInput {
	a: string;
	b: string;
	window: number;
}

/** The range A must fall in (UTC days, YYYY-MM-DD; '' for the default) and the site on a hub. */
export interface PathRange {
	from: string;
	to: string;
	site: string;
}

export interface PathComparison {
	a: string;
	b: string;
	window: number;
	from: string;
	to: string;
	site: string;
	people: number;
	converted: number;
	open: number;
	rate: number | null;
	median_seconds: number | null;
}

export type Outcome = 'converted' | 'unconverted';

export interface PathPerson {
	person_id: number;
	user_id: string | null;
	email: string | null;
	a_at: string;
	b_at: string | null;
	seconds: number | null;
}
