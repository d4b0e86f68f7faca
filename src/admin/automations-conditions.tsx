/**
 * The rule form's attribute conditions: rows of attribute (from the chosen
 * event's schema), operator and value; all of them must hold.
 */

/**
 * WordPress dependencies
 */
import {
	BaseControl,
	Button,
	Flex,
	FlexBlock,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { RemoveRowButton, rowChanges } from './rows';
import type { AttributeSchema } from '../shared/types';
import { OPERATORS, type Operator } from './automations-api';
import type { ConditionRow } from './automations-form-state';
import { OPERATOR_LABELS } from './automations-words';

interface Props {
	rows: ConditionRow[];
	schema: AttributeSchema;
	/** The chosen event's name, or empty when none is chosen. */
	eventName: string;
	error?: string;
	onChange: ( rows: ConditionRow[] ) => void;
}

export default function ConditionsEditor( {
	rows,
	schema,
	eventName,
	error,
	onChange,
}: Props ) {
	const names = Object.keys( schema );
	const { change, remove, add } = rowChanges( rows, onChange );
	let help: string = __(
		'Optional. The rule runs only when every condition holds; with none, on every such event.',
		'footprints'
	);
	if ( ! eventName ) {
		help = __(
			'Choose the event first: conditions test its attributes.',
			'footprints'
		);
	} else if ( ! names.length ) {
		help = sprintf(
			/* translators: %s: event name. */
			__(
				'“%s” has no attributes in its schema, so there is nothing to test. Add attributes to it on the Events tab to use conditions.',
				'footprints'
			),
			eventName
		);
	}
	return (
		<BaseControl
			id="footprints-rule-conditions"
			label={ __( 'Only when', 'footprints' ) }
			help={ error ?? help }
			className={ error ? 'footprints-field-error' : undefined }
			__nextHasNoMarginBottom
		>
			{ rows.map( ( row, index ) => {
				const type = schema[ row.attribute ];
				const valueLabel = sprintf(
					/* translators: %d: row number. */
					__( 'Condition %d value', 'footprints' ),
					index + 1
				);
				const attributes =
					names.includes( row.attribute ) || ! row.attribute
						? names
						: [ row.attribute, ...names ];
				return (
					<Flex
						key={ index }
						align="flex-end"
						className="footprints-rule-row"
					>
						<FlexBlock>
							<SelectControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ sprintf(
									/* translators: %d: row number. */
									__(
										'Condition %d attribute',
										'footprints'
									),
									index + 1
								) }
								value={ row.attribute }
								options={ [
									{
										value: '',
										label: __( 'Choose…', 'footprints' ),
										disabled: true,
									},
									...attributes.map( ( name ) => ( {
										value: name,
										label: schema[ name ]
											? `${ name } (${ schema[ name ] })`
											: name,
									} ) ),
								] }
								onChange={ ( attribute ) =>
									change( index, { attribute } )
								}
							/>
						</FlexBlock>
						<FlexBlock>
							<SelectControl< Operator >
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ sprintf(
									/* translators: %d: row number. */
									__( 'Condition %d operator', 'footprints' ),
									index + 1
								) }
								value={ row.operator }
								options={ OPERATORS.map( ( operator ) => ( {
									value: operator,
									label: OPERATOR_LABELS[ operator ],
								} ) ) }
								onChange={ ( operator ) =>
									change( index, { operator } )
								}
							/>
						</FlexBlock>
						<FlexBlock>
							{ row.operator !== 'exists' &&
								( type === 'boolean' ? (
									<SelectControl< string >
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										label={ valueLabel }
										value={ row.value }
										options={ [
											{
												value: '',
												label: __(
													'Choose…',
													'footprints'
												),
												disabled: true,
											},
											{ value: 'true', label: 'true' },
											{ value: 'false', label: 'false' },
										] }
										onChange={ ( value ) =>
											change( index, { value } )
										}
									/>
								) : (
									<TextControl
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										type={
											type === 'number'
												? 'number'
												: 'text'
										}
										label={ valueLabel }
										value={ row.value }
										onChange={ ( value ) =>
											change( index, { value } )
										}
									/>
								) ) }
						</FlexBlock>
						<RemoveRowButton
							label={ sprintf(
								/* translators: %d: row number. */
								__( 'Remove condition %d', 'footprints' ),
								index + 1
							) }
							onClick={ () => remove( index ) }
						/>
					</Flex>
				);
			} ) }
			{ names.length > 0 && (
				<Button
					variant="secondary"
					onClick={ () =>
						add( {
							attribute: names[ 0 ],
							operator: 'equals',
							value: '',
						} )
					}
				>
					{ __( 'Add condition', 'footprints' ) }
				</Button>
			) }
		</BaseControl>
	);
}
