/**
 * The events the collectors refused, counted per code and reason.
 */

/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export interface Rejection {
	event: string;
	reason: string;
	count: number;
	last_at: string;
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
					<table className="widefat striped">
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Event code', 'footprints' ) }
								</th>
								<th scope="col">
									{ __( 'Reason', 'footprints' ) }
								</th>
								<th scope="col">
									{ __( 'Count', 'footprints' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ rows.map( ( row ) => (
								<tr key={ `${ row.event } ${ row.reason }` }>
									<td>
										<code>
											{ row.event ||
												__(
													'(not a code)',
													'footprints'
												) }
										</code>
									</td>
									<td>{ row.reason }</td>
									<td>{ row.count }</td>
								</tr>
							) ) }
						</tbody>
					</table>
				) }
			</CardBody>
		</Card>
	);
}
