/**
 * The Forms tab: form tracking on or off, which inputs hold a company, a
 * phone and a job title (the only field values kept besides the email),
 * and which forms are contact forms. Saved through footprints/v1/forms
 * (includes/Forms/FormsController.php), which checks them by its schema.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Card,
	CardBody,
	CardHeader,
	Spinner,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { restPath } from '../shared/rest';
import { errorMessage } from './api';
import FormButtons from './form-buttons';
import { useNotify } from './notices';
import { tabUrl } from './tab-url';

type Trait = 'company' | 'phone' | 'job_title';

interface FormSettings {
	enabled: boolean;
	fields: Record< Trait, string[] >;
	contact_forms: string[];
	plugins?: Array< { name: string; prefix: string } >;
}

const ROUTE = restPath( 'forms' );

const TRAITS: Array< [ Trait, string ] > = [
	[ 'company', __( 'Company', 'footprints' ) ],
	[ 'phone', __( 'Phone', 'footprints' ) ],
	[ 'job_title', __( 'Job title', 'footprints' ) ],
];

/**
 * "a, b" for a list; what the owner types back, split on commas.
 * @param list
 */
const joined = ( list: string[] ) => list.join( ', ' );
const split = ( text: string ) =>
	text
		.split( ',' )
		.map( ( item ) => item.trim() )
		.filter( Boolean );

export default function FormsTab() {
	const notify = useNotify();
	const [ settings, setSettings ] = useState< FormSettings | null >( null );
	// What the owner types, kept as typed until saved.
	const [ texts, setTexts ] = useState< Record< string, string > >( {} );
	const [ busy, setBusy ] = useState( false );

	const load = ( loaded: FormSettings ) => {
		setSettings( loaded );
		setTexts( {
			...Object.fromEntries(
				TRAITS.map( ( [ trait ] ) => [
					trait,
					joined( loaded.fields[ trait ] ),
				] )
			),
			contact_forms: joined( loaded.contact_forms ),
		} );
	};

	useEffect( () => {
		apiFetch< FormSettings >( { path: ROUTE } ).then( load, ( error ) =>
			notify.error( errorMessage( error ) )
		);
		// Once, on load.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	if ( ! settings ) {
		return <Spinner />;
	}

	const save = () => {
		setBusy( true );
		apiFetch< FormSettings >( {
			path: ROUTE,
			method: 'PUT',
			data: {
				enabled: settings.enabled,
				fields: Object.fromEntries(
					TRAITS.map( ( [ trait ] ) => [
						trait,
						split( texts[ trait ] ?? '' ),
					] )
				),
				contact_forms: split( texts.contact_forms ?? '' ),
			},
		} )
			.then(
				( saved ) => {
					load( saved );
					notify.success(
						__( 'Form settings saved.', 'footprints' )
					);
				},
				( error ) => notify.error( errorMessage( error ) )
			)
			.finally( () => setBusy( false ) );
	};

	const plugins = settings.plugins ?? [];
	return (
		<form
			className="footprints-forms"
			onSubmit={ ( event ) => {
				event.preventDefault();
				save();
			} }
		>
			<Card>
				<CardHeader>
					<h2>{ __( 'Form tracking', 'footprints' ) }</h2>
				</CardHeader>
				<CardBody>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Track form submissions', 'footprints' ) }
						help={ __(
							'Every successful submit of a form on your site is a Form Submitted event (search forms are left out; a form whose own checks stop the submit sends nothing). The tracking client then loads on every page. An email in the form is an Email Captured event the first time, and it identifies the visitor.',
							'footprints'
						) }
						checked={ settings.enabled }
						onChange={ ( enabled ) =>
							setSettings( { ...settings, enabled } )
						}
					/>
					<p>
						{ plugins.length
							? sprintf(
									/* translators: %s: names of form plugins. */
									__(
										'Form plugins found: %s. Their forms are recorded by the plugin on the server once it has accepted the submission (spam and invalid submissions are not counted).',
										'footprints'
									),
									plugins
										.map( ( plugin ) => plugin.name )
										.join( ', ' )
								)
							: __(
									'No supported form plugin is active (Contact Form 7, Gravity Forms, WPForms, Fluent Forms, Ninja Forms): forms are tracked in the browser.',
									'footprints'
								) }
					</p>
					<p>
						{ __(
							'Each event derived from a form (Email Captured, Invalid Email, Corrected Email, Custom Data Updated, Contact Us) can be switched off on its own:',
							'footprints'
						) }{ ' ' }
						<a href={ tabUrl( 'system' ) }>
							{ __( 'System events', 'footprints' ) }
						</a>
					</p>
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>
						{ __( 'Fields kept about a person', 'footprints' ) }
					</h2>
				</CardHeader>
				<CardBody>
					<p>
						{ __(
							'Besides the email, no value a visitor types is sent or stored unless you name its field here. Give the input names (e.g. your-company), or for a form plugin the field label; separate several with commas.',
							'footprints'
						) }
					</p>
					{ TRAITS.map( ( [ trait, label ] ) => (
						<TextControl
							key={ trait }
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ label }
							value={ texts[ trait ] ?? '' }
							onChange={ ( value ) =>
								setTexts( { ...texts, [ trait ]: value } )
							}
						/>
					) ) }
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Contact forms', 'footprints' ) }</h2>
				</CardHeader>
				<CardBody>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Form ids', 'footprints' ) }
						help={ __(
							'A submission of these forms is also a Contact Us event. A form is known by its id attribute, else its name, else the path it posts to (e.g. contact or /contact/); a form plugin’s as cf7:12, gravityforms:3, wpforms:55, fluentforms:4 or ninjaforms:2. Separate several with commas.',
							'footprints'
						) }
						value={ texts.contact_forms ?? '' }
						onChange={ ( value ) =>
							setTexts( { ...texts, contact_forms: value } )
						}
					/>
				</CardBody>
			</Card>
			<FormButtons
				label={ __( 'Save form settings', 'footprints' ) }
				isSaving={ busy }
			/>
		</form>
	);
}
