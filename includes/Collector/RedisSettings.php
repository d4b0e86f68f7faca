<?php
/**
 * RedisSettings.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * The Redis Streams transport's settings, from constants in wp-config.php.
 *
 * Example:
 *     define( 'FOOTPRINTS_REDIS_HOST', '10.0.0.5' );   // turns the transport on
 *     define( 'FOOTPRINTS_REDIS_PORT', 6379 );
 *     define( 'FOOTPRINTS_REDIS_PASSWORD', '…' );      // optional
 *     define( 'FOOTPRINTS_REDIS_DATABASE', 0 );
 *     define( 'FOOTPRINTS_REDIS_MAXLEN', 1000000 );    // entries (batches) kept at most
 *
 * They are compiled into the collector config, since the fast collector
 * never reads wp-config.php. The filter footprints_redis_settings may
 * change them (null turns the transport off).
 */
final class RedisSettings {

	/**
	 * The settings for this site, or null without Redis.
	 *
	 * @param int $site_id Site (blog) ID: each site has its own stream.
	 * @return array{host: string, port: int, password: string, database: int, stream: string, maxlen: int, claim_idle_ms: int}|null
	 */
	public static function current( int $site_id ): ?array {
		$settings = null;
		if ( defined( 'FOOTPRINTS_REDIS_HOST' ) ) {
			$settings = array(
				'host'          => (string) constant( 'FOOTPRINTS_REDIS_HOST' ),
				'port'          => defined( 'FOOTPRINTS_REDIS_PORT' ) ? (int) constant( 'FOOTPRINTS_REDIS_PORT' ) : 6379,
				'password'      => defined( 'FOOTPRINTS_REDIS_PASSWORD' ) ? (string) constant( 'FOOTPRINTS_REDIS_PASSWORD' ) : '',
				'database'      => defined( 'FOOTPRINTS_REDIS_DATABASE' ) ? (int) constant( 'FOOTPRINTS_REDIS_DATABASE' ) : 0,
				'stream'        => 'footprints:events:site-' . $site_id,
				'maxlen'        => defined( 'FOOTPRINTS_REDIS_MAXLEN' ) ? (int) constant( 'FOOTPRINTS_REDIS_MAXLEN' ) : 1000000,
				// A consumer that read entries and has not acknowledged them for
				// this long is taken for dead: another drain claims them.
				'claim_idle_ms' => 120000,
			);
		}
		/**
		 * Filters the Redis transport's settings; null turns it off.
		 *
		 * @param array<string, mixed>|null $settings The settings.
		 */
		$settings = apply_filters( 'footprints_redis_settings', $settings );
		/**
		 * As documented above.
		 *
		 * @var array{host: string, port: int, password: string, database: int, stream: string, maxlen: int, claim_idle_ms: int}|null $settings
		 */
		return is_array( $settings ) && class_exists( \Redis::class ) ? $settings : null;
	}
}
