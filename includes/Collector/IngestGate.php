<?php
/**
 * IngestGate.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * Lets a change that depends on "no accepted event of this code exists"
 * (deleting a definition, purging its events) happen atomically with
 * ingest. The fast collector judges and buffers each batch holding a
 * shared lock on the site's collector folder; hold() takes it exclusively
 * (waiting for batches in flight), drains the buffer and the stream into
 * the events table, and runs the change before any collector may accept
 * another event: the config it then reads is the one the change compiled.
 * The REST route needs no gate: its writes lock the definition rows.
 * Plain PHP for the collector's side.
 */
final class IngestGate {

	/**
	 * The lock held, while held.
	 *
	 * @var resource|null
	 */
	private $handle = null;

	/**
	 * Constructor.
	 *
	 * @param string $dir The site's collector folder.
	 */
	public function __construct( private string $dir ) {}

	/**
	 * Takes the shared lock for one batch (the fast collector). Returns
	 * whether it did; without a writable folder there is nothing to guard.
	 */
	public function enter(): bool {
		return $this->lock( LOCK_SH );
	}

	/**
	 * Releases the lock.
	 */
	public function leave(): void {
		if ( $this->handle ) {
			flock( $this->handle, LOCK_UN );
			fclose( $this->handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			$this->handle = null;
		}
	}

	/**
	 * Runs $change with no batch in flight and every accepted event drained.
	 *
	 * @template T
	 * @param callable(): void $drain  Drains the buffer and the stream.
	 * @param callable(): T    $change The change.
	 * @return T
	 */
	public function hold( callable $drain, callable $change ): mixed {
		$this->lock( LOCK_EX );
		try {
			$drain();
			return $change();
		} finally {
			$this->leave();
		}
	}

	/**
	 * Opens and locks the gate file.
	 *
	 * @param int $mode LOCK_SH or LOCK_EX.
	 */
	private function lock( int $mode ): bool {
		$mode   = LOCK_EX === $mode ? LOCK_EX : LOCK_SH;
		$handle = @fopen( $this->dir . '/ingest.lock', 'c' ); // phpcs:ignore WordPress.WP.AlternativeFunctions, WordPress.PHP.NoSilencedErrors.Discouraged -- plain PHP; an unwritable folder is returned.
		if ( ! $handle ) {
			return false;
		}
		flock( $handle, $mode );
		$this->handle = $handle;
		return true;
	}
}
