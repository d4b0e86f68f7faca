<?php
/**
 * CollectorHealth.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

use Footprints\Hookable;

/**
 * A Site Health test (Tools → Site Health): which path visitors' events
 * take, the last drain, the backlog and its age; a warning when the drain
 * is more than ten minutes late (WP-Cron off or starved: add the system
 * cron line) or the fast collector does not run on this host.
 */
final class CollectorHealth implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param CollectorStatus $status How collection stands.
	 * @param ConfigCompiler  $config The config, which says whether a Redis stream is used.
	 */
	public function __construct( private CollectorStatus $status, private ConfigCompiler $config ) {}

	/**
	 * Registers the test.
	 */
	public function hook(): void {
		add_filter( 'site_status_tests', array( $this, 'register' ) );
	}

	/**
	 * Adds the test to Site Health.
	 *
	 * @param array<string, array<string, mixed>> $tests Tests by kind.
	 * @return array<string, array<string, mixed>>
	 */
	public function register( array $tests ): array {
		$tests['direct']['footprints_collector'] = array(
			'label' => __( 'Footprints event collection', 'footprints' ),
			'test'  => array( $this, 'result' ),
		);
		return $tests;
	}

	/**
	 * The test's result, as Site Health shows it.
	 *
	 * @return array<string, mixed>
	 */
	public function result(): array {
		$status  = $this->status->get( time() );
		$details = array(
			'fast' === $status['path']
				? __( 'Visitors\' events go to the fast collector, which does not load WordPress.', 'footprints' )
				: __( 'Visitors\' events go to the REST route footprints/v1/collect: the fast collector did not pass its self-test on this host.', 'footprints' ),
			null === $status['last_drain']
				? __( 'The buffer has never been drained.', 'footprints' )
				/* translators: %s: time since the last drain, e.g. "3 mins". */
				: sprintf( __( 'Last drain: %s ago.', 'footprints' ), human_time_diff( (int) $status['last_drain']['at'] ) ),
			/* translators: 1: buffer files waiting, 2: bytes waiting. */
			sprintf( __( 'Waiting in this node\'s buffer: %1$d files, %2$s.', 'footprints' ), $status['backlog']['files'], size_format( $status['backlog']['bytes'] ) ),
		);
		if ( null !== $status['backlog']['oldest_age'] ) {
			/* translators: %s: age of the oldest waiting event, e.g. "12 mins". */
			$details[] = sprintf( __( 'The oldest waiting event arrived %s ago.', 'footprints' ), human_time_diff( time() - $status['backlog']['oldest_age'] ) );
		}
		$redis  = $this->config->current()->redis();
		$policy = null;
		if ( $redis ) {
			$stream = new RedisStream( $redis );
			$policy = $stream->eviction_policy();
			try {
				/* translators: 1: stream name, 2: entries waiting. */
				$details[] = sprintf( __( 'Web nodes send through the Redis stream %1$s: %2$d batches waiting.', 'footprints' ), $stream->name(), $stream->length() );
			} catch ( \RedisException $e ) {
				/* translators: %s: error message. */
				$details[] = sprintf( __( 'The Redis stream cannot be reached: %s', 'footprints' ), $e->getMessage() );
			}
		}
		$result = array(
			'label'       => __( 'Footprints collects events', 'footprints' ),
			'status'      => 'good',
			'badge'       => array(
				'label' => __( 'Footprints', 'footprints' ),
				'color' => 'blue',
			),
			'description' => '<p>' . implode( '</p><p>', array_map( 'esc_html', $details ) ) . '</p>',
			'test'        => 'footprints_collector',
		);
		if ( null !== $policy && 'noeviction' !== $policy && ! str_starts_with( $policy, 'volatile-' ) ) {
			$result['status'] = 'critical';
			/* translators: %s: Redis maxmemory-policy. */
			$result['label']          = sprintf( __( 'Redis may evict Footprints\' waiting events (maxmemory-policy %s)', 'footprints' ), $policy );
			$result['actions']        = '<p>' . esc_html__( 'Set maxmemory-policy to noeviction (or a volatile-* policy) in redis.conf, or Redis may delete events before they are stored.', 'footprints' ) . '</p>';
			$result['badge']['color'] = 'red';
		} elseif ( $status['drain_late'] ) {
			$result['status']         = 'critical';
			$result['label']          = __( 'Footprints\' drain is more than 10 minutes late', 'footprints' );
			$result['actions']        = '<p>' . esc_html__( 'Events wait in the buffer until a drain stores them. Add this line to the system cron of every web node:', 'footprints' ) . '</p><p><code>' . esc_html( '* * * * * wp --path=' . untrailingslashit( ABSPATH ) . ' footprints drain --quiet' ) . '</code></p>';
			$result['badge']['color'] = 'red';
		} elseif ( 'rest' === $status['path'] ) {
			$result['status'] = 'recommended';
			$result['label']  = __( 'Footprints collects through the slower REST route', 'footprints' );
		}
		return $result;
	}
}
