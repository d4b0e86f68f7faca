/**
 * The rule form's state and its rules, kept apart from the markup: a rule
 * turned into what the form edits and back into what the server takes,
 * what is missing before it is sent, where a server error belongs, and the
 * sources a CRM field can take its value from (the AI draft's only when the
 * rule drafts with AI).
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ATTRIBUTE_NAME_PATTERN } from '../shared/definition';
import type { AttributeSchema } from '../shared/types';
import { errorMessage } from './api';
import {
	CRM_SOURCE_PREFIXES,
	CRM_SOURCES,
	OPTION_TYPES,
	type ActionIn,
	type ActionType,
	type Condition,
	type ConditionValue,
	type Operator,
	type Rule,
	type RuleInput,
} from './automations-api';

export interface ConditionRow {
	attribute: string;
	operator: Operator;
	/** As typed; converted by the attribute's type when sent. */
	value: string;
}

export interface FieldRow {
	/** The CRM's field name. */
	target: string;
	source: string;
}

export interface RuleForm {
	name: string;
	event: string;
	enabled: boolean;
	conditions: ConditionRow[];
	type: ActionType;
	/** The webhook's or the CRM's URL; a Slack URL as typed (empty keeps the saved one). */
	url: string;
	authHeader: string;
	/** Write-only: empty keeps the saved value while the URL stays. */
	authValue: string;
	fields: FieldRow[];
	/** Add the lead brief (webhook, Slack; a CRM maps the source `brief`). */
	includeBrief: boolean;
	/** Draft a nurture email with AI before sending (webhook, CRM). */
	aiDraft: boolean;
}

/** The form's fields a message can stand next to. */
export type FormField =
	| 'name'
	| 'event'
	| 'conditions'
	| 'url'
	| 'auth_header'
	| 'auth_value'
	| 'fields'
	| 'include_brief'
	| 'ai_draft';

export type FormErrors = Partial< Record< FormField, string > >;

/** How the form names each fixed source of a CRM field (data/automations.json lists them). */
const SOURCE_LABELS: Record< string, string > = {
	'person.email': __( 'Person: email', 'footprints' ),
	'person.user_id': __( 'Person: user ID', 'footprints' ),
	'person.id': __( 'Person: Footprints ID', 'footprints' ),
	'event.name': __( 'Event: name', 'footprints' ),
	'event.code': __( 'Event: code', 'footprints' ),
	'event.description': __( 'Event: description', 'footprints' ),
	'event.time': __( 'Event: time', 'footprints' ),
	'event.page': __( 'Event: page', 'footprints' ),
	'event.id': __( 'Event: ID', 'footprints' ),
	timeline_url: __( 'Link to the lead timeline', 'footprints' ),
	brief: __( 'Lead brief (summary of the journey)', 'footprints' ),
	'draft.subject': __( 'AI draft: subject', 'footprints' ),
	'draft.body': __( 'AI draft: body', 'footprints' ),
};

const DRAFT_SOURCE = 'draft.';

/** Sources of a CRM field besides an attribute or a trait, people first. */
export const FIXED_SOURCES: Array< { value: string; label: string } > = [
	...CRM_SOURCES,
]
	.sort(
		( a, b ) =>
			Number( b.startsWith( 'person.' ) ) -
			Number( a.startsWith( 'person.' ) )
	)
	.map( ( value ) => ( { value, label: SOURCE_LABELS[ value ] ?? value } ) );

/**
 * Whether a CRM field can take its value from this source.
 *
 * @param source E.g. `person.email`, `attributes.plan`, `traits.company`.
 */
export function isValidSource( source: string ): boolean {
	return (
		FIXED_SOURCES.some( ( fixed ) => fixed.value === source ) ||
		CRM_SOURCE_PREFIXES.some(
			( prefix ) =>
				source.startsWith( prefix ) &&
				ATTRIBUTE_NAME_PATTERN.test( source.slice( prefix.length ) )
		)
	);
}

/**
 * The sources offered for a rule on an event with this attribute schema.
 *
 * @param schema    The event's attributes.
 * @param withDraft Whether the rule drafts with AI (the draft's sources exist only then).
 */
export function sourcesFor(
	schema: AttributeSchema,
	withDraft = false
): Array< { value: string; label: string } > {
	return [
		...FIXED_SOURCES.filter(
			( source ) => withDraft || ! source.value.startsWith( DRAFT_SOURCE )
		),
		...Object.keys( schema ).map( ( name ) => ( {
			value: `attributes.${ name }`,
			label: sprintf(
				/* translators: %s: attribute name. */
				__( 'Attribute: %s', 'footprints' ),
				name
			),
		} ) ),
	];
}

export const EMPTY_FORM: RuleForm = {
	name: '',
	event: '',
	enabled: true,
	conditions: [],
	type: 'webhook',
	url: '',
	authHeader: '',
	authValue: '',
	fields: [ { target: 'email', source: 'person.email' } ],
	includeBrief: false,
	aiDraft: false,
};

/**
 * Whether an action type takes an option.
 *
 * @param type   Action type.
 * @param option The option.
 */
