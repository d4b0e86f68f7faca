/**
 * Types shared by the client, the editor and the admin. The event payload
 * mirrors schema/event.json, which the server validates against.
 */

export const TRIGGERS = [ 'click', 'submit', 'view', 'load' ] as const;

/** What makes a trigger send its event. */
export type Trigger = ( typeof TRIGGERS )[ number ];

export type AttributeValue =
	| string
	| number
	| boolean
	| null
	| AttributeValue[]
	| { [ name: string ]: AttributeValue };

/**
 * The types an event definition can give its attributes, as the enum of
 * data/schema/definition.json lists them (tests/unit/definition.test.ts
 * fails when the two differ: TypeScript needs the literals for the type).
 */
export const ATTRIBUTE_TYPES = [
	'string',
	'number',
	'boolean',
	'datetime',
	'json',
] as const;

/** How an attribute's values are typed. */
export type AttributeType = ( typeof ATTRIBUTE_TYPES )[ number ];

/**
 * A definition's attribute schema: type by snake_case attribute name. An
 * attribute without an entry is a string.
 */
export type AttributeSchema = Record< string, AttributeType >;

/** One event as sent to footprints/v1/collect (see schema/event.json). */
export interface CollectedEvent {
	id: string;
	event: string;
	attributes?: Record< string, AttributeValue >;
	time?: number;
	page?: string;
	referrer?: string;
	device_id?: string;
	app_id?: string;
}

/** The collector's answer to a batch. */
export interface CollectResponse {
	accepted: number;
	duplicates: number;
	rejected: Array< {
		index: number;
		id: string | null;
		code: string;
		message: string;
	} >;
}
