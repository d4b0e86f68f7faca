/**
 * The description field of the definition form: what a useful description
 * says, with an example, and a warning (saving stays allowed) when the
 * description is empty or only repeats the event's name or code, since
 * the AI engine that writes the lead's nurture emails learns nothing from it.
 */

/**
 * WordPress dependencies
 */
import { TextareaControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { descriptionProblem } from './description-check';

interface Props {
	value: string;
	name: string;
	code: string;
	/** The server's or the form's error, shown instead of the guidance. */
	error?: string;
	onChange: ( description: string ) => void;
}

export default function DescriptionField( {
	value,
	name,
	code,
	error,
	onChange,
}: Props ) {
	const problem = descriptionProblem( value, name, code );
	return (
		<div className="footprints-description-field">
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Description', 'footprints' ) }
				help={
					error ??
					__(
						'What the visitor did, what they meant by it, and what it implies for the follow-up. It is the context the AI engine reads when it writes this lead’s nurture emails, so be specific. For example: “Clicked ‘Start free trial’ on the pricing page: ready to try the product; follow up with onboarding help, not a sales pitch.”',
						'footprints'
					)
				}
				value={ value }
				onChange={ onChange }
			/>
			{ problem && (
				<p
					className="footprints-description-warning"
					role="status"
					aria-live="polite"
				>
					{ 'empty' === problem
						? __(
								'No description yet: the AI engine will only know this event’s name. You can still save.',
								'footprints'
							)
						: __(
								'This description only repeats the event’s name or code, so it tells the AI engine nothing new. Say what the visitor did, why, and how to follow up. You can still save.',
								'footprints'
							) }
				</p>
			) }
		</div>
	);
}
