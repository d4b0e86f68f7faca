<?php
/**
 * Reachability.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

use Footprints\Hookable;
use Footprints\Rest\Routes;

/**
 * Decides where this site's visitors send events: the fast collector when
 * a loopback self-test shows it runs here, otherwise the REST route, so a
 * host that blocks PHP files in plugin folders (403/404), serves them as
 * text, runs them without write access to wp-content, or answers them
 * through a cache still collects. The test runs at activation, daily, and
 * every 10 minutes while it fails; it posts an empty batch, which the fast
 * collector answers with its own 400 and header, storing nothing.
 */
final class Reachability implements Hookable {

	public const OPTION    = 'footprints_collector_reachability';
	public const CRON_HOOK = 'footprints_self_test';
	public const RETRY     = 600;

	/**
	 * Constructor.
	 *
	 * @param ConfigCompiler $config The compiled config the fast collector needs.
	 */
	public function __construct( private ConfigCompiler $config ) {}

	/**
	 * Hooks the scheduled test.
	 */
	public function hook(): void {
		add_action( self::CRON_HOOK, array( $this, 'test' ) );
		add_action( 'init', array( $this, 'schedule' ) );
	}

	/**
	 * Schedules the daily test once.
	 */
	public function schedule(): void {
		if ( ! wp_next_scheduled( self::CRON_HOOK ) ) {
			wp_schedule_event( time() + DAY_IN_SECONDS, 'daily', self::CRON_HOOK );
		}
	}

	/**
	 * The fast collector's URL on this site.
	 */
	public function fast_url(): string {
		$url = plugins_url( 'collect.php', FOOTPRINTS_FILE );
		return 1 === get_current_blog_id() ? $url : add_query_arg( 'site', get_current_blog_id(), $url );
	}

	/**
	 * Where the client sends events: the fast collector when the last test
	 * passed, else the REST route.
	 */
	public function collect_url(): string {
		return $this->uses_fast_path() ? $this->fast_url() : $this->rest_url();
	}

	/**
	 * The REST route's URL on this site.
	 */
	public function rest_url(): string {
		return rest_url( Routes::namespace() . Routes::route( 'collect' ) );
	}

	/**
	 * Whether the last test found the fast collector working.
	 */
	public function uses_fast_path(): bool {
		return true === ( $this->last()['ok'] ?? false );
	}

	/**
	 * The last test: ok, when (seconds), and what went wrong.
	 *
	 * @return array{ok?: bool, at?: int, message?: string}
	 */
	public function last(): array {
		$last = get_option( self::OPTION );
		return is_array( $last ) ? $last : array();
	}

	/**
	 * Tests the fast collector now, stores the result, and while it fails
	 * tries again in 10 minutes.
	 *
	 * @return array{ok: bool, at: int, message: string}
	 */
	public function test(): array {
		$this->config->ensure_written();
		$response = wp_remote_post(
			$this->fast_url(),
			array(
				'timeout'   => 5,
				'headers'   => array( 'Content-Type' => 'text/plain' ),
				'body'      => '{"events":[]}',
				// A loopback request: the site's own certificate may be self-signed.
				'sslverify' => false,
			)
		);
		$result = array(
			'ok'      => false,
			'at'      => time(),
			'message' => '',
		);
		if ( is_wp_error( $response ) ) {
			$result['message'] = $response->get_error_message();
		} elseif ( 'fast' !== wp_remote_retrieve_header( $response, 'x-footprints-collector' ) || 400 !== wp_remote_retrieve_response_code( $response ) ) {
			/* translators: %d: HTTP status. */
			$result['message'] = sprintf( __( 'The fast collector answered HTTP %d instead of running; this host may block PHP files in plugin folders.', 'footprints' ), (int) wp_remote_retrieve_response_code( $response ) );
		} else {
			$result['ok'] = true;
		}
		update_option( self::OPTION, $result, true );
		if ( ! $result['ok'] && ! wp_next_scheduled( self::CRON_HOOK, array( 'retry' ) ) ) {
			wp_schedule_single_event( time() + self::RETRY, self::CRON_HOOK, array( 'retry' ) );
		}
		return $result;
	}
}
