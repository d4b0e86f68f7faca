/**
 * Creates or edits a definition in a modal. The code is suggested from the
 * name while creating and locked afterwards; the description explains that
 * it is what the AI engine reads when it writes nurture emails
 * (DescriptionField: guidance, an example, and a warning that never blocks
 * saving).
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	ColorIndicator,
	ColorPicker,
	Dropdown,
	Flex,
	Modal,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	codeFromName,
	validateDefinition,
	type Definition,
	type DefinitionErrors,
	type DefinitionInput,
	type WritableField,
} from '../shared/definition';
import {
	createDefinition,
	errorField,
	errorMessage,
	updateDefinition,
} from './api';
import AttributesEditor from './attributes-editor';
import DescriptionField from './description-field';
import FormButtons from './form-buttons';

interface Props {
	/** The definition to edit; none to create one. */
	definition?: Definition;
	onClose: () => void;
	onSaved: ( definition: Definition, created: boolean ) => void;
}

const NEW: DefinitionInput = {
	code: '',
	name: '',
	color: '#3858e9',
	description: '',
	enabled: true,
	attributes: {},
};

export default function DefinitionForm( {
	definition,
	onClose,
	onSaved,
}: Props ) {
	const isNew = ! definition;
	const [ input, setInput ] = useState< DefinitionInput >( () =>
		definition
			? {
					code: definition.code,
					name: definition.name,
					color: definition.color,
					description: definition.description,
					enabled: definition.enabled,
					attributes: definition.attributes,
				}
			: NEW
	);
	const [ codeTouched, setCodeTouched ] = useState( false );
	const [ errors, setErrors ] = useState< DefinitionErrors >( {} );
	const [ serverError, setServerError ] = useState< string >();
	const [ isSaving, setSaving ] = useState( false );
	const [ attributeProblem, setAttributeProblem ] = useState< string | null >(
		null
	);

	const set = ( patch: Partial< DefinitionInput > ) =>
		setInput( ( current ) => ( { ...current, ...patch } ) );

	const save = async () => {
		const found = validateDefinition( input );
		if ( attributeProblem ) {
			found.attributes = attributeProblem;
		}
		setErrors( found );
		setServerError( undefined );
		if ( Object.keys( found ).length ) {
			return;
		}
		setSaving( true );
		try {
			const saved = isNew
				? await createDefinition( input )
				: await updateDefinition( input.code, {
						name: input.name,
						color: input.color,
						description: input.description,
						enabled: input.enabled,
						attributes: input.attributes,
					} );
			onSaved( saved, isNew );
		} catch ( error ) {
			const field = errorField( error ) as WritableField | undefined;
			if ( field ) {
				setErrors( { [ field ]: errorMessage( error ) } );
			}
			setServerError( errorMessage( error ) );
		} finally {
			setSaving( false );
		}
	};

	return (
		<Modal
			title={
				isNew
					? __( 'Add event', 'footprints' )
					: sprintf(
							/* translators: %s: event name. */
							__( 'Edit “%s”', 'footprints' ),
							definition.name
						)
			}
			onRequestClose={ onClose }
			size="medium"
		>
			<form
				onSubmit={ ( event ) => {
					event.preventDefault();
					save();
				} }
			>
				<Flex direction="column" gap={ 4 }>
					{ serverError && (
						<p className="footprints-form-error" role="alert">
							{ serverError }
						</p>
					) }
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Name', 'footprints' ) }
						help={
							errors.name ??
							__(
								'Object and action, as people say it: “Trial Started”, “Invite Sent”, “Order Completed”.',
								'footprints'
							)
						}
						value={ input.name }
						onChange={ ( name ) =>
							set(
								isNew && ! codeTouched
									? { name, code: codeFromName( name ) }
									: { name }
							)
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Code', 'footprints' ) }
						help={
							errors.code ??
							( isNew
								? __(
										'Used in blocks, shortcodes and code, e.g. trial_started. It cannot change once the event is created.',
										'footprints'
									)
								: __(
										'The code is locked: blocks, shortcodes and stored events refer to it.',
										'footprints'
									) )
						}
						value={ input.code }
						disabled={ ! isNew }
						onChange={ ( code ) => {
							setCodeTouched( true );
							set( { code: code.trim() } );
						} }
					/>
					<DescriptionField
						value={ input.description ?? '' }
						name={ input.name }
						code={ input.code }
						error={ errors.description }
						onChange={ ( description ) => set( { description } ) }
					/>
					<Flex justify="flex-start">
						<Dropdown
							popoverProps={ { placement: 'bottom-start' } }
							renderToggle={ ( { isOpen, onToggle } ) => (
								<Button
									__next40pxDefaultSize
									variant="secondary"
									aria-expanded={ isOpen }
									onClick={ onToggle }
								>
									<ColorIndicator
										colorValue={ input.color }
									/>
									&nbsp;
									{ sprintf(
										/* translators: %s: hex color. */
										__( 'Color: %s', 'footprints' ),
										input.color ?? ''
									) }
								</Button>
							) }
							renderContent={ () => (
								<ColorPicker
									color={ input.color }
									onChange={ ( color ) => set( { color } ) }
								/>
							) }
						/>
						{ errors.color && (
							<span role="alert">{ errors.color }</span>
						) }
					</Flex>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Enabled', 'footprints' ) }
						help={ __(
							'When off, the event is not tracked; its history stays.',
							'footprints'
						) }
						checked={ input.enabled ?? true }
						onChange={ ( enabled ) => set( { enabled } ) }
					/>
					<AttributesEditor
						value={ input.attributes ?? {} }
						error={ errors.attributes }
						onChange={ ( attributes, problem ) => {
							set( { attributes } );
							setAttributeProblem( problem );
						} }
					/>
					<FormButtons
						label={
							isNew
								? __( 'Create event', 'footprints' )
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
