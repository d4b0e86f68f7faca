/**
 * The Automations tab: rules that send an event to a webhook, a Slack
 * channel or a CRM as it happens, their delivery log and the settings. A
 * paused rule is announced at the top until it is resumed.
 */

/**
 * WordPress dependencies
 */
import { Button, Flex, Notice, Spinner } from '@wordpress/components';
import { useCallback, useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from './api';
import {
	deleteRule,
	fetchRules,
	fetchSecret,
	fetchSettings,
	resumeRule,
	sendTest,
	updateRule,
	type AutomationSettings,
	type Rule,
} from './automations-api';
import { useDefinitionsByCode } from './automations-definitions';
import RuleForm from './automations-form';
import { keptInput } from './automations-form-state';
import RulesList, { type RuleHandlers } from './automations-list';
import DeliveryLog from './automations-log';
import SecretModal from './automations-secret';
import AutomationSettingsCard from './automations-settings';
import { pausedReason, testResultInWords } from './automations-words';
import { useNotify } from './notices';
import './automations.scss';

type Editing = { rule?: Rule } | null;
type Secret = { rule: Rule; secret: string; justCreated: boolean } | null;

interface Props {
	/** Events go to a remote backend, where automations run instead. */
	isRemote: boolean;
}

export default function AutomationsTab( { isRemote }: Props ) {
	const notify = useNotify();
	const definitions = useDefinitionsByCode( ( error ) =>
		notify.error( errorMessage( error ) )
	);
	const [ rules, setRules ] = useState< Rule[] | null >( null );
	const [ settings, setSettings ] = useState< AutomationSettings | null >(
		null
	);
	const [ editing, setEditing ] = useState< Editing >( null );
	const [ secret, setSecret ] = useState< Secret >( null );
	const [ logKey, setLogKey ] = useState( 0 );

	const reload = useCallback( () => {
		fetchRules().then( setRules, ( error ) => {
			setRules( ( current ) => current ?? [] );
			notify.error( errorMessage( error ) );
		} );
		setLogKey( ( key ) => key + 1 );
		// notify is recreated each render; its functions are stable in effect.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	useEffect( () => {
		reload();
		fetchSettings().then( setSettings, ( error ) =>
			notify.error( errorMessage( error ) )
		);
		// Once, on load.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	/**
	 * Runs a request about one rule, then says what happened.
	 *
	 * @param request The request.
	 * @param success What to say when it worked.
	 */
	const act = useCallback(
		async ( request: () => Promise< unknown >, success: string ) => {
			try {
				await request();
				notify.success( success );
			} catch ( error ) {
				notify.error( errorMessage( error ) );
			}
			reload();
		},
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[ reload ]
	);

	const handlers = useMemo< RuleHandlers >(
		() => ( {
			edit: ( rule ) => setEditing( { rule } ),
			test: async ( rule ) => {
				try {
					const result = await sendTest( rule.id );
					const message = sprintf(
						/* translators: 1: rule name, 2: what happened, e.g. Delivered: 200 in 84 ms. */
						__( 'Test of “%1$s”. %2$s', 'footprints' ),
						rule.name,
						testResultInWords( result )
					);
					if ( result.ok ) {
						notify.success( message );
					} else {
						notify.error( message );
					}
				} catch ( error ) {
					notify.error( errorMessage( error ) );
				}
				reload();
			},
			showSecret: async ( rule ) => {
				try {
					setSecret( {
						rule,
						secret: await fetchSecret( rule.id ),
						justCreated: false,
					} );
				} catch ( error ) {
					notify.error( errorMessage( error ) );
				}
			},
			resume: ( rule ) =>
				act(
					() => resumeRule( rule.id ),
					sprintf(
						/* translators: %s: rule name. */
						__( '“%s” is sending again.', 'footprints' ),
						rule.name
					)
				),
			setEnabled: ( rule, enabled ) => {
				const message = enabled
					? /* translators: %s: rule name. */
						__( '“%s” is enabled.', 'footprints' )
					: /* translators: %s: rule name. */
						__(
							'“%s” is disabled: it sends nothing until you enable it.',
							'footprints'
						);
				return act(
					() => updateRule( rule.id, keptInput( rule, { enabled } ) ),
					sprintf( message, rule.name )
				);
			},
			remove: ( rule ) =>
				act(
					() => deleteRule( rule.id ),
					sprintf(
						/* translators: %s: rule name. */
						__( '“%s” was deleted.', 'footprints' ),
						rule.name
					)
				),
		} ),
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[ act, reload ]
	);

	if ( ! rules || ! definitions ) {
		return <Spinner />;
	}
	const paused = rules.filter( ( rule ) => rule.enabled && rule.paused );
	return (
		<Flex direction="column" gap={ 6 } className="footprints-automations">
			{ isRemote && (
				<Notice status="info" isDismissible={ false }>
					{ __(
						'This site sends its events to a remote backend, and automations run where events are stored: set them up on the backend. Rules here act only on events stored on this site.',
						'footprints'
					) }
				</Notice>
			) }
			{ paused.map( ( rule ) => (
				<Notice
					key={ rule.id }
					status="warning"
					isDismissible={ false }
					className="footprints-paused-notice"
					actions={ [
						{
							label: sprintf(
								/* translators: %s: rule name. */
								__( 'Resume “%s”', 'footprints' ),
								rule.name
							),
							onClick: () => handlers.resume( rule ),
							variant: 'secondary',
						},
					] }
				>
					{ sprintf(
						/* translators: 1: rule name, 2: why it is paused. */
						__(
							'“%1$s” is paused and sends nothing. %2$s Check its destination (the delivery log below shows what it answered), then resume it.',
							'footprints'
						),
						rule.name,
						pausedReason( rule )
					) }
				</Notice>
			) ) }
			<section aria-labelledby="footprints-automations-rules">
				<Flex justify="space-between" align="center">
					<h2 id="footprints-automations-rules">
						{ __( 'Automations', 'footprints' ) }
					</h2>
					<Button
						__next40pxDefaultSize
						variant="primary"
						onClick={ () => setEditing( {} ) }
					>
						{ __( 'Add automation', 'footprints' ) }
					</Button>
				</Flex>
				<p>
					{ __(
						'When an event happens, send it to a webhook (signed), a Slack channel or your CRM. Delivery runs in the background and failed deliveries are retried.',
						'footprints'
					) }
				</p>
				<RulesList
					rules={ rules }
					definitions={ definitions }
					handlers={ handlers }
				/>
			</section>
			<DeliveryLog
				rules={ rules }
				definitions={ definitions }
				reloadKey={ logKey }
			/>
			{ settings && (
				<AutomationSettingsCard
					initial={ settings }
					onSaved={ setSettings }
				/>
			) }
			{ editing && (
				<RuleForm
					rule={ editing.rule }
					definitions={ definitions }
					onClose={ () => setEditing( null ) }
					onSaved={ ( saved, created ) => {
						setEditing( null );
						reload();
						const message = created
							? /* translators: %s: rule name. */
								__( '“%s” was created.', 'footprints' )
							: /* translators: %s: rule name. */
								__( '“%s” was saved.', 'footprints' );
						notify.success( sprintf( message, saved.name ) );
						if ( created && saved.secret ) {
							setSecret( {
								rule: saved,
								secret: saved.secret,
								justCreated: true,
							} );
						}
					} }
				/>
			) }
			{ secret && (
				<SecretModal
					ruleName={ secret.rule.name }
					secret={ secret.secret }
					justCreated={ secret.justCreated }
					onClose={ () => setSecret( null ) }
				/>
			) }
		</Flex>
	);
}
