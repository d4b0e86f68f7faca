/**
 * The body of a confirmation: what will happen, Cancel, and the action.
 * Used inside a DataViews action's modal and in the screen's own modals.
 */

/**
 * WordPress dependencies
 */
import { Button, Flex } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

interface Props {
	/** What will happen, one paragraph each. */
	messages: string[];
	/** The action's button. */
	label: string;
	/** Red for what cannot be undone. */
	isDestructive?: boolean;
	onConfirm: () => void;
	closeModal?: () => void;
}

export default function Confirm( {
	messages,
	label,
	isDestructive = false,
	onConfirm,
	closeModal,
}: Props ) {
	return (
		<Flex direction="column" gap={ 4 }>
			{ messages.map( ( message ) => (
				<p key={ message }>{ message }</p>
			) ) }
			<Flex justify="flex-end">
				<Button variant="tertiary" onClick={ () => closeModal?.() }>
					{ __( 'Cancel', 'footprints' ) }
				</Button>
				<Button
					variant="primary"
					isDestructive={ isDestructive }
					onClick={ () => {
						closeModal?.();
						onConfirm();
					} }
				>
					{ label }
				</Button>
			</Flex>
		</Flex>
	);
}
