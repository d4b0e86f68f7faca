/**
 * Every result of the settings screen is announced as a notice (success,
 * error) through the core notices store, shown at the top of the screen.
 */

/**
 * WordPress dependencies
 */
import { NoticeList } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';

const CONTEXT = 'footprints';

export function Notices() {
	const notices = useSelect(
		( select ) => select( noticesStore ).getNotices( CONTEXT ),
		[]
	);
	const { removeNotice } = useDispatch( noticesStore );
	return (
		<NoticeList
			className="footprints-notices"
			notices={ notices }
			onRemove={ ( id ) => removeNotice( id, CONTEXT ) }
		/>
	);
}

/**
 * Shows a success or an error notice; the newest replaces the previous.
 */
export function useNotify() {
	const { createSuccessNotice, createErrorNotice } =
		useDispatch( noticesStore );
	return {
		success: ( message: string ) =>
			createSuccessNotice( message, { context: CONTEXT, id: 'result' } ),
		error: ( message: string ) =>
			createErrorNotice( message, { context: CONTEXT, id: 'result' } ),
	};
}
