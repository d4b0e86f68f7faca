/**
 * How the Automations tab says a rule in words: its conditions, its action
 * and destination, its status, and the result of a delivery or a test.
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	ActionOut,
	ActionType,
	Condition,
	ConditionValue,
	DeliveryStatus,
	Operator,
	Rule,
	TestResult,
} from './automations-api';

export const OPERATOR_LABELS: Record< Operator, string > = {
	equals: __( 'is', 'footprints' ),
	not_equals: __( 'is not', 'footprints' ),
	contains: __( 'contains', 'footprints' ),
	exists: __( 'is present', 'footprints' ),
	greater_than: __( 'is greater than', 'footprints' ),
	less_than: __( 'is less than', 'footprints' ),
};

export const ACTION_LABELS: Record< ActionType, string > = {
	webhook: __( 'Webhook', 'footprints' ),
	slack: __( 'Slack', 'footprints' ),
	crm: __( 'CRM', 'footprints' ),
};

export const DELIVERY_LABELS: Record< DeliveryStatus, string > = {
	delivered: __( 'Delivered', 'footprints' ),
	failed: __( 'Failed', 'footprints' ),
	retrying: __( 'Retrying', 'footprints' ),
};

/**
 * A value as a condition shows it: text quoted, numbers and booleans bare.
 *
 * @param value The condition's value.
 */
function valueInWords( value: ConditionValue | undefined ): string {
	if ( typeof value === 'string' ) {
		return `“${ value }”`;
	}
	return String( value );
}

/**
 * One condition as a phrase, e.g. `plan is “pro”`, `coupon is present`.
 *
 * @param condition The condition.
 */
export function conditionInWords( condition: Condition ): string {
	const verb = OPERATOR_LABELS[ condition.operator ] ?? condition.operator;
	return condition.operator === 'exists'
		? `${ condition.attribute } ${ verb }`
		: `${ condition.attribute } ${ verb } ${ valueInWords(
				condition.value
			) }`;
}

/**
 * A rule's conditions as one sentence; "Every time" when it has none.
 *
 * @param conditions The conditions (all must hold).
 */
export function conditionsInWords( conditions: Condition[] ): string {
	if ( ! conditions.length ) {
		return __( 'Every time', 'footprints' );
	}
	return conditions
		.map( conditionInWords )
		.join( ` ${ __( 'and', 'footprints' ) } ` );
}

/**
 * The host a URL (or a URL's hint, `https://hooks.slack.com/…/abcd`) points
 * to; the text itself when it is no URL.
 *
 * @param url The URL.
 */
export function hostOf( url: string ): string {
	try {
		return new URL( url ).host || url;
	} catch {
		return url;
	}
}

/**
 * What an action sends besides the event, e.g. "with lead brief"; empty
 * when nothing.
 *
 * @param action The rule's action.
 */
export function actionExtras( action: ActionOut ): string {
	const withBrief = 'include_brief' in action && action.include_brief;
	const withDraft = 'ai_draft' in action && action.ai_draft;
	if ( withBrief && withDraft ) {
		return __( 'with lead brief and AI draft', 'footprints' );
	}
	if ( withBrief ) {
		return __( 'with lead brief', 'footprints' );
	}
	return withDraft ? __( 'with AI draft', 'footprints' ) : '';
}

/**
 * An action, where it delivers and what it adds, e.g. "Webhook →
 * hooks.example.com, with lead brief".
 *
 * @param action The rule's action.
 */
export function actionInWords( action: ActionOut ): string {
	const words = `${ ACTION_LABELS[ action.type ] } → ${ destinationHost(
		action
	) }`;
	const extras = actionExtras( action );
	return extras ? `${ words }, ${ extras }` : words;
}

/**
 * The host an action delivers to.
 *
 * @param action The rule's action.
 */
export function destinationHost( action: ActionOut ): string {
	return hostOf( action.type === 'slack' ? action.url_hint : action.url );
}

export type RuleStatus = 'active' | 'paused' | 'disabled';

/**
 * Whether a rule delivers: a disabled rule is off by choice, a paused one
 * stopped after failures until someone resumes it.
 *
 * @param rule The rule.
 */
export function ruleStatus( rule: Rule ): RuleStatus {
	if ( ! rule.enabled ) {
		return 'disabled';
	}
	return rule.paused ? 'paused' : 'active';
}

export const STATUS_LABELS: Record< RuleStatus, string > = {
	active: __( 'Active', 'footprints' ),
	paused: __( 'Paused', 'footprints' ),
	disabled: __( 'Disabled', 'footprints' ),
};

/**
 * Why a rule is paused.
 *
 * @param rule The paused rule.
 */
export function pausedReason( rule: Rule ): string {
	return sprintf(
		/* translators: %d: number of failed delivery attempts. */
		_n(
			'Paused after %d failed delivery.',
			'Paused after %d failed deliveries in a row.',
			rule.consecutive_failures,
			'footprints'
		),
		rule.consecutive_failures
	);
}

/**
 * What a test delivery did: "Delivered: 200 in 84 ms", or why it failed.
 *
 * @param result The server's answer to Send test.
 */
export function testResultInWords( result: TestResult ): string {
	if ( result.ok ) {
		return sprintf(
			/* translators: 1: HTTP status code, 2: milliseconds. */
			__( 'Delivered: %1$d in %2$d ms', 'footprints' ),
			result.response_code ?? 0,
			result.duration_ms
		);
	}
	const failed =
		result.response_code === null
			? sprintf(
					/* translators: %d: milliseconds. */
					__( 'Failed after %d ms', 'footprints' ),
					result.duration_ms
				)
			: sprintf(
					/* translators: 1: HTTP status code, 2: milliseconds. */
					__( 'Failed: %1$d in %2$d ms', 'footprints' ),
					result.response_code,
					result.duration_ms
				);
	return result.error ? `${ failed }: ${ result.error }` : failed;
}

/**
 * A wait as people say it: "1 min", "30 min", "2 h".
 *
 * @param seconds The wait.
 */
export function waitInWords( seconds: number ): string {
	return seconds < 3600
		? sprintf(
				/* translators: %d: minutes. */
				__( '%d min', 'footprints' ),
				Math.round( seconds / 60 )
			)
		: sprintf(
				/* translators: %d: hours. */
				__( '%d h', 'footprints' ),
				Math.round( seconds / 3600 )
			);
}

/**
 * The retry schedule in words: "1 min, 5 min, 30 min, 2 h and 6 h".
 *
 * @param waits Seconds before each retry.
 */
export function scheduleInWords( waits: number[] ): string {
	const words = waits.map( waitInWords );
	const last = words.pop() ?? '';
	return words.length
		? sprintf(
				/* translators: 1: the first waits, comma separated, 2: the last wait. */
				__( '%1$s and %2$s', 'footprints' ),
				words.join( ', ' ),
				last
			)
		: ( last ?? '' );
}
