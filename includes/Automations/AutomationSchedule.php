<?php
/**
 * AutomationSchedule.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Database\QueryFailed;
use Footprints\Collector\DrainSchedule;
use Footprints\Hookable;

/**
 * WP-Cron's share of automations: the worker every minute (the one-minute
 * schedule is DrainSchedule's), and the delivery log's retention purge
 * once a day.
 */
final class AutomationSchedule implements Hookable {

	public const RUN_HOOK   = 'footprints_automations_run';
	public const PURGE_HOOK = 'footprints_automations_purge';

	/**
	 * Constructor.
	 *
	 * @param \Closure    $worker Returns the worker (made only when one runs).
	 * @param DeliveryLog $log    The delivery log.
	 */
	public function __construct( private \Closure $worker, private DeliveryLog $log ) {}

	/**
	 * Hooks the jobs.
	 */
	public function hook(): void {
		add_action( 'init', array( $this, 'schedule' ) );
		add_action( self::RUN_HOOK, array( $this, 'run' ) );
		add_action( self::PURGE_HOOK, array( $this, 'purge' ) );
	}

	/**
	 * Schedules both jobs once.
	 */
	public function schedule(): void {
		if ( ! wp_next_scheduled( self::RUN_HOOK ) ) {
			wp_schedule_event( time(), DrainSchedule::SCHEDULE, self::RUN_HOOK );
		}
		if ( ! wp_next_scheduled( self::PURGE_HOOK ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', self::PURGE_HOOK );
		}
	}

	/**
	 * Works the queue for up to RunKick::RUN_SECONDS. A failed record is
	 * logged, not a fatal error of the cron request: its rows come back
	 * after their lease.
	 */
	public function run(): void {
		try {
			( $this->worker )()->run( RunKick::RUN_SECONDS );
		} catch ( QueryFailed $failure ) {
			error_log( 'Footprints: an automations run could not record its deliveries; they are sent again after their lease: ' . $failure->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- an operator needs to see it.
		}
	}

	/**
	 * Purges the log past its retention.
	 */
	public function purge(): void {
		$this->log->purge( time() );
	}

	/**
	 * Unschedules both jobs (deactivation).
	 */
	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::RUN_HOOK );
		wp_clear_scheduled_hook( self::PURGE_HOOK );
	}
}
