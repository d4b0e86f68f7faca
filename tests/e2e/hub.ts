/**
 * An admin session on the hub (the second WordPress, the remote backend).
 * RequestUtils discovers the REST root from WP_BASE_URL, the test site, so
 * the hub gets this small client of its own: cookie login, REST nonce,
 * JSON calls that throw the API's error body on failure, as RequestUtils does.
 */

/**
 * External dependencies
 */
import { request, type APIRequestContext } from '@playwright/test';

export interface HubClient {
	rest: < T = unknown >( options: {
		path: string;
		method?: string;
		data?: unknown;
	} ) => Promise< T >;
	dispose: () => Promise< void >;
}

/**
 * Logs in to the hub as its admin.
 * @param baseURL The hub's URL.
 */
export async function hubAdmin( baseURL: string ): Promise< HubClient > {
	const context: APIRequestContext = await request.newContext( { baseURL } );
	await context.post( '/wp-login.php', {
		failOnStatusCode: true,
		form: { log: 'admin', pwd: 'password' },
	} );
	const nonce = await (
		await context.get( '/wp-admin/admin-ajax.php?action=rest-nonce', {
			failOnStatusCode: true,
		} )
	).text();
	return {
		async rest( { path, method = 'GET', data } ) {
			const response = await context.fetch( `/wp-json${ path }`, {
				method,
				headers: { 'X-WP-Nonce': nonce },
				data,
			} );
			const body = await response.json();
			if ( ! response.ok() ) {
				throw body;
			}
			return body;
		},
		dispose: () => context.dispose(),
	};
}
