<?php
/**
 * The loopback OpenAI-compatible server (tests/ai-provider/router.php) for
 * the PHP tests, on FOOTPRINTS_AI_PORT (default 8892): the address the test
 * provider `footprints-test` sends to.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class AiServer {

	/**
	 * The server.
	 *
	 * @var LoopbackServer
	 */
	private LoopbackServer $server;

	/**
	 * Constructor.
	 */
	public function __construct() {
		$this->server = new LoopbackServer( 'FOOTPRINTS_AI_PORT', 8892, dirname( __DIR__ ) . '/ai-provider/router.php' );
	}

	/**
	 * Starts it (own process group) and waits until it answers.
	 */
	public function start(): void {
		$this->server->start();
	}

	/**
	 * Stops its process group.
	 */
	public function stop(): void {
		$this->server->stop();
	}

	/**
	 * Scripts the chat completions, in order (the last repeats), and forgets
	 * earlier requests. Each: ['content' => text] for an answer,
	 * ['status' => 400, 'error' => message] for an OpenAI-style error.
	 *
	 * @param array<string, mixed> ...$answers The answers.
	 */
	public function answer( array ...$answers ): void {
		$this->server->answer( ...$answers );
	}

	/**
	 * Every request received since the last answer(), models listings included.
	 *
	 * @return list<array{method: string, uri: string, headers: array<string, string>, body: string}>
	 */
	public function requests(): array {
		return $this->server->requests();
	}

	/**
	 * The bodies of the chat completions received since the last answer(),
	 * decoded: `messages` (role, content), `model`, `response_format`...
	 *
	 * @return list<array<string, mixed>>
	 */
	public function completions(): array {
		$completions = array_filter( $this->requests(), static fn( array $request ) => str_starts_with( $request['uri'], '/v1/chat/completions' ) );
		return array_values( array_map( static fn( array $request ) => (array) json_decode( $request['body'], true ), $completions ) );
	}
}
