<?php
/**
 * DrainCommand.
 *
 * @package Footprints
 */

namespace Footprints\Cli;

use Footprints\Collector\DrainSchedule;

/**
 * Moves the fast collector's buffer into the events table.
 *
 * For a system cron (every minute, on every web node without Redis):
 *
 *     * * * * * wp --path=/var/www/html footprints drain --quiet
 */
final class DrainCommand {

	/**
	 * Constructor.
	 *
	 * @param DrainSchedule $schedule Runs the drain.
	 */
	public function __construct( private DrainSchedule $schedule ) {}

	/**
	 * Drains the buffer now.
	 *
	 * ## EXAMPLES
	 *
	 *     wp footprints drain
	 *
	 * @param array<int, string>    $args       Positional arguments (none).
	 * @param array<string, string> $assoc_args Options (none).
	 */
	public function drain( array $args, array $assoc_args ): void { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter.FoundAfterLastUsed -- WP-CLI's signature.
		$report = $this->schedule->run();
		if ( null === $report ) {
			\WP_CLI::error( 'The events could not be stored; they stay in the buffer. See the PHP error log.' );
			return;
		}
		if ( 'busy' === $report['status'] ) {
			\WP_CLI::warning( 'Another drain is running; nothing to do here.' );
			return;
		}
		\WP_CLI::success( sprintf( 'Drained %d events (%d new) from %d buffer files in %.2f s.', $report['events'], $report['stored'], $report['files'], $report['seconds'] ) );
	}
}
