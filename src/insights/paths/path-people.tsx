/**
 * A path's converted or unconverted people, a page at a time, each
 * linking to their timeline; the whole list downloads as CSV (the
 * path-people export view).
 */

/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import rules from '../../../data/insights-paths.json';
import ExportButton from '../export-button';
import ViewLink from '../view-link';
import { fetchPeople, pathQuery } from './api';
import EventName from './event-name';
import { formatDuration, formatUtc } from './format';
import type { Outcome, PathInput, PathPerson, PathRange } from './types';

const PER_PAGE = rules.peoplePerPage.default;

interface Props {
	index: number;
	path: PathInput;
	range: PathRange;
	outcome: Outcome;
	onClose: () => void;
}

/**
 * How a person is named: their user id, their email, or "Anonymous #id".
 *
 * @param person The person.
 */
function personName( person: PathPerson ): string {
	return (
		person.user_id ??
		person.email ??
		/* translators: %d: person id. */
		sprintf( __( 'Anonymous #%d', 'footprints' ), person.person_id )
	);
}

export default function PathPeople( {
	index,
	path,
	range,
	outcome,
	onClose,
}: Props ) {
	const [ people, setPeople ] = useState< PathPerson[] >( [] );
	const [ loading, setLoading ] = useState( true );
	const [ more, setMore ] = useState( false );
	const [ error, setError ] = useState( '' );

	const load = useCallback(
		( after: number ) => {
			setLoading( true );
			return fetchPeople( path, range, outcome, after, PER_PAGE ).then(
				( page ) => {
					setPeople( ( before ) =>
						after ? [ ...before, ...page ] : page
					);
					setMore( page.length === PER_PAGE );
					setLoading( false );
				},
				( failure: { message?: string } ) => {
					setError(
						failure.message ??
							__(
								'The people could not be loaded.',
								'footprints'
							)
					);
					setLoading( false );
				}
			);
		},
		[ path, range, outcome ]
	);

	useEffect( () => {
		setPeople( [] );
		setError( '' );
		load( 0 );
	}, [ load ] );

	const title =
		outcome === 'converted'
			? /* translators: %d: the path's number. */
				__( 'Path %d: people who converted', 'footprints' )
			: /* translators: %d: the path's number. */
				__( 'Path %d: people who did not convert', 'footprints' );

	return (
		<section className="footprints-paths__people" aria-live="polite">
			<header className="footprints-paths__people-header">
				<h2>{ sprintf( title, index + 1 ) }</h2>
				<ExportButton
					view="path-people"
					params={ { ...pathQuery( path, range ), outcome } }
				/>
				<Button variant="tertiary" onClick={ onClose }>
					{ __( 'Close', 'footprints' ) }
				</Button>
			</header>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<table className="widefat striped footprints-paths__people-table">
				<thead>
					<tr>
						<th scope="col">{ __( 'Person', 'footprints' ) }</th>
						<th scope="col">
							{ __( 'First', 'footprints' ) }{ ' ' }
							<EventName code={ path.a } />
						</th>
						<th scope="col">
							{ __( 'Then', 'footprints' ) }{ ' ' }
							<EventName code={ path.b } />
						</th>
						<th scope="col">
							{ __( 'Time between', 'footprints' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ people.map( ( person ) => (
						<tr key={ person.person_id }>
							<td>
								<ViewLink
									view="person"
									params={ { person: person.person_id } }
								>
									{ personName( person ) }
								</ViewLink>
							</td>
							<td>{ formatUtc( person.a_at ) }</td>
							<td>
								{ person.b_at ? formatUtc( person.b_at ) : '—' }
							</td>
							<td>{ formatDuration( person.seconds ) }</td>
						</tr>
					) ) }
				</tbody>
			</table>
			{ loading && <Spinner /> }
			{ more && ! loading && (
				<Button
					variant="secondary"
					onClick={ () =>
						load( people[ people.length - 1 ].person_id )
					}
				>
					{ __( 'Show more', 'footprints' ) }
				</Button>
			) }
		</section>
	);
}
