/**
 * People: every visitor is a device until identify(), an email or a
 * WordPress sign-in links it to a person. A DataViews list, last seen
 * first, searched on the server by the start of an email, a user id or a
 * device id; the search and page live in the URL (search=, paged=). A
 * person's name opens their timeline.
 */

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { DataViews, type Field, type View } from '@wordpress/dataviews';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../admin/api';
import ExportButton from '../export-button';
import { useUrlParams } from '../url';
import ViewLink from '../view-link';
import { fetchPeople, type PeoplePage } from './api';
import { pairsText, siteTimeShort } from './format';
import type { Person } from './types';
import './people.scss';

const PER_PAGE = 20;

/** Traits the name / email column shows already. */
const SHOWN_TRAITS = [ 'name', 'first_name', 'last_name', 'email' ];

/**
 * What to call a person in the list.
 *
 * @param person The person.
 */
export function personLabel( person: Person ): string {
	return (
		person.name ??
		person.email ??
		person.user_id ??
		__( 'Anonymous visitor', 'footprints' )
	);
}

const FIELDS: Field< Person >[] = [
	{
		id: 'name',
		label: __( 'Name / email', 'footprints' ),
		enableHiding: false,
		enableSorting: false,
		getValue: ( { item } ) => personLabel( item ),
		render: ( { item } ) => (
			<div className="footprints-people__who">
				<ViewLink view="person" params={ { person: item.id } }>
					{ personLabel( item ) }
				</ViewLink>
				{ item.email && item.email !== personLabel( item ) && (
					<span className="footprints-people__email">
						{ item.email }
					</span>
				) }
			</div>
		),
	},
	{
		id: 'email',
		label: __( 'Email', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) => item.email ?? '—',
	},
	{
		id: 'user_id',
		label: __( 'User ID', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) => item.user_id ?? '—',
	},
	{
		id: 'devices',
		label: __( 'Devices', 'footprints' ),
		enableSorting: false,
		// The count; the ids in its tooltip, and on the person's timeline.
		getValue: ( { item } ) => item.devices.length,
		render: ( { item } ) => (
			<span title={ item.devices.join( '\n' ) }>
				{ item.devices.length }
			</span>
		),
	},
	{
		id: 'first_seen',
		label: __( 'First seen', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) => siteTimeShort( item.first_seen ),
	},
	{
		id: 'last_seen',
		label: __( 'Last seen', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) => siteTimeShort( item.last_seen ),
	},
	{
		id: 'events',
		label: __( 'Events', 'footprints' ),
		enableSorting: false,
	},
	{
		id: 'traits',
		label: __( 'Traits', 'footprints' ),
		enableSorting: false,
		// Name and email have their own column.
		render: ( { item } ) =>
			pairsText(
				Object.fromEntries(
					Object.entries( item.traits ).filter(
						( [ name ] ) => ! SHOWN_TRAITS.includes( name )
					)
				)
			) || '—',
	},
];

const DEFAULT_VIEW: View = {
	type: 'table',
	search: '',
	page: 1,
	perPage: PER_PAGE,
	filters: [],
	titleField: 'name',
	fields: [
		'user_id',
		'devices',
		'first_seen',
		'last_seen',
		'events',
		'traits',
	],
	layout: {},
};

export default function PeopleView() {
	const [ params, setParams ] = useUrlParams();
	const search = params.search ?? '';
	const page = Math.max( 1, Number( params.paged ?? 1 ) || 1 );
	const [ view, setView ] = useState< View >( DEFAULT_VIEW );
	const [ result, setResult ] = useState< PeoplePage >( {
		items: [],
		total: 0,
	} );
	const [ isLoading, setLoading ] = useState( true );
	const [ error, setError ] = useState( '' );

	useEffect( () => {
		let current = true;
		setLoading( true );
		fetchPeople( search, page, PER_PAGE )
			.then( ( next ) => {
				if ( current ) {
					setResult( next );
					setError( '' );
				}
			} )
			.catch(
				( failure ) => current && setError( errorMessage( failure ) )
			)
			.finally( () => current && setLoading( false ) );
		return () => {
			current = false;
		};
	}, [ search, page ] );

	const onChangeView = ( next: View ) => {
		setView( next );
		const nextSearch = next.search ?? '';
		if ( nextSearch !== search ) {
			// Typing is not a step of its own in the history.
			setParams( { search: nextSearch, paged: null }, { replace: true } );
		} else if ( ( next.page ?? 1 ) !== page ) {
			setParams( { paged: next.page === 1 ? null : next.page } );
		}
	};

	return (
		<div className="footprints-people">
			<div className="footprints-people__header">
				<p className="footprints-people__intro">
					{ __(
						'Every visitor is a device until identify(), an email or a WordPress sign-in links it to a person. Search by the start of an email, a user ID or a device ID.',
						'footprints'
					) }
				</p>
				<ExportButton view="people" params={ { search } } />
			</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<DataViews< Person >
				data={ result.items }
				fields={ FIELDS }
				view={ { ...view, search, page } }
				onChangeView={ onChangeView }
				getItemId={ ( item ) => String( item.id ) }
				isLoading={ isLoading }
				paginationInfo={ {
					totalItems: result.total,
					totalPages: Math.max(
						1,
						Math.ceil( result.total / PER_PAGE )
					),
				} }
				defaultLayouts={ { table: {} } }
				searchLabel={ __( 'Search people', 'footprints' ) }
			/>
		</div>
	);
}
