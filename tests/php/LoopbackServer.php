<?php
/**
 * A real HTTP server on loopback for the PHP tests (tests/php/receiver):
 * started in its own process group on a port from an environment variable,
 * told what to answer, asked what it received, and stopped with its group.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class LoopbackServer {

	/**
	 * Process group of the running server.
	 *
	 * @var int
	 */
	private int $group = 0;

	/**
	 * Folder of its answers and request log.
	 *
	 * @var string
	 */
	private string $dir;

	/**
	 * The port.
	 *
	 * @var int
	 */
	public readonly int $port;

	/**
	 * Constructor.
	 *
	 * @param string $port_variable Environment variable naming the port.
	 * @param int    $default_port  Port when the variable is not set.
	 * @param string $router        The `php -S` router (default: the receiver's).
	 */
	public function __construct( string $port_variable, int $default_port, private string $router = __DIR__ . '/receiver/router.php' ) {
		$this->port = (int) ( getenv( $port_variable ) ? getenv( $port_variable ) : $default_port );
		$this->dir  = sys_get_temp_dir() . '/footprints-receiver-' . $this->port;
	}

	/**
	 * Starts the server and waits until it answers.
	 */
	public function start(): void {
		if ( ! is_dir( $this->dir ) ) {
			mkdir( $this->dir, 0700, true );
		}
		$this->reset();
		if ( $this->answers_on_port() ) {
			throw new \RuntimeException( "Port {$this->port} is taken; set another in the receiver's port variable." );
		}
		$command     = sprintf(
			'FOOTPRINTS_RECEIVER_DIR=%s setsid php -S 127.0.0.1:%d %s > %s 2>&1 & echo $!',
			escapeshellarg( $this->dir ),
			$this->port,
			escapeshellarg( $this->router ),
			escapeshellarg( $this->dir . '/server.log' )
		);
		$this->group = (int) shell_exec( $command ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_shell_exec -- starts the test's own server.
		if ( ! $this->wait_until( true ) ) {
			throw new \RuntimeException( "The loopback receiver did not start on port {$this->port}; see {$this->dir}/server.log" );
		}
	}

	/**
	 * Stops the server's whole process group.
	 */
	public function stop(): void {
		if ( $this->group > 0 ) {
			// The whole group: php -S may run workers beside its master.
			posix_kill( -$this->group, SIGTERM );
			$this->group = 0;
			$this->wait_until( false );
		}
	}

	/**
	 * Waits up to 5 s until the port answers (or stops answering).
	 *
	 * @param bool $listening Whether to wait for it to listen.
	 */
	private function wait_until( bool $listening ): bool {
		for ( $i = 0; $i < 100; $i++ ) {
			if ( $this->answers_on_port() === $listening ) {
				return true;
			}
			usleep( 50000 );
		}
		return false;
	}

	/**
	 * The server's base URL.
	 *
	 * @param string $host Host name to use (127.0.0.1 or localhost).
	 */
	public function url( string $host = '127.0.0.1' ): string {
		return "http://$host:{$this->port}";
	}

	/**
	 * What to answer, in order; the last answer repeats. Forgets earlier requests.
	 *
	 * @param array<string, mixed> ...$answers Each: status, headers, body | repeat{text,times}, delay_ms.
	 */
	public function answer( array ...$answers ): void {
		file_put_contents( $this->dir . '/answers.json', (string) wp_json_encode( $answers ) );
		file_put_contents( $this->dir . '/requests.jsonl', '' );
	}

	/**
	 * The requests received since the last answer(): method, uri, headers (lowercase names), body.
	 *
	 * @return list<array{method: string, uri: string, headers: array<string, string>, body: string}>
	 */
	public function requests(): array {
		$lines = file( $this->dir . '/requests.jsonl', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES );
		return array_map( static fn( string $line ) => json_decode( $line, true ), false === $lines ? array() : $lines );
	}

	/**
	 * Empties the answers and the request log.
	 */
	private function reset(): void {
		$this->answer( array( 'status' => 404 ) );
	}

	/**
	 * Whether something listens on the port.
	 */
	private function answers_on_port(): bool {
		$socket = @fsockopen( '127.0.0.1', $this->port, $errno, $errstr, 0.2 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- a closed port is an answer.
		if ( ! $socket ) {
			return false;
		}
		fclose( $socket );
		return true;
	}
}