export function takes(
	type: ActionType,
	option: keyof typeof OPTION_TYPES
): boolean {
	return OPTION_TYPES[ option ].includes( type );
}

/**
 * What the form edits of a saved rule (never a secret: only hints come back).
 *
 * @param rule The rule.
 */
export function formFromRule( rule: Rule ): RuleForm {
	const { action } = rule;
	return {
		...EMPTY_FORM,
		name: rule.name,
		event: rule.event,
		enabled: rule.enabled,
		conditions: rule.conditions.map( ( condition ) => ( {
			attribute: condition.attribute,
			operator: condition.operator,
			value:
				condition.value === undefined ? '' : String( condition.value ),
		} ) ),
		type: action.type,
		url: action.type === 'slack' ? '' : action.url,
		authHeader: action.type === 'crm' ? action.auth_header : '',
		fields:
			action.type === 'crm'
				? Object.entries( action.fields ).map(
						( [ target, source ] ) => ( {
							target,
							source,
						} )
					)
				: EMPTY_FORM.fields,
		includeBrief: 'include_brief' in action && action.include_brief,
		aiDraft: 'ai_draft' in action && action.ai_draft,
	};
}

/**
 * A typed value converted by the attribute's type: numbers as numbers,
 * true/false as booleans, anything else as text.
 *
 * @param value The text typed.
 * @param type  The attribute's type in the event's schema.
 */
export function conditionValue(
	value: string,
	type: string | undefined
): ConditionValue {
	const trimmed = value.trim();
	if ( type === 'number' && trimmed !== '' && ! isNaN( Number( trimmed ) ) ) {
		return Number( trimmed );
	}
	if ( type === 'boolean' && ( trimmed === 'true' || trimmed === 'false' ) ) {
		return trimmed === 'true';
	}
	return value;
}

/**
 * Whether the form's URL differs from the saved one (a CRM's saved auth
 * value never goes to another URL).
 *
 * @param form  The form.
 * @param saved The rule being edited, if any.
 */
export function urlChanged( form: RuleForm, saved?: Rule ): boolean {
	return (
		!! saved &&
		saved.action.type === form.type &&
		form.type !== 'slack' &&
		'url' in saved.action &&
		saved.action.url !== form.url.trim()
	);
}

/**
 * What the server takes: write-only values left empty are left out, so
 * the saved ones stay.
 *
 * @param form   The form.
 * @param schema The chosen event's attribute schema.
 */
export function ruleInput(
	form: RuleForm,
	schema: AttributeSchema
): RuleInput {
	const conditions: Condition[] = form.conditions.map( ( row ) =>
		row.operator === 'exists'
			? { attribute: row.attribute, operator: row.operator }
			: {
					attribute: row.attribute,
					operator: row.operator,
					value: conditionValue( row.value, schema[ row.attribute ] ),
				}
	);
	const url = form.url.trim();
	let action: ActionIn;
	if ( form.type === 'webhook' ) {
		action = {
			type: 'webhook',
			url,
			include_brief: form.includeBrief,
			ai_draft: form.aiDraft,
		};
	} else if ( form.type === 'slack' ) {
		action = {
			type: 'slack',
			...( url ? { url } : {} ),
			include_brief: form.includeBrief,
		};
	} else {
		action = {
			type: 'crm',
			url,
			auth_header: form.authHeader.trim(),
			fields: Object.fromEntries(
				form.fields.map( ( row ) => [ row.target.trim(), row.source ] )
			),
			ai_draft: form.aiDraft,
			...( form.authValue ? { auth_value: form.authValue } : {} ),
		};
	}
	return {
		name: form.name.trim(),
		event: form.event,
		enabled: form.enabled,
		conditions,
		action,
	};
}

/**
 * A saved rule as the server takes it back, changed only where asked (a
 * toggle of enabled): write-only values are left out, so they stay.
 *
 * @param rule    The rule.
 * @param changes What to change.
 */
export function keptInput(
	rule: Rule,
	changes: Partial< Pick< RuleInput, 'enabled' > > = {}
): RuleInput {
	const { action } = rule;
	let kept: ActionIn;
	if ( action.type === 'crm' ) {
		kept = {
			type: 'crm',
			url: action.url,
			auth_header: action.auth_header,
			fields: action.fields,
			ai_draft: action.ai_draft,
		};
	} else {
		kept =
			action.type === 'webhook'
				? {
						type: 'webhook',
						url: action.url,
						include_brief: action.include_brief,
						ai_draft: action.ai_draft,
					}
				: { type: 'slack', include_brief: action.include_brief };
	}
	return {
		name: rule.name,
		event: rule.event,
		enabled: rule.enabled,
		conditions: rule.conditions,
		action: kept,
		...changes,
	};
}

/**
 * What the CRM field mapping lacks: a target named, each once, with a source.
 *
 * @param rows The mapping's rows.
 */
