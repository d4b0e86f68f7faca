/**
 * The end of a modal form of the settings screen: Cancel, and the submit
 * button, busy while the form is being saved.
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
	onCancel: () => void;
}

export default function FormButtons( { label, isSaving, onCancel }: Props ) {
	return (
		<Flex justify="flex-end">
			<Button
				__next40pxDefaultSize
				variant="tertiary"
				onClick={ onCancel }
			>
				{ __( 'Cancel', 'footprints' ) }
			</Button>
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
