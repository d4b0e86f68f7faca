/**
 * Coerces attribute values by a definition's attribute schema. The client
 * runs these rules before it sends an event; the collector runs the same
 * rules in PHP (includes/Definitions/AttributeCoercer.php), so a value is
 * accepted or refused alike on both sides, with the same reason.
 *
 * This file ships in the client: every byte counts, so the rules are
 * written tersely and the reasons share one sentence.
 */

/**
 * Internal dependencies
 */
import eventSchema from '../../data/schema/event.json';
import type { AttributeSchema, AttributeType, AttributeValue } from './types';

export type Attributes = Record< string, AttributeValue >;

// The attribute name rule of the event schema, which the collector applies too.
const NAME = new RegExp(
	Object.keys( eventSchema.properties.attributes.patternProperties )[ 0 ]
);
// A number as JSON writes it; no hex, no spaces, no "".
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
// ISO 8601: a date, optionally a time and a zone. Whether the date exists
// is checked apart (see datetime below).
const DATETIME =
	/^\d{4}-\d\d-\d\d(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/;

// Each rule returns the coerced value, or undefined when it cannot.
const RULES: Record<
	AttributeType,
	( value: AttributeValue ) => AttributeValue | undefined
> = {
	// Scalars only ("stringnumberboolean" names the three typeofs).
	string: ( value ) =>
		'stringnumberboolean'.includes( typeof value )
			? String( value )
			: undefined,
	number: ( value ) => {
		const number =
			typeof value === 'string' && NUMBER.test( value ) ? +value : value;
		return typeof number === 'number' && isFinite( number )
			? number
			: undefined;
	},
	boolean: ( value ) =>
		value === true ||
		value === 'true' ||
		( value === false || value === 'false' ? false : undefined ),
	// A real calendar day: Date refuses month 13 or day 32 and rolls
	// 2025-02-30 over to March, so its day differs.
	datetime: ( value ) =>
		typeof value === 'string' &&
		DATETIME.test( value ) &&
		new Date( value.slice( 0, 10 ) ).getUTCDate() === +value.slice( 8, 10 )
			? value
			: undefined,
	// A JSON text is parsed; any other value must survive JSON (no cycles).
	json: ( value ) => {
		try {
			return JSON.parse(
				typeof value === 'string' ? value : JSON.stringify( value )
			);
		} catch {}
	},
};

/**
 * The attributes coerced by the schema, or the reason they cannot be.
 * An attribute without a schema entry is a string.
 * @param schema     Attribute types by name.
 * @param attributes Values as given.
 */
export function coerceAttributes(
	schema: AttributeSchema,
	attributes: Attributes
): Attributes | string {
	const coerced: Attributes = {};
	for ( const name in attributes ) {
		// Unknown types are read as strings, like a missing entry.
		const type = RULES[ schema[ name ] ] ? schema[ name ] : 'string';
		const value = NAME.test( name )
			? RULES[ type ]( attributes[ name ] )
			: undefined;
		if ( value === undefined ) {
			return `attribute "${ name }" is not a valid ${
				NAME.test( name ) ? type : 'snake_case name'
			}`;
		}
		coerced[ name ] = value;
	}
	return coerced;
}
