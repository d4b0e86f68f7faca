/**
 * The events the collectors refused, counted per code and reason, each
 * reason in words: a card of the settings screen's Collector tab, and the
 * table that Insights → Rejected events shows too.
 */

/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { rejectionReason } from '../shared/rejection-reasons';

export interface Rejection {
	event: string;
	reason: string;
	count: number;
	last_at: string;
}

/**
 * The counts as a table, the most frequent first (as the route sends them).
 *
 * @param props          Props.
 * @param props.rows     The counts.
 * @param props.showLast Whether to show when each was last refused.
 */
export function RejectionsTable( {
	rows,
	showLast = false,
}: {
	rows: Rejection[];
	showLast?: boolean;
} ) {
	return (
		<table className="widefat striped footprints-rejected">
			<thead>
				<tr>
					<th scope="col">{ __( 'Event code', 'footprints' ) }</th>
					<th scope="col">{ __( 'Reason', 'footprints' ) }</th>
					<th scope="col">{ __( 'Count', 'footprints' ) }</th>
					{ showLast && (
						<th scope="col">{ __( 'Last', 'footprints' ) }</th>
					) }
				</tr>
			</thead>
			<tbody>
				{ rows.map( ( row ) => (
					<tr key={ `${ row.event } ${ row.reason }` }>
						<td>
							<code className="footprints-code">
								{ row.event ||
									__( '(not a code)', 'footprints' ) }
							</code>
						</td>
						<td>
							{ rejectionReason( row.reason ) }
							<br />
							<code className="footprints-reason-code">
								{ row.reason }
							</code>
						</td>
						<td>{ row.count.toLocaleString() }</td>
						{ showLast && (
							<td>
								{ new Date( row.last_at ).toLocaleString() }
							</td>
						) }
					</tr>
				) ) }
			</tbody>
		</table>
	);
}

export default function RejectionsCard( { rows }: { rows: Rejection[] } ) {
	return (
		<Card className="footprints-rejections">
			<CardHeader>
				<h2>{ __( 'Refused events', 'footprints' ) }</h2>
			</CardHeader>
			<CardBody>
				{ rows.length === 0 ? (
					<p>{ __( 'No event has been refused.', 'footprints' ) }</p>
				) : (
					<RejectionsTable rows={ rows } />
				) }
			</CardBody>
		</Card>
	);
}
