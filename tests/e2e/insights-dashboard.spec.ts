/**
 * Footprints → Insights: every view has its own URL (a reload keeps it,
 * Back returns to the one before).
 */

/**
 * Internal dependencies
 */
import { expect, test } from './fixtures';
import { insightsTabs, openInsights } from './insights';

test.describe( 'insights', () => {
	test( 'each view opens from its URL, a reload keeps it and Back returns', async ( {
		page,
	} ) => {
		await openInsights( page, 'live' );
		const tabs = insightsTabs( page );
		await expect(
			tabs.getByRole( 'link', { name: 'Live events' } )
		).toHaveAttribute( 'aria-current', 'page' );

		await page.reload();
		await expect(
			tabs.getByRole( 'link', { name: 'Live events' } )
		).toHaveAttribute( 'aria-current', 'page' );

		await tabs.getByRole( 'link', { name: 'Dashboard' } ).click();
		await expect( page ).toHaveURL( /[?&]view=dashboard(&|$)/ );
		await expect(
			tabs.getByRole( 'link', { name: 'Dashboard' } )
		).toHaveAttribute( 'aria-current', 'page' );

		await page.goBack();
		await expect( page ).toHaveURL( /[?&]view=live(&|$)/ );
		await expect(
			tabs.getByRole( 'link', { name: 'Live events' } )
		).toHaveAttribute( 'aria-current', 'page' );

		// From the menu: Footprints → Insights (a flyout on other screens).
		await page.goto( '/wp-admin/' );
		const menu = page.locator( '#adminmenu' );
		await menu
			.getByRole( 'link', { name: 'Footprints', exact: true } )
			.hover();
		await menu
			.getByRole( 'link', { name: 'Insights', exact: true } )
			.click();
		await expect(
			tabs.getByRole( 'link', { name: 'Dashboard' } )
		).toHaveAttribute( 'aria-current', 'page' );
	} );
} );
