/**
 * People and timelines as the REST routes answer them (docs/openapi.json:
 * Person, PersonDetail, Timeline).
 */

export interface Person {
	id: number;
	app_id: string;
	/** traits.name, first and last name, or the WordPress user's name. */
	name: string | null;
	user_id: string | null;
	email: string | null;
	wp_user_id: number | null;
	identified: boolean;
	traits: Record< string, unknown >;
	first_seen: string;
	last_seen: string;
	events: number;
	/** Device ids, last seen first. */
	devices: string[];
}

export interface PersonDetail extends Person {
	device_details: {
		device_id: string;
		first_seen: string;
		last_seen: string;
		events: number;
	}[];
	ids: { kind: 'user' | 'email' | 'wp'; value: string }[];
}

export interface TimelineEvent {
	id: string;
	code: string;
	name: string;
	color: string;
	app_id: string;
	device_id: string;
	attributes: Record< string, unknown >;
	page: string;
	referrer: string;
	time: string;
	time_ms: number;
	/** Index in the timeline's sessions. */
	session: number;
	/** Seconds since the event before; null for the very first. */
	gap_seconds: number | null;
}

export interface Session {
	index: number;
	start: string;
	end: string;
	events: number;
	/** It began on the page before. */
	continued: boolean;
}

export interface Timeline {
	person: number | null;
	devices: string[];
	total: number;
	gap_seconds: number;
	events: TimelineEvent[];
	sessions: Session[];
}
