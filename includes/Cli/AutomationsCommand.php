<?php
/**
 * AutomationsCommand.
 *
 * @package Footprints
 */

namespace Footprints\Cli;

use Footprints\Automations\Worker;

/**
 * Works the automations' delivery queue.
 *
 * For a system cron instead of WP-Cron (every minute):
 *
 *     * * * * * wp --path=/var/www/html footprints automations run --quiet
 */
final class AutomationsCommand {

	/**
	 * Constructor.
	 *
	 * @param \Closure $worker Returns the worker.
	 */
	public function __construct( private \Closure $worker ) {}

	/**
	 * Sends the due deliveries now.
	 *
	 * ## OPTIONS
	 *
	 * [--seconds=<seconds>]
	 * : Stop claiming new deliveries after this long.
	 * ---
	 * default: 50
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp footprints automations run
	 *
	 * @param array<int, string>    $args       Positional arguments (none).
	 * @param array<string, string> $assoc_args Options.
	 */
	public function run( array $args, array $assoc_args ): void { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter.FoundBeforeLastUsed -- WP-CLI's signature.
		/**
		 * The worker.
		 *
		 * @var Worker $worker
		 */
		$worker = ( $this->worker )();
		$start  = microtime( true );
		$report = $worker->run( max( 1.0, (float) ( $assoc_args['seconds'] ?? 50 ) ) );
		\WP_CLI::success(
			sprintf(
				'%d delivered, %d to retry, %d failed for good in %.2f s; %d waiting in the queue.',
				$report['delivered'],
				$report['retrying'],
				$report['failed'],
				microtime( true ) - $start,
				$worker->queued()
			)
		);
		foreach ( $report['paused'] as $rule ) {
			\WP_CLI::warning( sprintf( 'Rule %d was paused after failing; resume it under Footprints → Settings → Automations.', $rule ) );
		}
	}
}
