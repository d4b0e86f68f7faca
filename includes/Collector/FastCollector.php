<?php
/**
 * FastCollector.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

use Footprints\People\SignInCookie;

/**
 * The fast collector's request handling, without WordPress: the same
 * request and answer as footprints/v1/collect, judged by the same
 * validator, appended to the durable buffer that the drain moves into the
 * events table. It cannot see the table, so an id it cannot know is stored
 * counts as accepted; the drain stores it once. Plain PHP.
 */
final class FastCollector {

	/**
	 * Constructor.
	 *
	 * @param DataDir $dir  The site's collector folder.
	 * @param string  $node This web node's name.
	 */
	public function __construct( private DataDir $dir, private string $node ) {}

	/**
	 * Answers one request.
	 *
	 * @param array<string, mixed>  $server $_SERVER.
	 * @param callable(int): string $read_body Reads at most this many bytes of the body.
	 * @return array{status: int, headers: array<string, string>, body: array<string, mixed>}
	 */
	public function handle( array $server, callable $read_body ): array {
		if ( 'OPTIONS' === ( $server['REQUEST_METHOD'] ?? '' ) ) {
			// A browser's preflight for an application/json POST from another site.
			return array(
				'status'  => 204,
				'headers' => array(
					'Access-Control-Allow-Methods' => 'POST',
					'Access-Control-Allow-Headers' => 'Content-Type',
					'Access-Control-Max-Age'       => '86400',
				),
				'body'    => array(),
			);
		}
		if ( 'POST' !== ( $server['REQUEST_METHOD'] ?? '' ) ) {
			return self::refused( new Refusal( 405, 'footprints_method', __( 'Send events with POST.', 'footprints' ), array( 'Allow' => 'POST' ) ) );
		}
		// Judged and buffered under the gate, by the config as it is then:
		// a definition deleted meanwhile has drained its events first.
		$gate = new IngestGate( $this->dir->path );
		$gate->enter();
		try {
			return $this->judge( $server, $read_body );
		} finally {
			$gate->leave();
		}
	}

	/**
	 * Answers one request, under the gate.
	 *
	 * @param array<string, mixed>  $server    $_SERVER.
	 * @param callable(int): string $read_body Reads at most this many bytes of the body.
	 * @return array{status: int, headers: array<string, string>, body: array<string, mixed>}
	 */
	private function judge( array $server, callable $read_body ): array {
		$data = ( new ConfigFile( $this->dir->path ) )->read();
		if ( null === $data ) {
			return self::refused( new Refusal( 503, 'footprints_not_ready', __( 'The collector is not set up yet: open the site\'s admin once, then send again.', 'footprints' ), array( 'Retry-After' => '60' ) ) );
		}
		$config  = new CollectorConfig( $data );
		$limiter = new RateLimiter( $this->dir->rate_dir(), $config->limit( 'rate_requests' ), $config->limit( 'rate_window_seconds' ) );
		$refusal = $limiter->hit( ClientAddress::from( $server, $config->trusted_proxy_header() ), time() );
		if ( $refusal ) {
			return self::refused( $refusal );
		}
		$validator = new BatchValidator( $config );
		$most      = $config->limit( 'body_bytes' );
		if ( (int) ( $server['CONTENT_LENGTH'] ?? 0 ) > $most ) {
			return self::refused( $validator->too_large() );
		}
		$now     = (int) floor( microtime( true ) * 1000 );
		$type    = (string) ( $server['CONTENT_TYPE'] ?? $server['HTTP_CONTENT_TYPE'] ?? '' );
		$verdict = $validator->validate_body( $read_body( $most + 1 ), $type, $now );
		if ( $verdict instanceof Refusal ) {
			return self::refused( $verdict );
		}
		$redis     = $config->redis();
		$transport = $redis ? new RedisStream( $redis ) : new Buffer( $this->dir->buffer_dir(), $this->node );
		$wp_user   = SignInCookie::user( $server, $config->signin_secret(), time() );
		if ( ( $verdict['events'] || $verdict['tally'] ) && ! $transport->append( $now, $verdict['events'], $verdict['tally'], $wp_user ) ) {
			return self::refused( Refusal::store_failed() );
		}
		return array(
			'status'  => 200,
			'headers' => array(),
			'body'    => array(
				'accepted'   => count( $verdict['events'] ),
				'duplicates' => $verdict['duplicates'],
				'rejected'   => $verdict['rejected'],
			),
		);
	}

	/**
	 * The answer to a refused request.
	 *
	 * @param Refusal $refusal Why.
	 * @return array{status: int, headers: array<string, string>, body: array<string, mixed>}
	 */
	private static function refused( Refusal $refusal ): array {
		return array(
			'status'  => $refusal->status,
			'headers' => $refusal->headers,
			'body'    => $refusal->body(),
		);
	}
}
