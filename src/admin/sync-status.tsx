/**
 * The last sync: when it ran, when it last worked, what changed, and why
 * it failed (with each definition's problem).
 */

/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader, Notice } from '@wordpress/components';
import { dateI18n, getSettings } from '@wordpress/date';
import { __, sprintf } from '@wordpress/i18n';

export interface SyncStatus {
	last_attempt: string | null;
	last_success: string | null;
	result: 'synced' | 'unchanged' | 'error' | null;
	added: number;
	changed: number;
	removed: number;
	error: { code: string; message: string } | null;
	problems: Array< { code: string | null; message: string } >;
	duration_ms: number;
}

/**
 * A stored UTC time in the site's date format, or "never".
 *
 * @param time ISO 8601 time.
 */
function when( time: string | null ): string {
	if ( ! time ) {
		return __( 'never', 'footprints' );
	}
	const { formats } = getSettings();
	return dateI18n( `${ formats.date } ${ formats.time }`, time, undefined );
}

export default function SyncStatusView( { status }: { status: SyncStatus } ) {
	return (
		<Card className="footprints-last-sync">
			<CardHeader>
				<h2>{ __( 'Last sync', 'footprints' ) }</h2>
			</CardHeader>
			<CardBody>
				<dl className="footprints-sync-status">
					<dt>{ __( 'Last attempt', 'footprints' ) }</dt>
					<dd>{ when( status.last_attempt ) }</dd>
					<dt>{ __( 'Last success', 'footprints' ) }</dt>
					<dd>{ when( status.last_success ) }</dd>
					<dt>{ __( 'Changes', 'footprints' ) }</dt>
					<dd>
						{ sprintf(
							/* translators: 1: added, 2: changed, 3: removed. */
							__(
								'%1$d added, %2$d changed, %3$d removed',
								'footprints'
							),
							status.added,
							status.changed,
							status.removed
						) }
					</dd>
				</dl>
				{ status.error && (
					<Notice status="error" isDismissible={ false }>
						<p>{ status.error.message }</p>
						{ status.problems.length > 0 && (
							<ul>
								{ status.problems.map( ( problem, index ) => (
									<li key={ index }>{ problem.message }</li>
								) ) }
							</ul>
						) }
					</Notice>
				) }
			</CardBody>
		</Card>
	);
}
