/**
 * The end of a form of the settings screen: Cancel (in a modal), and the
 * submit button, busy while the form is being saved. A settings card has
 * no Cancel: its submit button stands alone at the start.
 */

/**
 * WordPress dependencies
 */
import { Button, Flex } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

interface Props {
	/** The submit button's label, e.g. "Create event". */
	label: string;
	isSaving: boolean;
	/** Cancel, in a modal; none on a settings card. */
	onCancel?: () => void;
}

export default function FormButtons( { label, isSaving, onCancel }: Props ) {
	return (
		<Flex justify={ onCancel ? 'flex-end' : 'flex-start' }>
			{ onCancel && (
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ onCancel }
				>
					{ __( 'Cancel', 'footprints' ) }
				</Button>
			) }
			<Button
				__next40pxDefaultSize
				variant="primary"
				type="submit"
				isBusy={ isSaving }
				disabled={ isSaving }
			>
				{ label }
			</Button>
		</Flex>
	);
}
