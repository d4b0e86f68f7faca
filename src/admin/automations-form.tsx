/**
 * Creates or edits an automation rule in a modal: its name, the event that
 * starts it, attribute conditions, and the action with its fields and
 * options (the lead brief, drafting with AI first: AiOptions). Secrets
 * are write-only: a saved Slack URL or CRM auth value shows as "saved" and
 * stays when its field is left empty. What the server refuses is shown
 * next to the field it names.
 */

/**
 * WordPress dependencies
 */
import {
	Flex,
	Modal,
	RadioControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from './api';
import AiOptions from './automations-ai';
import {
	createRule,
	updateRule,
	type ActionType,
	type CreatedRule,
	type Rule,
} from './automations-api';
import ConditionsEditor from './automations-conditions';
import type { DefinitionsByCode } from './automations-definitions';
import { EventPicker } from './automations-event';
import FieldMapping from './automations-fields';
import {
	EMPTY_FORM,
	fieldOfError,
	messageForField,
	formErrors,
	formFromRule,
	ruleInput,
	urlChanged,
	type FormErrors,
	type RuleForm as FormState,
} from './automations-form-state';
import FormButtons from './form-buttons';

interface Props {
	/** The rule to edit; none to create one. */
	rule?: Rule;
	definitions: DefinitionsByCode;
	onClose: () => void;
	onSaved: ( rule: CreatedRule, created: boolean ) => void;
}

const ACTION_OPTIONS: Array< { value: ActionType; label: string } > = [
	{
		value: 'webhook',
		label: __( 'Post to a webhook (signed JSON)', 'footprints' ),
	},
	{ value: 'slack', label: __( 'Post to a Slack channel', 'footprints' ) },
	{ value: 'crm', label: __( 'Send to a CRM endpoint', 'footprints' ) },
];

/**
 * The last characters of a saved secret's hint, e.g. "…abcd".
 *
 * @param hint E.g. `https://hooks.slack.com/…/abcd`.
 */
function ending( hint: string ): string {
	return `…${ hint.split( '/' ).pop() ?? '' }`;
}

/**
 * The class that shows a field's help as an error.
 *
 * @param error The field's error, if any.
 */
function errorClass( error?: string ) {
	return error ? 'footprints-field-error' : undefined;
}

export default function RuleForm( {
	rule,
	definitions,
	onClose,
	onSaved,
}: Props ) {
	const isNew = ! rule;
	const [ form, setForm ] = useState< FormState >( () =>
		rule ? formFromRule( rule ) : EMPTY_FORM
	);
	const [ errors, setErrors ] = useState< FormErrors >( {} );
	const [ serverError, setServerError ] = useState< string >();
	const [ isSaving, setSaving ] = useState( false );
	const set = ( patch: Partial< FormState > ) =>
		setForm( ( current ) => ( { ...current, ...patch } ) );

	const event = definitions.get( form.event );
	const schema = event?.attributes ?? {};
	const saved = rule?.action.type === form.type ? rule.action : undefined;

	const save = async () => {
		const found = formErrors( form, rule );
		setErrors( found );
		setServerError( undefined );
		if ( Object.keys( found ).length ) {
			return;
		}
		setSaving( true );
		try {
			const input = ruleInput( form, schema );
			onSaved(
				rule
					? await updateRule( rule.id, input )
					: await createRule( input ),
				isNew
			);
		} catch ( error ) {
			const field = fieldOfError( error );
			if ( field ) {
				setErrors( { [ field ]: messageForField( error ) } );
			} else {
				setServerError( errorMessage( error ) );
			}
			setSaving( false );
		}
	};

	let urlHelp = '';
	if ( form.type === 'webhook' ) {
		urlHelp =
			saved?.type === 'webhook'
				? sprintf(
						/* translators: %s: the end of the signing secret, e.g. whsec_…abcd. */
						__(
							'Footprints posts each event here as JSON, signed with this rule’s secret (%s). Changing the URL keeps the secret.',
							'footprints'
						),
						saved.secret_hint
					)
				: __(
						'Footprints posts each event here as JSON, signed with a secret it makes for this rule: you see it once the rule is created.',
						'footprints'
					);
	} else if ( form.type === 'slack' ) {
		urlHelp =
			saved?.type === 'slack'
				? sprintf(
						/* translators: %s: the end of the saved URL, e.g. …abcd. */
						__(
							'Saved, ends in %s. Leave empty to keep it, or paste a new one to replace it.',
							'footprints'
						),
						ending( saved.url_hint )
					)
				: __(
						'In Slack: Apps → Incoming Webhooks → add one for the channel, then paste its URL here. It is kept secret: once saved, it is never shown again.',
						'footprints'
					);
	} else {
		urlHelp = __(
			'Footprints posts the mapped fields here as JSON.',
			'footprints'
		);
	}

	let authValueHelp: string = __(
		'The header’s value, e.g. “Bearer” and your CRM key. Kept secret: once saved, it is never shown again.',
		'footprints'
	);
	if ( saved?.type === 'crm' && saved.has_auth_value ) {
		authValueHelp = urlChanged( form, rule )
			? __(
					'The URL changed: enter the value again. A saved value is never sent to a URL it was not saved for.',
					'footprints'
				)
			: __(
					'Saved. Leave empty to keep it, or enter a new one to replace it.',
					'footprints'
				);
	}

	return (
		<Modal
			title={
				rule
					? sprintf(
							/* translators: %s: rule name. */
							__( 'Edit “%s”', 'footprints' ),
							rule.name
						)
					: __( 'Add automation', 'footprints' )
			}
			onRequestClose={ onClose }
			size="large"
		>
			<form
				className="footprints-rule-form"
				onSubmit={ ( submitted ) => {
					submitted.preventDefault();
					save();
				} }
			>
				<Flex direction="column" gap={ 5 }>
					{ serverError && (
						<p className="footprints-form-error" role="alert">
							{ serverError }
						</p>
					) }
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						className={ errorClass( errors.name ) }
						label={ __( 'Name', 'footprints' ) }
						help={
							errors.name ??
							__(
								'What the rule does, as your team would say it: “New trial to the CRM”, “Signups to #sales”.',
								'footprints'
							)
						}
						value={ form.name }
						onChange={ ( name ) => set( { name } ) }
					/>
					<div className={ errorClass( errors.event ) }>
						<EventPicker
							value={ form.event }
							definitions={ definitions }
							onChange={ ( code ) => set( { event: code } ) }
							help={
								errors.event ??
								__(
									'Search by name or code; system events (Email Captured, Signed In…) are here too.',
									'footprints'
								)
							}
						/>
					</div>
					<ConditionsEditor
						rows={ form.conditions }
						schema={ schema }
						eventName={ event?.name ?? '' }
						error={ errors.conditions }
						onChange={ ( conditions ) => set( { conditions } ) }
					/>
					<RadioControl
						label={ __( 'Then', 'footprints' ) }
						selected={ form.type }
						options={ ACTION_OPTIONS }
						onChange={ ( type ) =>
							set( {
								type: type as ActionType,
								url:
									rule &&
									rule.action.type === type &&
									type !== 'slack'
										? formFromRule( rule ).url
										: '',
							} )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						className={ errorClass( errors.url ) }
						type="url"
						label={
							form.type === 'slack'
								? __(
										'Slack incoming webhook URL',
										'footprints'
									)
								: __( 'URL', 'footprints' )
						}
						placeholder={
							form.type === 'slack' && saved
								? __(
										'Saved (leave empty to keep)',
										'footprints'
									)
								: 'https://'
						}
						help={ errors.url ?? urlHelp }
						value={ form.url }
						onChange={ ( url ) => set( { url } ) }
					/>
					<AiOptions
						type={ form.type }
						includeBrief={ form.includeBrief }
						aiDraft={ form.aiDraft }
						error={ errors.include_brief ?? errors.ai_draft }
						onChange={ set }
					/>
					{ form.type === 'crm' && (
						<>
							<Flex align="flex-start" gap={ 4 }>
								<TextControl
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									className={ errorClass(
										errors.auth_header
									) }
									label={ __(
										'Auth header name',
										'footprints'
									) }
									placeholder="Authorization"
									help={
										errors.auth_header ??
										__(
											'The header that carries your CRM key, e.g. Authorization. Empty when the endpoint needs none.',
											'footprints'
										)
									}
									value={ form.authHeader }
									onChange={ ( authHeader ) =>
										set( { authHeader } )
									}
								/>
								<TextControl
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									className={ errorClass(
										errors.auth_value
									) }
									type="password"
									autoComplete="new-password"
									label={ __(
										'Auth header value',
										'footprints'
									) }
									placeholder={
										saved?.type === 'crm' &&
										saved.has_auth_value
											? __( 'Saved', 'footprints' )
											: ''
									}
									help={ errors.auth_value ?? authValueHelp }
									value={ form.authValue }
									onChange={ ( authValue ) =>
										set( { authValue } )
									}
								/>
							</Flex>
							<FieldMapping
								rows={ form.fields }
								schema={ schema }
								error={ errors.fields }
								withDraft={ form.aiDraft }
								onChange={ ( fields ) => set( { fields } ) }
							/>
						</>
					) }
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Enabled', 'footprints' ) }
						help={ __(
							'When off, the rule sends nothing; its log stays.',
							'footprints'
						) }
						checked={ form.enabled }
						onChange={ ( enabled ) => set( { enabled } ) }
					/>
					<FormButtons
						label={
							isNew
								? __( 'Create automation', 'footprints' )
								: __( 'Save changes', 'footprints' )
						}
						isSaving={ isSaving }
						onCancel={ onClose }
					/>
				</Flex>
			</form>
		</Modal>
	);
}
