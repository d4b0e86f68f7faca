/**
 * The test AI provider for browser tests: the loopback OpenAI-compatible
 * server (tests/ai-provider/router.php under `php -S`, on FOOTPRINTS_AI_PORT,
 * default 8892) and the mu-plugin that registers provider `footprints-test`
 * on the test site, pointed at that server. The provider is configured when
 * its Connectors key (option connectors_ai_footprints_test_api_key) is set.
 */

/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Internal dependencies
 */
import { Receiver } from './receiver';

const MU_PLUGIN = 'footprints-test-ai-provider.php';

/**
 * Sets an option of the test site (tests/e2e/bin/site-option.php).
 *
 * @param name  Option name.
 * @param value Its value.
 */
function siteOption( name: string, value: string ) {
	execFileSync(
		'php',
		[
			path.join( __dirname, 'bin', 'site-option.php' ),
			process.env.FOOTPRINTS_TEST_WP_DIR ?? '',
			process.env.WP_BASE_URL ?? '',
			name,
			value,
		],
		{ stdio: [ 'ignore', 'ignore', 'inherit' ] }
	);
}

export interface ChatCompletion {
	model: string;
	/** Each message's parts, as the AI client sends them. */
	messages: { role: string; content: { type: string; text: string }[] }[];
	response_format?: unknown;
}

export class AiServer {
	private readonly server = new Receiver( {
		router: path.resolve( __dirname, '../ai-provider/router.php' ),
		portVariable: 'FOOTPRINTS_AI_PORT',
		defaultPort: 8892,
	} );
	private readonly muPlugin = path.join(
		process.env.FOOTPRINTS_TEST_WP_DIR ?? '',
		'wp-content/mu-plugins',
		MU_PLUGIN
	);

	/** Starts the server and installs the provider on the test site, not configured. */
	async start() {
		await this.server.start();
		fs.copyFileSync(
			path.join( __dirname, 'plugins', MU_PLUGIN ),
			this.muPlugin
		);
		siteOption( 'footprints_test_ai_base_url', this.server.url );
		this.configure( false );
	}

	/**
	 * Gives the provider a Connectors key (configured) or takes it away.
	 *
	 * @param configured Whether it has a key.
	 */
	configure( configured: boolean ) {
		siteOption(
			'connectors_ai_footprints_test_api_key',
			configured ? 'footprints-test-key' : ''
		);
	}

	/**
	 * Scripts the next chat completion's text (it repeats).
	 *
	 * @param content The answer.
	 */
	answerText( content: string ) {
		this.server.answer( [ { content } ] );
	}

	/**
	 * Scripts an OpenAI-style error for the next chat completions.
	 *
	 * @param status  HTTP status (400, 500...).
	 * @param message The provider's message.
	 */
	answerError( status: number, message: string ) {
		this.server.answer( [ { status, error: message } ] );
	}

	/** The chat completions received since the last answer, decoded. */
	completions(): ChatCompletion[] {
		return this.server
			.requests()
			.filter( ( request ) =>
				request.uri.startsWith( '/v1/chat/completions' )
			)
			.map( ( request ) => JSON.parse( request.body ) as ChatCompletion );
	}

	/** Removes the provider from the test site and stops the server. */
	stop() {
		fs.rmSync( this.muPlugin, { force: true } );
		this.configure( false );
		this.server.stop();
	}
}
