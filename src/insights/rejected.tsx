/**
 * The Rejected events view: the events the collectors refused, counted
 * per event code and reason, the most frequent first, each reason in
 * words (the settings screen's table, src/admin/collector-rejections.tsx).
 * Reading them needs the capability that manages Footprints, as on the
 * settings screen.
 */

/**
 * WordPress dependencies
 */
import { Notice, Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { RejectionsTable, type Rejection } from '../admin/collector-rejections';
import { restPath } from '../shared/rest';
import { useRest } from './api';
import EmptyState from './empty-state';

export default function RejectedEvents() {
	const { data, error } = useRest< Rejection[] >( restPath( 'rejections' ) );
	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! data ) {
		return <Spinner />;
	}
	if ( data.length === 0 ) {
		return (
			<EmptyState
				title={ __( 'No event has been refused', 'footprints' ) }
			>
				{ __(
					'Events the collector cannot store (an unknown or disabled event, a value that does not fit its attribute) are counted here with the reason, so a misconfigured trigger shows up instead of vanishing.',
					'footprints'
				) }
			</EmptyState>
		);
	}
	return (
		<>
			<p>
				{ __(
					'Events the collector refused, counted per event and reason, the most frequent first. Fix the trigger or the definition, and new events are stored again.',
					'footprints'
				) }
			</p>
			<RejectionsTable rows={ data } showLast />
		</>
	);
}
