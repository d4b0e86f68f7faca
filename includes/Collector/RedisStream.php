<?php
/**
 * RedisStream.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * The Redis Streams transport, for sites with several web nodes: every
 * node's fast collector appends each batch to one stream (XADD, capped
 * with MAXLEN ~), and any node's drain consumes it through a consumer
 * group (XREADGROUP, then XACK and XDEL once the events are committed).
 * Entries a crashed consumer read but never acknowledged are taken over
 * with XPENDING + XCLAIM (php-redis 5.3 has no XAUTOCLAIM). Plain PHP
 * with the php-redis extension.
 */
final class RedisStream {

	public const GROUP = 'footprints';

	/**
	 * The connection, once made.
	 *
	 * @var \Redis|null
	 */
	private ?\Redis $redis = null;

	/**
	 * Constructor.
	 *
	 * @param array{host: string, port: int, password: string, database: int, stream: string, maxlen: int, claim_idle_ms: int} $settings Where and how.
	 */
	public function __construct( private array $settings ) {}

	/**
	 * The stream's name.
	 */
	public function name(): string {
		return $this->settings['stream'];
	}

	/**
	 * Appends one batch. Returns whether Redis took it.
	 *
	 * @param int                               $received_ms When it arrived.
	 * @param list<array<string, mixed>>        $events      Validated events.
	 * @param array<string, array<string, int>> $tally       Rejections by code and reason.
	 * @param int                               $wp_user     The signed-in WordPress user who sent it; 0 for nobody.
	 */
	public function append( int $received_ms, array $events, array $tally, int $wp_user = 0 ): bool {
		try {
			$batch = BatchRecord::encode( $received_ms, $events, $tally, $wp_user );
			return false !== $this->redis()->xAdd( $this->name(), '*', array( 'b' => (string) $batch ), $this->settings['maxlen'], true );
		} catch ( \RedisException $e ) {
			return false;
		}
	}

	/**
	 * Entries for this consumer: first those another consumer read and left
	 * unacknowledged for longer than claim_idle_ms (it died), else new ones.
	 *
	 * @param string $consumer This consumer's name.
	 * @param int    $count    Most entries.
	 * @return array<string, array{r: int, e: list<array<string, mixed>>, x: array<string, array<string, int>>}> Batches by entry id.
	 * @throws \RedisException When Redis cannot be reached.
	 */
	public function take( string $consumer, int $count ): array {
		$redis = $this->redis();
		$this->ensure_group();
		$stale = array();
		foreach ( (array) $redis->xPending( $this->name(), self::GROUP, '-', '+', $count ) as $pending ) {
			// [id, consumer, idle ms, deliveries].
			if ( (int) $pending[2] >= $this->settings['claim_idle_ms'] ) {
				$stale[] = (string) $pending[0];
			}
		}
		$entries = $stale ? $redis->xClaim( $this->name(), self::GROUP, $consumer, $this->settings['claim_idle_ms'], $stale, array() ) : array();
		if ( ! $entries ) {
			$read    = $redis->xReadGroup( self::GROUP, $consumer, array( $this->name() => '>' ), $count );
			$entries = is_array( $read ) ? (array) ( $read[ $this->name() ] ?? array() ) : array();
		}
		$batches = array();
		foreach ( (array) $entries as $id => $fields ) {
			// An entry that is not a whole record holds nothing to store.
			$batches[ (string) $id ] = BatchRecord::decode( (string) ( $fields['b'] ?? '' ) ) ?? array(
				'r' => 0,
				'e' => array(),
				'x' => array(),
				'w' => 0,
			);
		}
		return $batches;
	}

	/**
	 * Acknowledges and removes entries whose events are committed.
	 *
	 * @param string[] $ids Entry ids.
	 * @throws \RedisException When Redis cannot be reached.
	 */
	public function done( array $ids ): void {
		if ( $ids ) {
			$this->redis()->xAck( $this->name(), self::GROUP, $ids );
			$this->redis()->xDel( $this->name(), $ids );
		}
	}

	/**
	 * Entries waiting in the stream.
	 *
	 * @throws \RedisException When Redis cannot be reached.
	 */
	public function length(): int {
		return (int) $this->redis()->xLen( $this->name() );
	}

	/**
	 * Redis' maxmemory-policy, or null when CONFIG is not allowed.
	 */
	public function eviction_policy(): ?string {
		try {
			$config = $this->redis()->config( 'GET', 'maxmemory-policy' );
			return is_array( $config ) && isset( $config['maxmemory-policy'] ) ? (string) $config['maxmemory-policy'] : null;
		} catch ( \RedisException $e ) {
			return null;
		}
	}

	/**
	 * Creates the consumer group (and the stream) once.
	 *
	 * @throws \RedisException When Redis cannot be reached.
	 */
	private function ensure_group(): void {
		try {
			$this->redis()->xGroup( 'CREATE', $this->name(), self::GROUP, '0', true );
		} catch ( \RedisException $e ) {
			if ( ! str_contains( $e->getMessage(), 'BUSYGROUP' ) ) {
				throw $e;
			}
		}
		$this->redis()->clearLastError();
	}

	/**
	 * The connection, with exceptions for errors.
	 *
	 * @throws \RedisException When Redis cannot be reached.
	 */
	private function redis(): \Redis {
		if ( ! $this->redis ) {
			$redis = new \Redis();
			$redis->pconnect( $this->settings['host'], $this->settings['port'], 1.0 );
			if ( '' !== $this->settings['password'] ) {
				$redis->auth( $this->settings['password'] );
			}
			$redis->select( $this->settings['database'] );
			$redis->setOption( \Redis::OPT_REPLY_LITERAL, false );
			$this->redis = $redis;
		}
		return $this->redis;
	}
}
