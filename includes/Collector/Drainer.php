<?php
/**
 * Drainer.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

use Footprints\Database\Lock;
use Footprints\Database\QueryFailed;
use Footprints\Database\Transaction;
use Footprints\Events\EventWriter;
use Footprints\Events\RejectionCounter;
use Footprints\Events\StoreFailed;

/**
 * Moves the fast collector's buffer into the events table: claims the
 * buffer (renamed aside under a unique name), writes each busy file's
 * events, totals and rejection counts in one transaction that also
 * records the file as drained, and deletes the file only after the
 * commit. Killed at any step, the next drain finishes the job: a busy file
 * left behind is drained again, and one already committed adds nothing.
 * One drain at a time per database (a named lock), whichever node runs it.
 */
final class Drainer {

	public const LAST_DRAIN_OPTION = 'footprints_last_drain';
	public const STEP_ACTION       = 'footprints_drain_step';

	/**
	 * Constructor.
	 *
	 * @param \wpdb            $wpdb       WordPress' database connection.
	 * @param Buffer           $buffer     This node's buffer.
	 * @param EventWriter      $writer     Writes events and their totals.
	 * @param RejectionCounter $rejections Counts rejected events.
	 */
	public function __construct(
		private \wpdb $wpdb,
		private Buffer $buffer,
		private EventWriter $writer,
		private RejectionCounter $rejections
	) {}

	/**
	 * Drains every buffer file. Returns what it did; 'busy' when another
	 * drain holds the lock.
	 *
	 * @return array{status: string, files: int, events: int, stored: int, seconds: float}
	 * @throws StoreFailed When a file could not be written; it stays for the next drain.
	 */
	public function drain(): array {
		$started = microtime( true );
		$report  = array(
			'status'  => 'done',
			'files'   => 0,
			'events'  => 0,
			'stored'  => 0,
			'seconds' => 0.0,
		);
		$lock    = new Lock( $this->wpdb, 'footprints_drain' );
		if ( ! $lock->acquire( 0 ) ) {
			$report['status'] = 'busy';
			return $report;
		}
		try {
			foreach ( $this->buffer->claim() as $busy ) {
				$this->step( 'claimed', $busy );
				$done = $this->drain_file( $busy );
				$this->step( 'committed', $busy );
				$this->buffer->delete( $busy );
				$this->step( 'deleted', $busy );
				++$report['files'];
				$report['events'] += $done['events'];
				$report['stored'] += $done['stored'];
			}
		} finally {
			$lock->release();
			$report['seconds'] = round( microtime( true ) - $started, 3 );
			update_option(
				self::LAST_DRAIN_OPTION,
				array(
					'at'     => time(),
					'status' => $report['status'],
					'events' => $report['events'],
				),
				false
			);
		}//end try
		return $report;
	}

	/**
	 * Writes one busy file in one transaction, unless it was drained before.
	 *
	 * @param string $busy Busy file.
	 * @return array{events: int, stored: int}
	 */
	private function drain_file( string $busy ): array {
		$wpdb    = $this->wpdb;
		$batches = $this->buffer->read( $busy );
		$events  = array();
		$tally   = array();
		foreach ( $batches as $batch ) {
			foreach ( $batch['e'] as $event ) {
				$events[] = array( 'received' => (int) $batch['r'] ) + $event;
			}
			foreach ( $batch['x'] as $code => $reasons ) {
				foreach ( (array) $reasons as $reason => $count ) {
					$tally[ $code ][ $reason ] = ( $tally[ $code ][ $reason ] ?? 0 ) + (int) $count;
				}
			}
		}
		$this->step( 'read', $busy );
		$stored = 0;
		( new Transaction( $wpdb ) )->run(
			function () use ( $wpdb, $busy, $events, $tally, &$stored ): void {
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
				$first = QueryFailed::run( $wpdb, $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->prefix}footprints_drained (name, drained_at) VALUES (%s, %s)", basename( $busy ), gmdate( 'Y-m-d H:i:s' ) ) );
				if ( 0 === $first ) {
					return;
					// Committed by a drain that died before deleting the file.
				}
				// Every event was judged when it arrived; a definition deleted since keeps its events.
				$written = $this->writer->write( $events, 0, false );
				$stored  = count( array_filter( $written['stored'] ) );
				if ( ! $this->rejections->add( $tally ) ) {
					throw new StoreFailed( esc_html( $wpdb->last_error ) );
				}
				$this->step( 'written', $busy );
			}
		);
		return array(
			'events' => count( $events ),
			'stored' => $stored,
		);
	}

	/**
	 * Marks a step, so a test can stop the drain right there.
	 *
	 * @param string $step One of claimed, read, written (not yet committed), committed, deleted.
	 * @param string $busy The busy file.
	 */
	private function step( string $step, string $busy ): void {
		do_action( 'footprints_drain_step', $step, $busy );
	}
}
