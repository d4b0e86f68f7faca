<?php
/**
 * CollectorStatus.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * How collection stands, in one place for the settings screen, Site
 * Health and WP-CLI: which path visitors use, the last self-test, the last
 * drain, and the backlog waiting in this node's buffer with its age.
 */
final class CollectorStatus {

	// A drain runs every minute; ten without one means cron is not running.
	public const LATE_SECONDS = 600;

	/**
	 * Constructor.
	 *
	 * @param Reachability      $reachability Which path visitors use.
	 * @param Buffer            $buffer       This node's buffer.
	 * @param CollectorSettings $settings     Retention.
	 */
	public function __construct( private Reachability $reachability, private Buffer $buffer, private CollectorSettings $settings ) {}

	/**
	 * The status.
	 *
	 * @param int $now Now, in seconds.
	 * @return array{path: string, collect_url: string, fast_url: string, self_test: array<string, mixed>|null, last_drain: array<string, mixed>|null, drain_late: bool, backlog: array{bytes: int, files: int, oldest_age: int|null}, node: string, retention_days: int}
	 */
	public function get( int $now ): array {
		$last_drain = get_option( Drainer::LAST_DRAIN_OPTION );
		$last_drain = is_array( $last_drain ) ? $last_drain : null;
		$backlog    = $this->buffer->backlog( $now );
		$self_test  = $this->reachability->last();
		return array(
			'path'           => $this->reachability->uses_fast_path() ? 'fast' : 'rest',
			'collect_url'    => $this->reachability->collect_url(),
			'fast_url'       => $this->reachability->fast_url(),
			'self_test'      => $self_test ? $self_test : null,
			'last_drain'     => $last_drain,
			// Late: something waits and no drain ran for ten minutes.
			'drain_late'     => $backlog['files'] > 0 && ( null === $last_drain || (int) $last_drain['at'] < $now - self::LATE_SECONDS ),
			'backlog'        => array(
				'bytes'      => $backlog['bytes'],
				'files'      => $backlog['files'],
				'oldest_age' => null === $backlog['oldest'] ? null : max( 0, $now - $backlog['oldest'] ),
			),
			'node'           => Buffer::node_name(),
			'retention_days' => $this->settings->retention_days(),
		);
	}
}
