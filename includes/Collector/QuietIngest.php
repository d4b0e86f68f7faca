<?php
/**
 * QuietIngest.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

use Footprints\Definitions\PendingEvents;
use Footprints\Events\StoreFailed;

/**
 * Holds ingest still for a change: the ingest gate taken exclusively (no
 * fast-collector batch in flight, none accepted meanwhile), then the
 * buffer and the stream drained into the events table (waiting for a
 * drain already running), then the change.
 */
final class QuietIngest implements PendingEvents {

	/**
	 * Constructor.
	 *
	 * @param IngestGate $gate    The gate of this site's fast collector.
	 * @param Drainer    $drainer Drains the buffer and the stream.
	 */
	public function __construct( private IngestGate $gate, private Drainer $drainer ) {}

	/**
	 * Runs $change with every accepted event stored and ingest held still.
	 *
	 * @template T
	 * @param callable(): T $change The change.
	 * @return T
	 * @throws StoreFailed When the accepted events could not be stored first.
	 */
	public function hold( callable $change ): mixed {
		return $this->gate->hold(
			function (): void {
				if ( 'busy' === $this->drainer->drain( 30 )['status'] ) {
					throw new StoreFailed( 'Another drain kept running for 30 seconds; try again.' );
				}
			},
			$change
		);
	}
}
