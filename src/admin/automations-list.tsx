/**
 * The automation rules (DataViews): name, the event that starts each (in
 * its color), its conditions in words, its action and destination, its
 * status (a paused rule says why and can be resumed) and its last
 * delivery. Actions: edit, Send test, show the signing secret, resume,
 * enable or disable, delete.
 */

/**
 * WordPress dependencies
 */
import { Button, Flex } from '@wordpress/components';
import {
	DataViews,
	filterSortAndPaginate,
	type Action,
	type Field,
	type View,
} from '@wordpress/dataviews';
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { siteTimeShort } from '../insights/people/format';
import type { Rule } from './automations-api';
import CellWithNote from './automations-cell';
import type { DefinitionsByCode } from './automations-definitions';
import { EventLabel } from './automations-event';
import {
	ACTION_LABELS,
	actionExtras,
	actionInWords,
	conditionsInWords,
	DELIVERY_LABELS,
	destinationHost,
	pausedReason,
	ruleStatus,
	STATUS_LABELS,
	type RuleStatus,
} from './automations-words';
import Confirm from './confirm';

/** What the list asks its tab to do with a rule. */
export interface RuleHandlers {
	edit: ( rule: Rule ) => void;
	test: ( rule: Rule ) => void;
	showSecret: ( rule: Rule ) => void;
	resume: ( rule: Rule ) => void;
	setEnabled: ( rule: Rule, enabled: boolean ) => void;
	remove: ( rule: Rule ) => void;
}

interface Props {
	rules: Rule[];
	definitions: DefinitionsByCode;
	handlers: RuleHandlers;
}

const DEFAULT_VIEW: View = {
	type: 'table',
	search: '',
	page: 1,
	perPage: 20,
	filters: [],
	titleField: 'name',
	fields: [ 'event', 'conditions', 'action', 'status', 'last_delivery' ],
	layout: {},
};

const STATUS_ELEMENTS = ( Object.keys( STATUS_LABELS ) as RuleStatus[] ).map(
	( value ) => ( { value, label: STATUS_LABELS[ value ] } )
);