export function fieldMappingProblem( rows: FieldRow[] ): string | undefined {
	if ( ! rows.length ) {
		return __(
			'Map at least one CRM field, e.g. email ← Person: email.',
			'footprints'
		);
	}
	const targets = rows.map( ( row ) => row.target.trim() );
	const blank = targets.indexOf( '' );
	if ( blank !== -1 ) {
		return sprintf(
			/* translators: %d: row number. */
			__( 'Field %d needs the CRM field’s name.', 'footprints' ),
			blank + 1
		);
	}
	const twice = targets.find(
		( target, i ) => targets.indexOf( target ) !== i
	);
	if ( twice ) {
		return sprintf(
			/* translators: %s: CRM field name. */
			__(
				'“%s” is mapped twice: each CRM field takes one source.',
				'footprints'
			),
			twice
		);
	}
	const bad = rows.find( ( row ) => ! isValidSource( row.source ) );
	if ( bad ) {
		return sprintf(
			/* translators: %s: CRM field name. */
			__( 'Choose where “%s” takes its value from.', 'footprints' ),
			bad.target.trim()
		);
	}
	return undefined;
}

/**
 * What the form lacks before it can be sent. Only what is missing: whether
 * a URL is acceptable is the server's to say, next to the field.
 *
 * @param form  The form.
 * @param saved The rule being edited, if any.
 */
export function formErrors( form: RuleForm, saved?: Rule ): FormErrors {
	const errors: FormErrors = {};
	if ( ! form.name.trim() ) {
		errors.name = __( 'Give the rule a name.', 'footprints' );
	}
	if ( ! form.event ) {
		errors.event = __( 'Choose the event that starts it.', 'footprints' );
	}
	const incomplete = form.conditions.findIndex(
		( row ) =>
			! row.attribute ||
			( row.operator !== 'exists' && row.value.trim() === '' )
	);
	if ( incomplete !== -1 ) {
		errors.conditions = sprintf(
			/* translators: %d: row number. */
			__(
				'Condition %d needs an attribute and a value (or “is present”).',
				'footprints'
			),
			incomplete + 1
		);
	}
	// A saved Slack URL stays when the field is left empty.
	const urlNeeded = form.type !== 'slack' || saved?.action.type !== 'slack';
	if ( urlNeeded && ! form.url.trim() ) {
		errors.url =
			form.type === 'slack'
				? __(
						'Paste the Slack incoming webhook URL (Slack → Apps → Incoming Webhooks).',
						'footprints'
					)
				: __( 'Enter the URL to send to.', 'footprints' );
	}
	if ( form.type === 'crm' ) {
		const problem = fieldMappingProblem( form.fields );
		if ( problem ) {
			errors.fields = problem;
		}
	}
	return errors;
}

const FIELD_PATTERNS: Array< [ FormField, RegExp ] > = [
	[ 'ai_draft', /ai_draft/ ],
	[ 'include_brief', /include_brief/ ],
	[ 'auth_value', /auth[ _]value/i ],
	[ 'auth_header', /auth[ _]header/i ],
	[ 'fields', /\bfields?\b|\bsource\b/ ],
	[ 'url', /\burl\b|\bURL\b/ ],
	[ 'conditions', /condition|operator|attribute/ ],
	[ 'event', /\bevent\b/ ],
	[ 'name', /\bname\b/ ],
];

/**
 * The field a server error is about: the first of the patterns that the
 * field it names in `data.field` or `data.params` (`action.url`,
 * `action[auth_value]`…), or else its message, matches. Undefined when it
 * names none of them.
 *
 * @param error    What apiFetch threw.
 * @param patterns Each field and how an error names it; the rule form's by default.
 */
export function fieldOfError< F extends string = FormField >(
	error: unknown,
	patterns: Array< [ F, RegExp ] > = FIELD_PATTERNS as Array< [ F, RegExp ] >
): F | undefined {
	const { message, data } = ( error ?? {} ) as {
		message?: string;
		data?: { field?: string; params?: Record< string, string > };
	};
	const named = [
		data?.field,
		...Object.keys( data?.params ?? {} ),
		...Object.values( data?.params ?? {} ),
		message,
	].filter( ( text ): text is string => !! text );
	for ( const text of named ) {
		const found = patterns.find( ( [ , pattern ] ) =>
			pattern.test( text )
		);
		if ( found ) {
			return found[ 0 ];
		}
	}
	return undefined;
}

export const SETTINGS_PATTERNS: Array<
	[ 'pause_after' | 'log_days' | 'log_bodies', RegExp ]
> = [
	[ 'pause_after', /pause_after/ ],
	[ 'log_days', /log_days/ ],
	[ 'log_bodies', /log_bodies/ ],
];

/**
 * A server error's message as it stands next to its field: without the
 * field's name in front ("action.url: enter…" → "Enter…"), which the
 * field's label already says.
 *
 * @param error What apiFetch threw.
 */
export function messageForField( error: unknown ): string {
	const message = errorMessage( error );
	const field = ( error as { data?: { field?: string } } )?.data?.field;
	if ( ! field || ! message.startsWith( `${ field }: ` ) ) {
		return message;
	}
	const rest = message.slice( field.length + 2 );
	return rest.charAt( 0 ).toUpperCase() + rest.slice( 1 );
}
