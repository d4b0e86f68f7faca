/**
 * The automations REST contract (footprints/v1/automations…, documented in
 * docs/openapi.json) as the Automations tab uses it: the rule, its action,
 * the delivery log and the settings, and one function per route.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import rules from '../../data/automations.json';
import { restPath } from '../shared/rest';

export const AUTOMATIONS_ROUTE = restPath( 'automations' );
const LOG_ROUTE = restPath( 'automationsLog' );
const SETTINGS_ROUTE = restPath( 'automationsSettings' );

/** The operators of data/automations.json, as literals for the type (tests/unit/automations-api.test.ts checks they agree). */
export const OPERATORS = [
	'equals',
	'not_equals',
	'contains',
	'exists',
	'greater_than',
	'less_than',
] as const;

export type Operator = ( typeof OPERATORS )[ number ];

export type ConditionValue = string | number | boolean;

export interface Condition {
	attribute: string;
	operator: Operator;
	/** Absent for `exists`. */
	value?: ConditionValue;
}

export type ActionType = 'webhook' | 'slack' | 'crm';

/** Where a CRM field's value comes from, e.g. `person.email`, `attributes.plan`. */
export type FieldSource = string;

/**
 * The options of an action (data/automations.json actionOptions says which
 * types take which): include_brief adds the lead brief, ai_draft drafts a
 * nurture email with the site's AI provider before sending.
 */
export interface ActionOptions {
	include_brief: boolean;
	ai_draft: boolean;
}

/** The action as the server answers it: secrets only as hints. */
export type ActionOut =
	| ( { type: 'webhook'; url: string; secret_hint: string } & ActionOptions )
	| ( { type: 'slack'; url_hint: string } & Pick<
			ActionOptions,
			'include_brief'
	  > )
	| ( {
			type: 'crm';
			url: string;
			auth_header: string;
			has_auth_value: boolean;
			fields: Record< string, FieldSource >;
	  } & Pick< ActionOptions, 'ai_draft' > );

/** The action as a client writes it; a write-only value left out keeps the saved one while the URL stays. */
export type ActionIn =
	| ( { type: 'webhook'; url: string } & Partial< ActionOptions > )
	| ( { type: 'slack'; url?: string } & Partial<
			Pick< ActionOptions, 'include_brief' >
	  > )
	| ( {
			type: 'crm';
			url: string;
			auth_header?: string;
			auth_value?: string;
			fields: Record< string, FieldSource >;
	  } & Partial< Pick< ActionOptions, 'ai_draft' > > );

/** Which action types take each option. */
export const OPTION_TYPES: Record< keyof ActionOptions, ActionType[] > = {
	include_brief: rules.actionOptions.include_brief as ActionType[],
	ai_draft: rules.actionOptions.ai_draft as ActionType[],
};

export type DeliveryStatus = 'delivered' | 'failed' | 'retrying';

export interface Rule {
	id: number;
	name: string;
	/** A definition's code, custom or system. */
	event: string;
	conditions: Condition[];
	action: ActionOut;
	enabled: boolean;
	paused: boolean;
	/** ISO 8601 UTC. */
	paused_at: string | null;
	consecutive_failures: number;
	last_delivery: { at: string; status: DeliveryStatus } | null;
	created_at: string;
	updated_at: string;
}

export interface RuleInput {
	name: string;
	event: string;
	conditions: Condition[];
	action: ActionIn;
	enabled: boolean;
}

/** What POST /automations answers: the rule and, for a webhook, its whole signing secret (once). */
export type CreatedRule = Rule & { secret?: string };

export interface TestResult {
	ok: boolean;
	response_code: number | null;
	duration_ms: number;
	error: string | null;
}

export interface LogRow {
	id: number;
	rule_id: number;
	rule_name: string;
	event_id: string;
	/** The event's code. */
	event: string;
	attempt: number;
	status: DeliveryStatus;
	response_code: number | null;
	duration_ms: number;
	error: string | null;
	at: string;
	next_attempt_at: string | null;
	test: boolean;
	/** Null unless debug logging is on. */
	request_body: string | null;
	response_body: string | null;
}

export interface LogQuery {
	rule?: number;
	status?: DeliveryStatus;
	page: number;
	perPage: number;
}

