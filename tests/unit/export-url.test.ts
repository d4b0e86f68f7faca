/**
 * The export link carries the view, its non-empty parameters and the nonce,
 * with pretty and with plain permalinks alike.
 */

/**
 * Internal dependencies
 */
import { exportUrl } from '../../src/insights/export-url';

describe( 'exportUrl', () => {
	it( 'builds a /wp-json/ link with the view, the parameters and the nonce', () => {
		expect(
			exportUrl( 'https://example.com/wp-json/', 'abc123', 'events', {
				from: '2026-01-01',
				to: '2026-01-31',
				code: '',
				site: undefined,
				per_page: 5,
			} )
		).toBe(
			'https://example.com/wp-json/footprints/v1/insights/export?view=events&from=2026-01-01&to=2026-01-31&per_page=5&_wpnonce=abc123'
		);
	} );

	it( 'keeps rest_route with plain permalinks and never lets a parameter replace the view', () => {
		expect(
			exportUrl(
				'https://example.com/index.php?rest_route=/',
				'n',
				'live-events',
				{
					view: 'dashboard',
					code: 'trial_click',
				}
			)
		).toBe(
			'https://example.com/index.php?rest_route=%2Ffootprints%2Fv1%2Finsights%2Fexport&view=live-events&code=trial_click&_wpnonce=n'
		);
	} );
} );
