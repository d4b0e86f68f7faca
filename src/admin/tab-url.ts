/**
 * The settings screen's tab lives in the URL (`admin.php?page=footprints&tab=collector`),
 * as the Insights views do (src/shared/url-state.ts): a reload or a shared
 * link opens the same tab, choosing a tab is a history entry, and Back
 * returns to the tab before.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { adminPageUrl, urlParam } from '../shared/url-state';

/** The admin page's slug (includes/Admin/SettingsPage.php). */
export const PAGE = 'footprints';

export const TABS = [
	{ name: 'events', title: __( 'Events', 'footprints' ) },
	{ name: 'system', title: __( 'System events', 'footprints' ) },
	{ name: 'forms', title: __( 'Forms', 'footprints' ) },
	{ name: 'connection', title: __( 'Connection', 'footprints' ) },
	{ name: 'collector', title: __( 'Collector', 'footprints' ) },
	{ name: 'automations', title: __( 'Automations', 'footprints' ) },
	{ name: 'ai', title: __( 'AI', 'footprints' ) },
];

/** The tab of a URL without one, or with an unknown one. */
export const DEFAULT_TAB = 'events';

/** The tab the address bar names; the Events tab when none or an unknown one. */
export function currentTab(): string {
	const name = urlParam( 'tab' );
	return TABS.some( ( tab ) => tab.name === name )
		? ( name as string )
		: DEFAULT_TAB;
}

/**
 * The settings screen's URL on one tab.
 *
 * @param tab Tab name.
 */
export function tabUrl( tab: string ): string {
	return adminPageUrl( { page: PAGE, tab } );
}
