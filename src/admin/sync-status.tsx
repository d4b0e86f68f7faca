/**
 * The last sync: when it ran, when it last worked, what changed (by code,
 * with the removed events kept for their history), and why it failed
 * (with each definition's problem).
 */

/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader, Notice } from '@wordpress/components';
import { dateI18n, getSettings } from '@wordpress/date';
import { Fragment } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

type Codes = Record< 'added' | 'changed' | 'removed' | 'kept', string[] >;

export interface SyncStatus {
	last_attempt: string | null;
	last_success: string | null;
	result: 'synced' | 'unchanged' | 'error' | null;
	added: number;
	changed: number;
	removed: number;
	kept: number;
	codes: Codes;
	error: { code: string; message: string } | null;
	problems: Array< { code: string | null; message: string } >;
	problems_total: number;
	duration_ms: number;
	first_sync: boolean;
	local_history: { count: number; codes: string[] };
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

/**
 * Codes as a readable list, saying how many more there are.
 *
 * @param codes Codes kept in the status (the first 100).
 * @param count How many there were.
 */
function listed( codes: string[], count: number ): string {
	const more = count - codes.length;
	return more > 0
		? sprintf(
				/* translators: 1: codes, 2: how many more. */
				__( '%1$s and %2$d more', 'footprints' ),
				codes.join( ', ' ),
				more
			)
		: codes.join( ', ' );
}

export default function SyncStatusView( { status }: { status: SyncStatus } ) {
	const codes = status.codes ?? {
		added: [],
		changed: [],
		removed: [],
		kept: [],
	};
	const rows: Array< [ string, string[], number ] > = [
		[ __( 'Added', 'footprints' ), codes.added, status.added ],
		[ __( 'Changed', 'footprints' ), codes.changed, status.changed ],
		[
			__( 'Removed on the backend', 'footprints' ),
			codes.removed,
			status.removed,
		],
		[
			__( 'Kept here, disabled (they have history)', 'footprints' ),
			codes.kept,
			status.kept,
		],
	];
	const more = status.problems_total - status.problems.length;
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
					{ rows
						.filter( ( [ , , count ] ) => count > 0 )
						.map( ( [ label, list, count ] ) => (
							<Fragment key={ label }>
								<dt>{ label }</dt>
								<dd>
									<code>{ listed( list, count ) }</code>
								</dd>
							</Fragment>
						) ) }
				</dl>
				{ status.error && (
					<Notice status="error" isDismissible={ false }>
						<p>{ status.error.message }</p>
						{ status.problems.length > 0 && (
							<ul>
								{ status.problems.map( ( problem, index ) => (
									<li key={ index }>{ problem.message }</li>
								) ) }
								{ more > 0 && (
									<li>
										{ sprintf(
											/* translators: %d: problems not listed. */
											__(
												'… and %d more problems.',
												'footprints'
											),
											more
										) }
									</li>
								) }
							</ul>
						) }
					</Notice>
				) }
			</CardBody>
		</Card>
	);
}
