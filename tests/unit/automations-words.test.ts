/**
 * How the Automations tab says a rule in words (src/admin/automations-words.ts).
 */

/**
 * Internal dependencies
 */
import type { Rule } from '../../src/admin/automations-api';
import {
	actionInWords,
	conditionsInWords,
	hostOf,
	pausedReason,
	ruleStatus,
	testResultInWords,
} from '../../src/admin/automations-words';

const RULE: Rule = {
	id: 7,
	name: 'Trials to the CRM',
	event: 'trial_started',
	conditions: [],
	action: {
		type: 'webhook',
		url: 'https://hooks.example.com/in?x=1',
		secret_hint: 'whsec_…AbCd',
		include_brief: false,
		ai_draft: false,
	},
	enabled: true,
	paused: false,
	paused_at: null,
	consecutive_failures: 0,
	last_delivery: null,
	created_at: '2026-11-24T01:00:00Z',
	updated_at: '2026-11-24T01:00:00Z',
};

describe( 'conditions in words', () => {
	it( 'quotes text, leaves numbers and booleans bare, joins with "and"', () => {
		expect(
			conditionsInWords( [
				{ attribute: 'plan', operator: 'equals', value: 'pro' },
				{ attribute: 'price', operator: 'greater_than', value: 100 },
				{ attribute: 'trial', operator: 'not_equals', value: false },
				{ attribute: 'coupon', operator: 'exists' },
				{ attribute: 'page', operator: 'contains', value: 'pricing' },
				{ attribute: 'seats', operator: 'less_than', value: 5 },
			] )
		).toBe(
			'plan is “pro” and price is greater than 100 and trial is not false and coupon is present and page contains “pricing” and seats is less than 5'
		);
	} );

	it( 'says "Every time" for a rule without conditions', () => {
		expect( conditionsInWords( [] ) ).toBe( 'Every time' );
	} );
} );

describe( 'the action and its destination', () => {
	it( 'names the type and the host only', () => {
		expect( actionInWords( RULE.action ) ).toBe(
			'Webhook → hooks.example.com'
		);
		expect(
			actionInWords( {
				type: 'slack',
				url_hint: 'https://hooks.slack.com/…/wxyz',
				include_brief: false,
			} )
		).toBe( 'Slack → hooks.slack.com' );
		expect(
			actionInWords( {
				type: 'crm',
				url: 'http://127.0.0.1:8837/crm',
				auth_header: 'Authorization',
				has_auth_value: true,
				fields: { email: 'person.email' },
				ai_draft: false,
			} )
		).toBe( 'CRM → 127.0.0.1:8837' );
		expect(
			actionInWords( {
				...RULE.action,
				include_brief: true,
				ai_draft: true,
			} as Rule[ 'action' ] )
		).toBe( 'Webhook → hooks.example.com, with lead brief and AI draft' );
		expect(
			actionInWords( {
				type: 'crm',
				url: 'https://crm.example.com/x',
				auth_header: '',
				has_auth_value: false,
				fields: { subject: 'draft.subject' },
				ai_draft: true,
			} )
		).toBe( 'CRM → crm.example.com, with AI draft' );
	} );

	it( 'shows text that is no URL as it is', () => {
		expect( hostOf( 'not a url' ) ).toBe( 'not a url' );
	} );
} );

describe( 'status', () => {
	it( 'is disabled by choice before paused by failures', () => {
		expect( ruleStatus( RULE ) ).toBe( 'active' );
		expect( ruleStatus( { ...RULE, paused: true } ) ).toBe( 'paused' );
		expect( ruleStatus( { ...RULE, paused: true, enabled: false } ) ).toBe(
			'disabled'
		);
	} );

	it( 'says how many attempts failed in a row', () => {
		expect(
			pausedReason( { ...RULE, paused: true, consecutive_failures: 10 } )
		).toBe( 'Paused after 10 failed deliveries in a row.' );
		expect(
			pausedReason( { ...RULE, paused: true, consecutive_failures: 1 } )
		).toBe( 'Paused after 1 failed delivery.' );
	} );
} );

describe( 'a test delivery', () => {
	it( 'says the code and time when delivered', () => {
		expect(
			testResultInWords( {
				ok: true,
				response_code: 200,
				duration_ms: 84,
				error: null,
			} )
		).toBe( 'Delivered: 200 in 84 ms' );
	} );

	it( 'says the code or only the time, and the error, when it failed', () => {
		expect(
			testResultInWords( {
				ok: false,
				response_code: 500,
				duration_ms: 12,
				error: 'HTTP 500',
			} )
		).toBe( 'Failed: 500 in 12 ms: HTTP 500' );
		expect(
			testResultInWords( {
				ok: false,
				response_code: null,
				duration_ms: 5003,
				error: 'Operation timed out',
			} )
		).toBe( 'Failed after 5003 ms: Operation timed out' );
	} );
} );
