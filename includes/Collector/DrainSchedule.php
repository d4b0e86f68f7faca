<?php
/**
 * DrainSchedule.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

use Footprints\Events\Retention;
use Footprints\Events\StoreFailed;
use Footprints\Hookable;

/**
 * When the buffer is drained: every minute on WP-Cron, on admin page views
 * when the last drain is over a minute old (a site whose WP-Cron is off or
 * starved still drains while someone looks), from `wp footprints drain`,
 * and from the system-cron line in the README. Once a day, events older
 * than the retention are purged.
 */
final class DrainSchedule implements Hookable {

	public const DRAIN_HOOK = 'footprints_drain';
	public const DAILY_HOOK = 'footprints_daily';
	public const SCHEDULE   = 'footprints_every_minute';

	/**
	 * Constructor.
	 *
	 * @param Drainer           $drainer   Drains the buffer.
	 * @param Retention         $retention Purges old events.
	 * @param CollectorSettings $settings  The retention setting.
	 * @param ConfigCompiler    $config    The compiled config, checked on each drain.
	 */
	public function __construct(
		private Drainer $drainer,
		private Retention $retention,
		private CollectorSettings $settings,
		private ConfigCompiler $config
	) {}

	/**
	 * Hooks the cron jobs and the admin trigger.
	 */
	public function hook(): void {
		add_filter( 'cron_schedules', array( $this, 'add_schedule' ) ); // phpcs:ignore WordPress.WP.CronInterval -- the buffer is drained every minute, on purpose.
		add_action( 'init', array( $this, 'schedule' ) );
		add_action( self::DRAIN_HOOK, array( $this, 'run' ) );
		add_action( self::DAILY_HOOK, array( $this, 'purge' ) );
		add_action( 'admin_init', array( $this, 'run_when_late' ) );
	}

	/**
	 * Adds the one-minute schedule.
	 *
	 * @param array<string, array{interval: int, display: string}> $schedules Schedules.
	 * @return array<string, array{interval: int, display: string}>
	 */
	public function add_schedule( array $schedules ): array {
		$schedules[ self::SCHEDULE ] = array(
			'interval' => MINUTE_IN_SECONDS,
			'display'  => __( 'Every minute (Footprints drain)', 'footprints' ),
		);
		return $schedules;
	}

	/**
	 * Schedules the jobs once.
	 */
	public function schedule(): void {
		if ( ! wp_next_scheduled( self::DRAIN_HOOK ) ) {
			wp_schedule_event( time(), self::SCHEDULE, self::DRAIN_HOOK );
		}
		if ( ! wp_next_scheduled( self::DAILY_HOOK ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', self::DAILY_HOOK );
		}
	}

	/**
	 * Drains now; a failed write is logged and the buffer kept for the next run.
	 *
	 * @return array{status: string, files: int, events: int, stored: int, seconds: float}|null Null when the write failed.
	 */
	public function run(): ?array {
		$this->config->ensure_written();
		$this->sweep_rates();
		try {
			return $this->drainer->drain();
		} catch ( StoreFailed $failure ) {
			error_log( 'Footprints: the drain could not store events, they stay in the buffer: ' . $failure->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- an operator needs to see it.
			return null;
		}
	}

	/**
	 * Forgets the request counters of closed windows and the address keys
	 * of past days: nothing said who sent what once the limit is moot.
	 */
	private function sweep_rates(): void {
		$config = $this->config->current();
		( new RateLimiter( $this->config->data_dir()->rate_dir(), $config->limit( 'rate_requests' ), $config->limit( 'rate_window_seconds' ) ) )->sweep( time() );
	}

	/**
	 * Drains on an admin page view when the last drain is over a minute old.
	 */
	public function run_when_late(): void {
		$last = get_option( Drainer::LAST_DRAIN_OPTION );
		if ( ! is_array( $last ) || (int) $last['at'] < time() - MINUTE_IN_SECONDS ) {
			$this->run();
		}
	}

	/**
	 * Purges events older than the retention.
	 */
	public function purge(): int {
		return $this->retention->purge( $this->settings->retention_days(), time() );
	}
}
