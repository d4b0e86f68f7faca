/**
 * The definitions list (DataViews): color swatches, server-side search,
 * a status filter and paging; for custom definitions, an enable toggle and
 * actions to edit, enable or disable, and delete. System events use the
 * same list, read-only.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	ColorIndicator,
	Flex,
	FormToggle,
} from '@wordpress/components';
import {
	DataViews,
	type Action,
	type Field,
	type View,
} from '@wordpress/dataviews';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Definition } from '../shared/definition';
import {
	deleteDefinition,
	errorMessage,
	fetchDefinitions,
	updateDefinition,
	type DefinitionPage,
} from './api';
import { useNotify } from './notices';

interface Props {
	system: boolean;
	/** Custom definitions can be changed (false while a remote backend owns them). */
	editable: boolean;
	/** Changes whenever something outside the list changed definitions. */
	reloadKey: number;
	onEdit?: ( definition: Definition ) => void;
}

const STATUSES = [
	{ value: 'enabled', label: __( 'Enabled', 'footprints' ) },
	{ value: 'disabled', label: __( 'Disabled', 'footprints' ) },
];

const FIELDS: Field< Definition >[] = [
	{
		id: 'name',
		label: __( 'Event', 'footprints' ),
		enableHiding: false,
		enableSorting: false,
		render: ( { item } ) => (
			<Flex justify="flex-start" gap={ 2 }>
				{ /* The name beside it says which event this is; the dot only echoes its color. */ }
				<ColorIndicator colorValue={ item.color } aria-hidden />
				<span>{ item.name }</span>
			</Flex>
		),
	},
	{
		id: 'code',
		label: __( 'Code', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) => (
			<code className="footprints-code">{ item.code }</code>
		),
	},
	{
		id: 'status',
		label: __( 'Status', 'footprints' ),
		enableSorting: false,
		elements: STATUSES,
		filterBy: { operators: [ 'is' ] },
		getValue: ( { item } ) => ( item.enabled ? 'enabled' : 'disabled' ),
		render: ( { item } ) => {
			if ( item.enabled ) {
				return __( 'Enabled', 'footprints' );
			}
			// Kept by a sync for its history although the backend removed it.
			return item.removed_on_backend_at
				? __( 'Disabled: removed on the backend', 'footprints' )
				: __( 'Disabled', 'footprints' );
		},
	},
	{
		id: 'description',
		label: __( 'Description', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) => (
			<span className="footprints-wraps footprints-description">
				{ item.description }
			</span>
		),
	},
	{
		id: 'attributes',
		label: __( 'Attributes', 'footprints' ),
		enableSorting: false,
		render: ( { item } ) => (
			<span className="footprints-wraps">
				{ Object.entries( item.attributes )
					.map( ( [ name, type ] ) => `${ name }: ${ type }` )
					.join( ', ' ) || '—' }
			</span>
		),
	},
	{
		id: 'trigger_count',
		label: __( 'Triggers', 'footprints' ),
		enableSorting: false,
	},
];

const DEFAULT_VIEW: View = {
	type: 'table',
	search: '',
	page: 1,
	perPage: 20,
	filters: [],
	titleField: 'name',
	fields: [ 'code', 'status', 'attributes', 'trigger_count' ],
	layout: {},
};

