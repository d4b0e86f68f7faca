/**
 * The site owner's instructions for AI drafts: tone, product, sender name,
 * what to offer and anything else, each within its length (data/ai.json).
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
	TextareaControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	maxLength,
	saveAiSettings,
	type AiInstructions,
	type AiSettingsAnswer,
	type InstructionName,
} from './ai-api';
import { errorMessage } from './api';
import FormButtons from './form-buttons';
import { useNotify } from './notices';

interface Props {
	initial: AiInstructions;
	onSaved: ( answer: AiSettingsAnswer ) => void;
}

type Errors = Partial< Record< InstructionName, string > >;

const FIELDS: {
	name: InstructionName;
	label: string;
	help: string;
	long?: boolean;
}[] = [
	{
		name: 'tone',
		label: __( 'Tone', 'footprints' ),
		help: __( 'For example: warm and brief, no jargon.', 'footprints' ),
	},
	{
		name: 'product',
		label: __( 'Product', 'footprints' ),
		help: __(
			'What the site sells or offers, in a sentence or two.',
			'footprints'
		),
		long: true,
	},
	{
		name: 'sender',
		label: __( 'Sender name', 'footprints' ),
		help: __( 'The name the emails are signed with.', 'footprints' ),
	},
	{
		name: 'offer',
		label: __( 'What to offer', 'footprints' ),
		help: __(
			'A demo, a discount code, a call… The draft offers nothing else; left empty, it invites a reply.',
			'footprints'
		),
		long: true,
	},
	{
		name: 'instructions',
		label: __( 'Other instructions', 'footprints' ),
		help: __(
			'Anything else the writer should follow, e.g. “never mention prices”.',
			'footprints'
		),
		long: true,
	},
];

export default function AiInstructionsCard( { initial, onSaved }: Props ) {
	const notify = useNotify();
	const [ settings, setSettings ] = useState( initial );
	const [ errors, setErrors ] = useState< Errors >( {} );
	const [ busy, setBusy ] = useState( false );

	const save = async () => {
		setBusy( true );
		setErrors( {} );
		try {
			const answer = await saveAiSettings( settings );
			setSettings( answer.settings );
			onSaved( answer );
			notify.success( __( 'AI instructions saved.', 'footprints' ) );
		} catch ( error ) {
			const params = ( error as { data?: { params?: Errors } } )?.data
				?.params;
			setErrors( params ?? {} );
			notify.error( errorMessage( error ) );
		} finally {
			setBusy( false );
		}
	};

	return (
		<Card className="footprints-ai-instructions">
			<CardHeader>
				<h2>{ __( 'Instructions for drafts', 'footprints' ) }</h2>
			</CardHeader>
			<CardBody>
				<form
					onSubmit={ ( event ) => {
						event.preventDefault();
						save();
					} }
				>
					<Flex direction="column" gap={ 4 } align="stretch">
						{ FIELDS.map( ( field ) => {
							const shared = {
								__nextHasNoMarginBottom: true,
								label: field.label,
								help:
									errors[ field.name ] ??
									`${ field.help } ${ sprintf(
										/* translators: %d: number of characters. */
										__(
											'Up to %d characters.',
											'footprints'
										),
										maxLength( field.name )
									) }`,
								className: errors[ field.name ]
									? 'footprints-field-error'
									: undefined,
								maxLength: maxLength( field.name ),
								value: settings[ field.name ],
								onChange: ( value: string ) =>
									setSettings( ( current ) => ( {
										...current,
										[ field.name ]: value,
									} ) ),
							};
							return field.long ? (
								<TextareaControl
									key={ field.name }
									rows={ 3 }
									{ ...shared }
								/>
							) : (
								<TextControl
									key={ field.name }
									__next40pxDefaultSize
									{ ...shared }
								/>
							);
						} ) }
						<FormButtons
							label={ __( 'Save AI instructions', 'footprints' ) }
							isSaving={ busy }
						/>
					</Flex>
				</form>
			</CardBody>
		</Card>
	);
}
