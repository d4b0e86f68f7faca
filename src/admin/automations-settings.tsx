/**
 * The automations settings: after how many failed attempts in a row a rule
 * pauses, how long the delivery log is kept, and whether it keeps the
 * request and response bodies (debugging).
 */

/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardHeader,
	Flex,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from './api';
import {
	BACKOFF_SECONDS,
	saveSettings,
	SETTING_BOUNDS,
	type AutomationSettings,
} from './automations-api';
import {
	fieldOfError,
	messageForField,
	SETTINGS_PATTERNS,
} from './automations-form-state';
import { scheduleInWords } from './automations-words';
import FormButtons from './form-buttons';
import { useNotify } from './notices';

interface Props {
	initial: AutomationSettings;
	onSaved: ( settings: AutomationSettings ) => void;
}

type Errors = Partial< Record< keyof AutomationSettings, string > >;

interface NumberProps {
	name: keyof typeof SETTING_BOUNDS;
	label: string;
	help: string;
	settings: AutomationSettings;
	errors: Errors;
	set: ( patch: Partial< AutomationSettings > ) => void;
}

/**
 * A number setting, its bounds said under it (or the server's message).
 *
 * @param props          Props.
 * @param props.name
 * @param props.label
 * @param props.help
 * @param props.settings
 * @param props.errors
 * @param props.set
 */
function NumberSetting( {
	name,
	label,
	help,
	settings,
	errors,
	set,
}: NumberProps ) {
	const { min, max } = SETTING_BOUNDS[ name ];
	const bounds = sprintf(
		/* translators: 1: smallest value, 2: largest value. */
		__( 'From %1$d to %2$d.', 'footprints' ),
		min,
		max
	);
	return (
		<TextControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			className={ errors[ name ] ? 'footprints-field-error' : undefined }
			type="number"
			min={ min }
			max={ max }
			label={ label }
			help={ errors[ name ] ?? `${ help } ${ bounds }` }
			value={ String( settings[ name ] ) }
			onChange={ ( value ) => set( { [ name ]: Number( value ) } ) }
		/>
	);
}

export default function AutomationSettingsCard( { initial, onSaved }: Props ) {
	const notify = useNotify();
	const [ settings, setSettings ] = useState( initial );
	const [ errors, setErrors ] = useState< Errors >( {} );
	const [ busy, setBusy ] = useState( false );
	const set = ( patch: Partial< AutomationSettings > ) =>
		setSettings( ( current ) => ( { ...current, ...patch } ) );

	const save = async () => {
		setBusy( true );
		setErrors( {} );
		try {
			const saved = await saveSettings( settings );
			setSettings( saved );
			onSaved( saved );
			notify.success( __( 'Automation settings saved.', 'footprints' ) );
		} catch ( error ) {
			const field = fieldOfError( error, SETTINGS_PATTERNS );
			if ( field ) {
				setErrors( { [ field ]: messageForField( error ) } );
			}
			notify.error( errorMessage( error ) );
		} finally {
			setBusy( false );
		}
	};

	const numberProps = { settings, errors, set };
	return (
		<Card className="footprints-automation-settings">
			<CardHeader>
				<h2>{ __( 'Automation settings', 'footprints' ) }</h2>
			</CardHeader>
			<CardBody>
				<form
					onSubmit={ ( event ) => {
						event.preventDefault();
						save();
					} }
				>
					<Flex direction="column" gap={ 4 } align="stretch">
						<NumberSetting
							name="pause_after"
							label={ __(
								'Pause a rule after this many failed attempts in a row',
								'footprints'
							) }
							help={ sprintf(
								/* translators: %s: the retry schedule, e.g. 1 min, 5 min and 30 min. */
								__(
									'A failed delivery is retried after %s, then given up. A paused rule sends nothing until you resume it, and the Automations tab says so.',
									'footprints'
								),
								scheduleInWords( BACKOFF_SECONDS )
							) }
							{ ...numberProps }
						/>
						<NumberSetting
							name="log_days"
							label={ __(
								'Keep the delivery log for (days)',
								'footprints'
							) }
							help={ __(
								'Older log rows are deleted daily.',
								'footprints'
							) }
							{ ...numberProps }
						/>
						<ToggleControl
							__nextHasNoMarginBottom
							label={ __(
								'Log request and response bodies (debug)',
								'footprints'
							) }
							help={
								errors.log_bodies ??
								__(
									'Keeps what was sent and answered with each attempt, to find out why a destination refuses. Bodies hold visitors’ data: switch it off once you are done.',
									'footprints'
								)
							}
							checked={ settings.log_bodies }
							onChange={ ( logBodies ) =>
								set( { log_bodies: logBodies } )
							}
						/>
						<FormButtons
							label={ __(
								'Save automation settings',
								'footprints'
							) }
							isSaving={ busy }
						/>
					</Flex>
				</form>
			</CardBody>
		</Card>
	);
}