export default function RulesList( { rules, definitions, handlers }: Props ) {
	const [ view, setView ] = useState< View >( DEFAULT_VIEW );

	const fields = useMemo< Field< Rule >[] >(
		() => [
			{
				id: 'name',
				label: __( 'Name', 'footprints' ),
				enableHiding: false,
				enableGlobalSearch: true,
			},
			{
				id: 'event',
				label: __( 'When', 'footprints' ),
				enableSorting: false,
				enableGlobalSearch: true,
				getValue: ( { item } ) =>
					definitions.get( item.event )?.name ?? item.event,
				render: ( { item } ) => (
					<EventLabel
						code={ item.event }
						definitions={ definitions }
					/>
				),
			},
			{
				id: 'conditions',
				label: __( 'Only when', 'footprints' ),
				enableSorting: false,
				getValue: ( { item } ) => conditionsInWords( item.conditions ),
			},
			{
				id: 'action',
				label: __( 'Then', 'footprints' ),
				enableSorting: false,
				enableGlobalSearch: true,
				getValue: ( { item } ) => actionInWords( item.action ),
				render: ( { item } ) => (
					<CellWithNote
						main={ ACTION_LABELS[ item.action.type ] }
						note={ [
							destinationHost( item.action ),
							actionExtras( item.action ),
						]
							.filter( Boolean )
							.join( ' · ' ) }
					/>
				),
			},
			{
				id: 'status',
				label: __( 'Status', 'footprints' ),
				enableSorting: false,
				elements: STATUS_ELEMENTS,
				filterBy: { operators: [ 'is' ] },
				getValue: ( { item } ) => ruleStatus( item ),
				render: ( { item } ) =>
					ruleStatus( item ) === 'paused' ? (
						<Flex
							direction="column"
							align="flex-start"
							gap={ 1 }
							className="footprints-rule-paused"
						>
							<strong>{ STATUS_LABELS.paused }</strong>
							<span>
								{ pausedReason( item ) }
								{ item.paused_at &&
									` ${ sprintf(
										/* translators: %s: date and time. */
										__( 'Since %s.', 'footprints' ),
										siteTimeShort( item.paused_at )
									) }` }
							</span>
							<Button
								variant="secondary"
								size="compact"
								onClick={ () => handlers.resume( item ) }
								aria-label={ sprintf(
									/* translators: %s: rule name. */
									__( 'Resume “%s”', 'footprints' ),
									item.name
								) }
							>
								{ __( 'Resume', 'footprints' ) }
							</Button>
						</Flex>
					) : (
						STATUS_LABELS[ ruleStatus( item ) ]
					),
			},
			{
				id: 'last_delivery',
				label: __( 'Last delivery', 'footprints' ),
				enableSorting: false,
				getValue: ( { item } ) => item.last_delivery?.at ?? '',
				render: ( { item } ) =>
					item.last_delivery ? (
						<CellWithNote
							main={
								DELIVERY_LABELS[ item.last_delivery.status ]
							}
							note={ siteTimeShort( item.last_delivery.at ) }
						/>
					) : (
						__( 'None yet', 'footprints' )
					),
			},
		],
		[ definitions, handlers ]
	);

	const actions = useMemo< Action< Rule >[] >(
		() => [
			{
				id: 'edit',
				label: __( 'Edit', 'footprints' ),
				isPrimary: true,
				callback: ( [ item ] ) => handlers.edit( item ),
			},
			{
				id: 'test',
				label: __( 'Send test', 'footprints' ),
				callback: ( [ item ] ) => handlers.test( item ),
			},
			{
				id: 'secret',
				label: __( 'Show signing secret', 'footprints' ),
				isEligible: ( item ) => item.action.type === 'webhook',
				callback: ( [ item ] ) => handlers.showSecret( item ),
			},
			{
				id: 'resume',
				label: __( 'Resume', 'footprints' ),
				isEligible: ( item ) => item.paused,
				callback: ( [ item ] ) => handlers.resume( item ),
			},
			{
				id: 'disable',
				label: __( 'Disable', 'footprints' ),
				isEligible: ( item ) => item.enabled,
				callback: ( [ item ] ) => handlers.setEnabled( item, false ),
			},
			{
				id: 'enable',
				label: __( 'Enable', 'footprints' ),
				isEligible: ( item ) => ! item.enabled,
				callback: ( [ item ] ) => handlers.setEnabled( item, true ),
			},
			{
				id: 'delete',
				label: __( 'Delete', 'footprints' ),
				isDestructive: true,
				modalHeader: __( 'Delete automation', 'footprints' ),
				RenderModal: ( { items: [ item ], closeModal } ) => (
					<Confirm
						messages={ [
							sprintf(
								/* translators: %s: rule name. */
								__(
									'Delete “%s”? It stops sending at once, and it cannot be undone.',
									'footprints'
								),
								item.name
							),
						] }
						label={ __( 'Delete', 'footprints' ) }
						isDestructive
						closeModal={ closeModal }
						onConfirm={ () => handlers.remove( item ) }
					/>
				),
			},
		],
		[ handlers ]
	);

	const { data, paginationInfo } = filterSortAndPaginate(
		rules,
		view,
		fields
	);
	return (
		<DataViews< Rule >
			data={ data }
			fields={ fields }
			view={ view }
			onChangeView={ setView }
			actions={ actions }
			getItemId={ ( item ) => String( item.id ) }
			paginationInfo={ paginationInfo }
			defaultLayouts={ { table: {} } }
			searchLabel={ __( 'Search automations', 'footprints' ) }
			empty={
				<p>
					{ __(
						'No automations yet. Add one to send an event to a webhook, a Slack channel or your CRM as it happens.',
						'footprints'
					) }
				</p>
			}
		/>
	);
}
