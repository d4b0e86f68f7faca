<?php
/**
 * Servers a test starts and stops itself, each in its own process group:
 * a real redis-server and extra `php -S` web nodes of the test site.
 * Ports come from FOOTPRINTS_TEST_REDIS_PORT and FOOTPRINTS_TEST_NODE_PORTS.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class TestServers {

	/**
	 * Redis' port for the tests.
	 */
	public static function redis_port(): int {
		return (int) ( getenv( 'FOOTPRINTS_TEST_REDIS_PORT' ) ? getenv( 'FOOTPRINTS_TEST_REDIS_PORT' ) : 8897 );
	}

	/**
	 * The extra web nodes' ports.
	 *
	 * @return list<int>
	 */
	public static function node_ports(): array {
		$ports = getenv( 'FOOTPRINTS_TEST_NODE_PORTS' ) ? (string) getenv( 'FOOTPRINTS_TEST_NODE_PORTS' ) : '8898,8899';
		return array_map( 'intval', explode( ',', $ports ) );
	}

	/**
	 * The Redis transport's settings against the test's redis-server; a
	 * consumer that died is taken over at once.
	 *
	 * @return array{host: string, port: int, password: string, database: int, stream: string, maxlen: int, claim_idle_ms: int}
	 */
	public static function redis_settings(): array {
		return array(
			'host'          => '127.0.0.1',
			'port'          => self::redis_port(),
			'password'      => '',
			'database'      => 0,
			'stream'        => 'footprints:events:site-1',
			'maxlen'        => 100000,
			'claim_idle_ms' => 0,
		);
	}

	/**
	 * Starts redis-server (no persistence). Returns its process group.
	 */
	public static function start_redis(): int {
		return self::start( sprintf( 'redis-server --port %d --bind 127.0.0.1 --save "" --appendonly no', self::redis_port() ), self::redis_port() );
	}

	/**
	 * Starts a `php -S` web node of the test site. Returns its process group.
	 *
	 * @param int $port Port.
	 */
	public static function start_node( int $port ): int {
		$root = dirname( __DIR__, 2 );
		return self::start( sprintf( 'env PHP_CLI_SERVER_WORKERS=2 php -S 127.0.0.1:%d -t %s %s', $port, escapeshellarg( (string) getenv( 'FOOTPRINTS_WP_DIR' ) ), escapeshellarg( $root . '/bin/wp/router.php' ) ), $port );
	}

	/**
	 * Stops a process group and waits until it is gone.
	 *
	 * @param int $group Process group.
	 */
	public static function stop( int $group ): void {
		if ( $group > 0 ) {
			posix_kill( -$group, SIGTERM );
			$deadline = microtime( true ) + 5;
			while ( microtime( true ) < $deadline && posix_kill( -$group, 0 ) ) {
				usleep( 100000 );
			}
			posix_kill( -$group, SIGKILL );
		}
	}

	/**
	 * Starts a command in its own process group and waits for its port.
	 *
	 * @param string $command Command.
	 * @param int    $port    Port it listens on.
	 * @throws \RuntimeException When it does not answer within 10 s.
	 */
	private static function start( string $command, int $port ): int {
		$group = (int) shell_exec( 'setsid ' . $command . ' > /dev/null 2>&1 < /dev/null & echo $!' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_shell_exec -- the test's own servers.
		for ( $i = 0; $i < 100; $i++ ) {
			$socket = @fsockopen( '127.0.0.1', $port, $errno, $error, 0.1 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- not up yet.
			if ( $socket ) {
				fclose( $socket ); // phpcs:ignore WordPress.WP.AlternativeFunctions
				return $group;
			}
			usleep( 100000 );
		}
		self::stop( $group );
		throw new \RuntimeException( esc_html( "Nothing answered on port $port: $command" ) );
	}
}
