/**
 * Every insights view: its name in the URL (`view=`), its title and its
 * screen. Adding a view is one entry here plus its own component file;
 * a view reads its parameters with useUrlParams() (url.ts).
 */

/**
 * External dependencies
 */
import type { ComponentType } from 'react';

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import PeopleView from './people/people-view';
import TimelineView from './people/timeline-view';
import Dashboard from './dashboard';
import PathsView from './paths/paths-view';
import LiveEvents from './live';
import RejectedEvents from './rejected';
import { DEFAULT_VIEW, type ViewName } from './url';

export interface InsightsView {
	name: ViewName;
	title: string;
	component: ComponentType;
	/** False for views reached through links only (a person's timeline). */
	tab?: boolean;
}

export const VIEWS: InsightsView[] = [
	{
		name: 'dashboard',
		title: __( 'Dashboard', 'footprints' ),
		component: Dashboard,
	},
	{
		name: 'live',
		title: __( 'Live events', 'footprints' ),
		component: LiveEvents,
	},
	{
		name: 'rejected',
		title: __( 'Rejected events', 'footprints' ),
		component: RejectedEvents,
	},
	{
		name: 'people',
		title: __( 'People', 'footprints' ),
		component: PeopleView,
	},
	{
		name: 'person',
		title: __( 'Timeline', 'footprints' ),
		component: TimelineView,
		tab: false,
	},
	{
		name: 'paths',
		title: __( 'Paths', 'footprints' ),
		component: PathsView,
	},
];

/**
 * The view of a name from the URL; the dashboard for an unknown one.
 *
 * @param name The `view` parameter.
 */
export function findView( name: string ): InsightsView {
	return (
		VIEWS.find( ( view ) => view.name === name ) ??
		( VIEWS.find( ( view ) => view.name === DEFAULT_VIEW ) as InsightsView )
	);
}