export default function DefinitionsList( {
	system,
	editable,
	reloadKey,
	onEdit,
}: Props ) {
	const notify = useNotify();
	const [ view, setView ] = useState< View >( () =>
		system
			? {
					...DEFAULT_VIEW,
					fields: [ 'code', 'status', 'description', 'attributes' ],
				}
			: DEFAULT_VIEW
	);
	const [ result, setResult ] = useState< DefinitionPage >( {
		items: [],
		total: 0,
	} );
	const [ isLoading, setLoading ] = useState( true );
	const [ changes, setChanges ] = useState( 0 );
	const status = view.filters?.find( ( filter ) => filter.field === 'status' )
		?.value as string | undefined;

	useEffect( () => {
		let current = true;
		setLoading( true );
		fetchDefinitions( {
			search: view.search ?? '',
			page: view.page ?? 1,
			perPage: view.perPage ?? 20,
			enabled: status ? status === 'enabled' : undefined,
			system,
		} )
			.then( ( page ) => current && setResult( page ) )
			.catch( ( error ) => {
				if ( current ) {
					notify.error( errorMessage( error ) );
				}
			} )
			.finally( () => current && setLoading( false ) );
		return () => {
			current = false;
		};
		// notify is recreated each render; the request depends on the view only.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [
		view.search,
		view.page,
		view.perPage,
		status,
		system,
		reloadKey,
		changes,
	] );

	const reload = () => setChanges( ( count ) => count + 1 );
	const setEnabled = async ( item: Definition, enabled: boolean ) => {
		try {
			await updateDefinition( item.code, { enabled } );
			const message = enabled
				? /* translators: %s: event name. */
					__( '“%s” is enabled and tracked again.', 'footprints' )
				: /* translators: %s: event name. */
					__(
						'“%s” is disabled: it is no longer tracked, and its history stays.',
						'footprints'
					);
			notify.success( sprintf( message, item.name ) );
			reload();
		} catch ( error ) {
			notify.error( errorMessage( error ) );
		}
	};
	// A system event can be switched on or off; nothing else of it changes.
	const canToggle = editable;
	const canChange = editable && ! system;
	// While changes are allowed, the status column is a toggle.
	const fields = canToggle
		? FIELDS.map( ( field ) =>
				field.id === 'status'
					? {
							...field,
							render: ( { item }: { item: Definition } ) => (
								<FormToggle
									checked={ item.enabled }
									aria-label={ sprintf(
										/* translators: %s: event name. */
										__( 'Track “%s”', 'footprints' ),
										item.name
									) }
									onChange={ () =>
										setEnabled( item, ! item.enabled )
									}
								/>
							),
						}
					: field
			)
		: FIELDS;

	const actions = useMemo< Action< Definition >[] >( () => {
		if ( ! canToggle ) {
			return [];
		}
		const toggles: Action< Definition >[] = [
			{
				id: 'disable',
				label: __( 'Disable', 'footprints' ),
				isEligible: ( item ) => item.enabled,
				callback: ( [ item ] ) => setEnabled( item, false ),
			},
			{
				id: 'enable',
				label: __( 'Enable', 'footprints' ),
				isEligible: ( item ) => ! item.enabled,
				callback: ( [ item ] ) => setEnabled( item, true ),
			},
		];
		if ( ! canChange ) {
			return toggles;
		}
		return [
			{
				id: 'edit',
				label: __( 'Edit', 'footprints' ),
				isPrimary: true,
				callback: ( [ item ] ) => onEdit?.( item ),
			},
			...toggles,
			{
				id: 'delete',
				label: __( 'Delete', 'footprints' ),
				isDestructive: true,
				modalHeader: __( 'Delete event', 'footprints' ),
				RenderModal: ( { items: [ item ], closeModal } ) => (
					<Flex direction="column" gap={ 4 }>
						<p>
							{ sprintf(
								/* translators: %s: event name. */
								__(
									'Delete “%s”? Only events that were never triggered can be deleted; otherwise disable it to keep its history.',
									'footprints'
								),
								item.name
							) }
						</p>
						<Flex justify="flex-end">
							<Button
								variant="tertiary"
								onClick={ () => closeModal?.() }
							>
								{ __( 'Cancel', 'footprints' ) }
							</Button>
							<Button
								variant="primary"
								isDestructive
								onClick={ async () => {
									closeModal?.();
									try {
										await deleteDefinition( item.code );
										notify.success(
											sprintf(
												/* translators: %s: event name. */
												__(
													'“%s” was deleted.',
													'footprints'
												),
												item.name
											)
										);
										reload();
									} catch ( error ) {
										notify.error( errorMessage( error ) );
									}
								} }
							>
								{ __( 'Delete', 'footprints' ) }
							</Button>
						</Flex>
					</Flex>
				),
			},
		];
		// notify is recreated each render; its functions are stable in effect.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ canToggle, canChange, onEdit ] );

	return (
		<DataViews< Definition >
			data={ result.items }
			fields={ fields }
			view={ view }
			onChangeView={ setView }
			actions={ actions }
			getItemId={ ( item ) => item.code }
			isLoading={ isLoading }
			paginationInfo={ {
				totalItems: result.total,
				totalPages: Math.max(
					1,
					Math.ceil( result.total / ( view.perPage ?? 20 ) )
				),
			} }
			defaultLayouts={ { table: {} } }
			searchLabel={ __( 'Search events', 'footprints' ) }
		/>
	);
}
