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
	 * @param ConfigCompiler   $config     The config, which says whether a Redis stream is used.
	 */
	public function __construct(
		private \wpdb $wpdb,
		private Buffer $buffer,
		private EventWriter $writer,
		private RejectionCounter $rejections,
		private ConfigCompiler $config
	) {}

	/**
	 * Drains every buffer file. Returns what it did; 'busy' when another
	 * drain holds the lock for longer than $wait seconds.
	 *
	 * @param int $wait Seconds to wait for a drain already running.
	 * @return array{status: string, files: int, events: int, stored: int, seconds: float}
	 * @throws StoreFailed When a file could not be written; it stays for the next drain.
	 */
	public function drain( int $wait = 0 ): array {
		$started = microtime( true );
		$report  = array(
			'status'  => 'done',
			'files'   => 0,
			'events'  => 0,
			'stored'  => 0,
			'seconds' => 0.0,
		);
		$lock    = new Lock( $this->wpdb, 'footprints_drain' );
		if ( ! $lock->acquire( $wait ) ) {
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
			$redis = $this->config->current()->redis();
			if ( $redis ) {
				$done              = $this->drain_stream( new RedisStream( $redis ), $started );
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
	 * Consumes the Redis stream in rounds of 500 entries, for 20 seconds at
	 * most: each round is written in one transaction (entries already
	 * committed by a consumer that died before XACK add nothing), then
	 * acknowledged and deleted.
	 *
	 * @param RedisStream $stream  The stream.
	 * @param float       $started When the drain started.
	 * @return array{events: int, stored: int}
	 * @throws StoreFailed When Redis or the database failed; unacknowledged entries stay for the next drain.
	 */
	private function drain_stream( RedisStream $stream, float $started ): array {
		$done     = array(
			'events' => 0,
			'stored' => 0,
		);
		$consumer = Buffer::node_name() . '-' . getmypid();
		try {
			while ( microtime( true ) - $started < 20 ) {
				$batches = $stream->take( $consumer, 500 );
				if ( ! $batches ) {
					break;
				}
				$this->step( 'claimed', $stream->name() );
				$names = array();
				foreach ( array_keys( $batches ) as $id ) {
					$names[ 'stream:' . $stream->name() . ':' . $id ] = array( $batches[ $id ] );
				}
				$written = $this->write_batches( $names, $stream->name() );
				$this->step( 'committed', $stream->name() );
				$stream->done( array_map( 'strval', array_keys( $batches ) ) );
				$this->step( 'deleted', $stream->name() );
				$done['events'] += $written['events'];
				$done['stored'] += $written['stored'];
			}
		} catch ( \RedisException $e ) {
			throw new StoreFailed( esc_html( 'Redis: ' . $e->getMessage() ), 0, $e ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- escaped.
		}//end try
		return $done;
	}

	/**
	 * Writes one busy file, one transaction per chunk; a chunk drained
	 * before (by a drain that died before deleting the file) adds nothing.
	 *
	 * @param string $busy Busy file.
	 * @return array{events: int, stored: int}
	 */
	private function drain_file( string $busy ): array {
		$done = array(
			'events' => 0,
			'stored' => 0,
		);
		foreach ( $this->buffer->read( $busy ) as $number => $batches ) {
			$this->step( 'read', $busy );
			$written         = $this->write_batches( array( basename( $busy ) . '#' . $number => $batches ), $busy );
			$done['events'] += $written['events'];
			$done['stored'] += $written['stored'];
		}
		return $done;
	}

	/**
	 * Writes groups of batches (a busy file, or stream entries) in one
	 * transaction that also records each group's name as drained; a group
	 * drained before (by a drain that died before deleting or acknowledging
	 * it) adds nothing.
	 *
	 * @param array<string, list<array{r: int, e: list<array<string, mixed>>, x: array<string, array<string, int>>, w?: int}>> $groups Batches by group name (a file, or one stream entry).
	 * @param string                                                                                                           $what   What is drained, for the steps.
	 * @return array{events: int, stored: int}
	 */
	private function write_batches( array $groups, string $what ): array {
		$wpdb = $this->wpdb;
		$done = array(
			'events' => 0,
			'stored' => 0,
		);
		( new Transaction( $wpdb ) )->run(
			function () use ( $wpdb, $groups, $what, &$done ): void {
				$names        = array_map( 'strval', array_keys( $groups ) );
				$placeholders = implode( ',', array_fill( 0, count( $names ), '%s' ) );
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table name and one %s per name.
				$drained = (array) $wpdb->get_col( $wpdb->prepare( "SELECT name FROM {$wpdb->prefix}footprints_drained WHERE name IN ($placeholders) FOR UPDATE", $names ) );
				$events  = array();
				$tally   = array();
				$rows    = array();
				foreach ( array_diff_key( $groups, array_flip( array_map( 'strval', $drained ) ) ) as $name => $batches ) {
					$rows[] = $wpdb->prepare( '(%s, %s)', (string) $name, gmdate( 'Y-m-d H:i:s' ) );
					foreach ( $batches as $batch ) {
						foreach ( $batch['e'] as $event ) {
							$events[] = array(
								'received' => (int) $batch['r'],
								'wp_user'  => (int) ( $batch['w'] ?? 0 ),
							) + $event;
						}
						foreach ( $batch['x'] as $code => $reasons ) {
							foreach ( (array) $reasons as $reason => $count ) {
								$tally[ (string) $code ][ (string) $reason ] = ( $tally[ (string) $code ][ (string) $reason ] ?? 0 ) + (int) $count;
							}
						}
					}
				}
				if ( ! $rows ) {
					return;
				}
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and rows prepared above.
				QueryFailed::run( $wpdb, "INSERT INTO {$wpdb->prefix}footprints_drained (name, drained_at) VALUES " . implode( ',', $rows ) );
				// Every event was judged when it arrived; a definition deleted since keeps its events.
				$written        = $this->writer->write( $events, 0, false );
				$done['events'] = count( $events );
				$done['stored'] = count( array_filter( $written['stored'] ) );
				if ( ! $this->rejections->add( $tally ) ) {
					throw new StoreFailed( esc_html( $wpdb->last_error ) );
				}
				$this->step( 'written', $what );
			}
		);
		return $done;
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