export interface LogPage {
	rows: LogRow[];
	total: number;
}

export interface AutomationSettings {
	pause_after: number;
	log_days: number;
	log_bodies: boolean;
}

/** The bounds the server holds the settings to (data/automations.json). */
export const SETTING_BOUNDS = {
	pause_after: {
		min: rules.settings.pause_after.minimum,
		max: rules.settings.pause_after.maximum,
	},
	log_days: {
		min: rules.settings.log_days.minimum,
		max: rules.settings.log_days.maximum,
	},
};

/** How long after each failed attempt the next one is made, in seconds. */
export const BACKOFF_SECONDS: number[] = rules.backoffSeconds;

/** The CRM field sources besides attributes and traits, and the prefixes of those. */
export const CRM_SOURCES: string[] = rules.crmSources;
export const CRM_SOURCE_PREFIXES: string[] = rules.crmSourcePrefixes;

/** Every rule (a site has a handful: the route is not paged). */
export function fetchRules() {
	// per_page: should the route ever page, one page holds them all.
	return apiFetch< Rule[] >( {
		path: `${ AUTOMATIONS_ROUTE }?per_page=100`,
	} );
}

/**
 * Creates a rule.
 *
 * @param input The rule.
 */
export function createRule( input: RuleInput ) {
	return apiFetch< CreatedRule >( {
		path: AUTOMATIONS_ROUTE,
		method: 'POST',
		data: input,
	} );
}

/**
 * Replaces a rule.
 *
 * @param id    Its id.
 * @param input The rule.
 */
export function updateRule( id: number, input: RuleInput ) {
	return apiFetch< Rule >( {
		path: `${ AUTOMATIONS_ROUTE }/${ id }`,
		method: 'PUT',
		data: input,
	} );
}

/**
 * Deletes a rule.
 *
 * @param id Its id.
 */
export function deleteRule( id: number ) {
	return apiFetch( {
		path: `${ AUTOMATIONS_ROUTE }/${ id }`,
		method: 'DELETE',
	} );
}

/**
 * A webhook rule's whole signing secret.
 *
 * @param id The rule's id.
 */
export async function fetchSecret( id: number ): Promise< string > {
	const { secret } = await apiFetch< { secret: string } >( {
		path: `${ AUTOMATIONS_ROUTE }/${ id }/secret`,
	} );
	return secret;
}

/**
 * Sends a sample event to a rule's destination now (one attempt, logged as a test).
 *
 * @param id The rule's id.
 */
export function sendTest( id: number ) {
	return apiFetch< TestResult >( {
		path: `${ AUTOMATIONS_ROUTE }/${ id }/test`,
		method: 'POST',
	} );
}

/**
 * Lifts a rule's pause and its count of failures.
 *
 * @param id The rule's id.
 */
export function resumeRule( id: number ) {
	return apiFetch< Rule >( {
		path: `${ AUTOMATIONS_ROUTE }/${ id }/resume`,
		method: 'POST',
	} );
}

/**
 * A page of the delivery log, newest first, and the total from X-WP-Total.
 *
 * @param query Filters and paging.
 */
export async function fetchLog( query: LogQuery ): Promise< LogPage > {
	const params = new URLSearchParams( {
		page: String( query.page ),
		per_page: String( query.perPage ),
	} );
	if ( query.rule ) {
		params.set( 'rule', String( query.rule ) );
	}
	if ( query.status ) {
		params.set( 'status', query.status );
	}
	const response = await apiFetch< Response, false >( {
		path: `${ LOG_ROUTE }?${ params }`,
		parse: false,
	} );
	return {
		rows: ( await response.json() ) as LogRow[],
		total: Number( response.headers.get( 'X-WP-Total' ) ?? 0 ),
	};
}

export function fetchSettings() {
	return apiFetch< AutomationSettings >( {
		path: SETTINGS_ROUTE,
	} );
}

/**
 * Saves the settings.
 *
 * @param settings All three.
 */
export function saveSettings( settings: AutomationSettings ) {
	return apiFetch< AutomationSettings >( {
		path: SETTINGS_ROUTE,
		method: 'PUT',
		data: settings,
	} );
}
