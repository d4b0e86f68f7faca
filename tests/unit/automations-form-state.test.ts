/**
 * The rule form's rules (src/admin/automations-form-state.ts): what it
 * sends, what it keeps secret, what it asks for, and where a server error
 * goes.
 */

/**
 * Internal dependencies
 */
import type { Rule } from '../../src/admin/automations-api';
import {
	EMPTY_FORM,
	fieldMappingProblem,
	fieldOfError,
	formErrors,
	formFromRule,
	isValidSource,
	keptInput,
	messageForField,
	ruleInput,
	SETTINGS_PATTERNS,
	sourcesFor,
	takes,
	urlChanged,
} from '../../src/admin/automations-form-state';

const CRM: Rule = {
	id: 3,
	name: 'Leads to the CRM',
	event: 'identity_conversion',
	conditions: [ { attribute: 'seats', operator: 'greater_than', value: 5 } ],
	action: {
		type: 'crm',
		url: 'https://crm.example.com/leads',
		auth_header: 'Authorization',
		has_auth_value: true,
		fields: { email: 'person.email', plan: 'attributes.plan' },
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

const SLACK: Rule = {
	...CRM,
	id: 4,
	action: {
		type: 'slack',
		url_hint: 'https://hooks.slack.com/…/wxyz',
		include_brief: false,
	},
};

describe( 'what the form sends', () => {
	it( 'types condition values by the event’s schema', () => {
		const input = ruleInput(
			{
				...EMPTY_FORM,
				name: ' Big deals ',
				event: 'order_completed',
				url: ' https://hooks.example.com/x ',
				conditions: [
					{
						attribute: 'total',
						operator: 'greater_than',
						value: '199.5',
					},
					{ attribute: 'paid', operator: 'equals', value: 'true' },
					{ attribute: 'plan', operator: 'equals', value: '42' },
					{
						attribute: 'coupon',
						operator: 'exists',
						value: 'ignored',
					},
				],
			},
			{ total: 'number', paid: 'boolean', plan: 'string' }
		);
		expect( input ).toEqual( {
			name: 'Big deals',
			event: 'order_completed',
			enabled: true,
			conditions: [
				{ attribute: 'total', operator: 'greater_than', value: 199.5 },
				{ attribute: 'paid', operator: 'equals', value: true },
				{ attribute: 'plan', operator: 'equals', value: '42' },
				{ attribute: 'coupon', operator: 'exists' },
			],
			action: {
				type: 'webhook',
				url: 'https://hooks.example.com/x',
				include_brief: false,
				ai_draft: false,
			},
		} );
	} );

	it( 'leaves out a Slack URL and a CRM auth value left empty, so the saved ones stay', () => {
		expect( ruleInput( formFromRule( SLACK ), {} ).action ).toEqual( {
			type: 'slack',
			include_brief: false,
		} );
		expect( ruleInput( formFromRule( CRM ), { seats: 'number' } ) ).toEqual(
			{
				name: 'Leads to the CRM',
				event: 'identity_conversion',
				enabled: true,
				conditions: [
					{ attribute: 'seats', operator: 'greater_than', value: 5 },
				],
				action: {
					type: 'crm',
					url: 'https://crm.example.com/leads',
					auth_header: 'Authorization',
					fields: { email: 'person.email', plan: 'attributes.plan' },
					ai_draft: false,
				},
			}
		);
		expect(
			ruleInput( { ...formFromRule( CRM ), authValue: 'Bearer k' }, {} )
				.action
		).toMatchObject( { auth_value: 'Bearer k' } );
	} );

	it( 'sends a saved rule back unchanged but for enabled, without secrets', () => {
		expect( keptInput( CRM, { enabled: false } ) ).toEqual( {
			name: 'Leads to the CRM',
			event: 'identity_conversion',
			enabled: false,
			conditions: CRM.conditions,
			action: {
				type: 'crm',
				url: 'https://crm.example.com/leads',
				auth_header: 'Authorization',
				fields: { email: 'person.email', plan: 'attributes.plan' },
				ai_draft: false,
			},
		} );
		expect( keptInput( SLACK ).action ).toEqual( {
			type: 'slack',
			include_brief: false,
		} );
	} );

	it( 'sends the brief and AI draft options each action type takes, and keeps them', () => {
		const webhook: Rule = {
			...CRM,
			action: {
				type: 'webhook',
				url: 'https://hooks.example.com/x',
				secret_hint: 'whsec_…AbCd',
				include_brief: true,
				ai_draft: true,
			},
		};
		const form = formFromRule( webhook );
		expect( [ form.includeBrief, form.aiDraft ] ).toEqual( [ true, true ] );
		expect( ruleInput( form, {} ).action ).toEqual( {
			type: 'webhook',
			url: 'https://hooks.example.com/x',
			include_brief: true,
			ai_draft: true,
		} );
		expect( keptInput( webhook, { enabled: false } ).action ).toEqual( {
			type: 'webhook',
			url: 'https://hooks.example.com/x',
			include_brief: true,
			ai_draft: true,
		} );
		// Slack takes no draft, a CRM no include_brief (it maps the source brief).
		expect(
			ruleInput(
				{ ...formFromRule( SLACK ), includeBrief: true, aiDraft: true },
				{}
			).action
		).toEqual( { type: 'slack', include_brief: true } );
		const crm = ruleInput(
			{
				...formFromRule( CRM ),
				includeBrief: true,
				aiDraft: true,
				fields: [
					{ target: 'subject', source: 'draft.subject' },
					{ target: 'notes', source: 'brief' },
				],
			},
			{}
		).action;
		expect( crm ).toEqual( {
			type: 'crm',
			url: 'https://crm.example.com/leads',
			auth_header: 'Authorization',
			fields: { subject: 'draft.subject', notes: 'brief' },
			ai_draft: true,
		} );
		expect(
			[ 'webhook', 'slack', 'crm' ].map( ( type ) => [
				takes( type as 'webhook', 'include_brief' ),
				takes( type as 'webhook', 'ai_draft' ),
			] )
		).toEqual( [
			[ true, true ],
			[ true, false ],
			[ false, true ],
		] );
	} );
} );

describe( 'the sources of a CRM field', () => {
	it( 'offer the lead brief always and the AI draft only when the rule drafts', () => {
		const values = ( withDraft: boolean ) =>
			sourcesFor( { plan: 'string' }, withDraft ).map(
				( source ) => source.value
			);
		expect( values( false ) ).toContain( 'brief' );
		expect( values( false ) ).not.toContain( 'draft.subject' );
		expect( values( false ) ).not.toContain( 'draft.body' );
		expect( values( true ) ).toEqual(
			expect.arrayContaining( [ 'brief', 'draft.subject', 'draft.body' ] )
		);
		expect( values( true ) ).toHaveLength( values( false ).length + 2 );
	} );
} );

describe( 'what the form asks for', () => {
	it( 'names each missing part, and leaves the URL’s form to the server', () => {
		expect(
			formErrors( {
				...EMPTY_FORM,
				conditions: [
					{ attribute: 'plan', operator: 'equals', value: ' ' },
				],
			} )
		).toEqual( {
			name: 'Give the rule a name.',
			event: 'Choose the event that starts it.',
			conditions:
				'Condition 1 needs an attribute and a value (or “is present”).',
			url: 'Enter the URL to send to.',
		} );
		expect(
			formErrors( {
				...EMPTY_FORM,
				name: 'x',
				event: 'signed_up',
				url: 'ftp://nope',
			} )
		).toEqual( {} );
	} );

	it( 'needs a Slack URL for a new Slack rule only', () => {
		const form = { ...formFromRule( SLACK ) };
		expect( formErrors( form, SLACK ) ).toEqual( {} );
		expect( formErrors( form ).url ).toMatch(
			/Slack incoming webhook URL/
		);
	} );

	it( 'sees a changed CRM URL, which needs the auth value again', () => {
		const form = formFromRule( CRM );
		expect( urlChanged( form, CRM ) ).toBe( false );
		expect(
			urlChanged(
				{ ...form, url: 'https://other.example.com/leads' },
				CRM
			)
		).toBe( true );
		expect( urlChanged( form ) ).toBe( false );
	} );
} );

describe( 'the CRM field mapping', () => {
	it( 'takes a fixed source, or an attribute or trait by snake_case name', () => {
		expect( isValidSource( 'person.email' ) ).toBe( true );
		expect( isValidSource( 'timeline_url' ) ).toBe( true );
		expect( isValidSource( 'attributes.plan_tier' ) ).toBe( true );
		expect( isValidSource( 'traits.company' ) ).toBe( true );
		expect( isValidSource( 'traits.' ) ).toBe( false );
		expect( isValidSource( 'attributes.Plan' ) ).toBe( false );
		expect( isValidSource( 'person.password' ) ).toBe( false );
	} );

	it( 'needs a row, each field named once, each with a source', () => {
		expect( fieldMappingProblem( [] ) ).toBe(
			'Map at least one CRM field, e.g. email ← Person: email.'
		);
		expect(
			fieldMappingProblem( [
				{ target: 'email', source: 'person.email' },
				{ target: ' ', source: 'event.code' },
			] )
		).toBe( 'Field 2 needs the CRM field’s name.' );
		expect(
			fieldMappingProblem( [
				{ target: 'email', source: 'person.email' },
				{ target: 'email ', source: 'event.code' },
			] )
		).toBe( '“email” is mapped twice: each CRM field takes one source.' );
		expect(
			fieldMappingProblem( [ { target: 'company', source: 'traits.' } ] )
		).toBe( 'Choose where “company” takes its value from.' );
		expect(
			fieldMappingProblem( [
				{ target: 'email', source: 'person.email' },
			] )
		).toBeUndefined();
	} );
} );

describe( 'where a server error goes', () => {
	it( 'follows the field the error names', () => {
		const named = ( field: string ) =>
			fieldOfError( { message: `${ field }: wrong`, data: { field } } );
		expect( named( 'action.url' ) ).toBe( 'url' );
		expect( named( 'action.auth_value' ) ).toBe( 'auth_value' );
		expect( named( 'action.auth_header' ) ).toBe( 'auth_header' );
		expect( named( 'action.fields.email' ) ).toBe( 'fields' );
		expect( named( 'action.ai_draft' ) ).toBe( 'ai_draft' );
		expect( named( 'action.include_brief' ) ).toBe( 'include_brief' );
		expect( named( 'conditions[1].value' ) ).toBe( 'conditions' );
		expect( named( 'event' ) ).toBe( 'event' );
		expect( named( 'name' ) ).toBe( 'name' );
	} );

	it( 'reads the parameters of a schema error, then the message', () => {
		expect(
			fieldOfError( {
				message: 'Invalid parameter(s): action',
				data: {
					params: { action: 'action[url] is not of type string.' },
				},
			} )
		).toBe( 'url' );
		expect(
			fieldOfError( {
				message: 'the CRM URL changed, so enter the auth value again',
			} )
		).toBe( 'auth_value' );
		expect(
			fieldOfError( { message: 'Sorry, you are not allowed.' } )
		).toBe( undefined );
	} );

	it( 'finds the setting a settings error names', () => {
		expect(
			fieldOfError(
				{
					message: 'Invalid parameter(s): log_days',
					data: {
						params: {
							log_days: 'log_days must be between 1 and 365',
						},
					},
				},
				SETTINGS_PATTERNS
			)
		).toBe( 'log_days' );
	} );
} );

describe( 'a server message next to its field', () => {
	it( 'leaves out the field name the label already says', () => {
		expect(
			messageForField( {
				message:
					'action.url: enter a full address such as https://example.com/hooks.',
				data: { field: 'action.url' },
			} )
		).toBe( 'Enter a full address such as https://example.com/hooks.' );
		expect(
			messageForField( {
				message: 'Something else.',
				data: { field: 'name' },
			} )
		).toBe( 'Something else.' );
	} );
} );
