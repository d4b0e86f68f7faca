/**
 * Screenshots of the screens a test visits, for a person to judge.
 */

/**
 * External dependencies
 */
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Saves a full-page screenshot to artifacts/.
 *
 * @param page The page.
 * @param name File name without .png.
 */
export async function shoot( page: Page, name: string ): Promise< void > {
	await page.screenshot( {
		path: path.join(
			process.env.WP_ARTIFACTS_PATH ?? 'artifacts',
			`${ name }.png`
		),
		fullPage: true,
	} );
}
