/**
 * Playwright in Debian's Chromium against the test instance that
 * `npm run test:e2e` (bin/test-e2e) brings up. Playwright's own browser
 * download cannot run here, so the system Chromium is used.
 */

/**
 * External dependencies
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve( __dirname, '../..' );
process.env.WP_ARTIFACTS_PATH ??= path.join( root, 'artifacts' );
process.env.STORAGE_STATE_PATH ??= path.join(
	process.env.WP_ARTIFACTS_PATH,
	'storage-states/admin.json'
);

export default defineConfig( {
	testDir: '.',
	testMatch: '*.spec.ts',
	outputDir: path.join( process.env.WP_ARTIFACTS_PATH, 'test-results' ),
	globalSetup: require.resolve( './global-setup' ),
	forbidOnly: !! process.env.CI,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: [ [ 'list' ] ],
	use: {
		baseURL: process.env.WP_BASE_URL,
		headless: true,
		viewport: { width: 1280, height: 800 },
		locale: 'en-US',
		storageState: process.env.STORAGE_STATE_PATH,
		actionTimeout: 10_000,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		contextOptions: { reducedMotion: 'reduce', strictSelectors: true },
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage',
			],
		},
	},
} );
