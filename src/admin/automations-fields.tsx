/**
 * A CRM action's field mapping: rows of "CRM field ← where its value comes
 * from" (the event, the person, an attribute of the event, a person trait,
 * the link to the lead timeline, the lead brief, or the AI draft when the
 * rule drafts).
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
import { sourcesFor, type FieldRow } from './automations-form-state';

const TRAIT = 'traits.';

interface Props {
	rows: FieldRow[];
	schema: AttributeSchema;
	error?: string;
	/** Whether the rule drafts with AI, so the draft's sources are offered. */
	withDraft: boolean;
	onChange: ( rows: FieldRow[] ) => void;
}

export default function FieldMapping( {
	rows,
	schema,
	error,
	withDraft,
	onChange,
}: Props ) {
	const sources = sourcesFor( schema, withDraft );
	const { change, remove, add } = rowChanges( rows, onChange );
	return (
		<BaseControl
			id="footprints-rule-fields"
			label={ __( 'Field mapping', 'footprints' ) }
			help={
				error ??
				__(
					'Each row sends one CRM field, named as your CRM expects it, with a value from the event or the person. A value the event does not have is sent empty.',
					'footprints'
				)
			}
			className={ error ? 'footprints-field-error' : undefined }
			__nextHasNoMarginBottom
		>
			{ rows.map( ( row, index ) => {
				const isTrait = row.source.startsWith( TRAIT );
				const known = sources.some(
					( source ) => source.value === row.source
				);
				let selected = '';
				if ( isTrait ) {
					selected = TRAIT;
				} else if ( known ) {
					selected = row.source;
				}
				return (
					<Flex
						key={ index }
						align="flex-end"
						className="footprints-rule-row"
					>
						<FlexBlock>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ sprintf(
									/* translators: %d: row number. */
									__( 'CRM field %d', 'footprints' ),
									index + 1
								) }
								value={ row.target }
								onChange={ ( target ) =>
									change( index, { target } )
								}
							/>
						</FlexBlock>
						<span aria-hidden="true" className="footprints-arrow">
							←
						</span>
						<FlexBlock>
							<SelectControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ sprintf(
									/* translators: %d: row number. */
									__(
										'CRM field %d value from',
										'footprints'
									),
									index + 1
								) }
								value={ selected }
								options={ [
									{
										value: '',
										label: __( 'Choose…', 'footprints' ),
										disabled: true,
									},
									...sources,
									{
										value: TRAIT,
										label: __(
											'Person: a trait…',
											'footprints'
										),
									},
								] }
								onChange={ ( source ) =>
									change( index, { source } )
								}
							/>
						</FlexBlock>
						{ isTrait && (
							<FlexBlock>
								<TextControl
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									label={ sprintf(
										/* translators: %d: row number. */
										__(
											'CRM field %d trait name',
											'footprints'
										),
										index + 1
									) }
									value={ row.source.slice( TRAIT.length ) }
									onChange={ ( name ) =>
										change( index, {
											source: TRAIT + name.trim(),
										} )
									}
								/>
							</FlexBlock>
						) }
						<RemoveRowButton
							label={ sprintf(
								/* translators: %d: row number. */
								__( 'Remove CRM field %d', 'footprints' ),
								index + 1
							) }
							onClick={ () => remove( index ) }
						/>
					</Flex>
				);
			} ) }
			<Button
				variant="secondary"
				onClick={ () => add( { target: '', source: '' } ) }
			>
				{ __( 'Add field', 'footprints' ) }
			</Button>
		</BaseControl>
	);
}
