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
import Dashboard from './dashboard';
import LiveEvents from './live';
import { placeholder } from './placeholder';
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
		component: placeholder( __( 'People', 'footprints' ) ),
	},
	{
		name: 'person',
		title: __( 'Timeline', 'footprints' ),
		component: placeholder( __( 'Timeline', 'footprints' ) ),
		tab: false,
	},
	{
		name: 'paths',
		title: __( 'Paths', 'footprints' ),
		component: placeholder( __( 'Paths', 'footprints' ) ),
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
