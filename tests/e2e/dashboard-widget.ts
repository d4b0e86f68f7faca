/**
 * The wp-admin Dashboard's Footprints widget (At a glance).
 */

/**
 * External dependencies
 */
import type { Page } from '@playwright/test';

/**
 * The widget.
 * @param page Page.
 */
export function glanceWidget( page: Page ) {
	return page.locator( '#footprints_at_a_glance' );
}

/**
 * The highest count the widget shows now (0 when it shows none), so a test
 * can seed more than any event of earlier runs on a long-lived site.
 * @param page Page.
 */
export async function highestCountToday( page: Page ): Promise< number > {
	await page.goto( '/wp-admin/index.php' );
	const first = glanceWidget( page ).locator( 'tbody td.num' ).first();
	return ( await first.count() )
		? Number( ( await first.innerText() ).replace( /\D/g, '' ) )
		: 0;
}
