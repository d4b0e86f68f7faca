<?php
/**
 * PendingEvents.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

/**
 * Events the collectors accepted that may not be in the events table yet
 * (a buffer, a stream). A change that depends on a code having no events
 * runs through hold(), so no such event exists while it runs and none of
 * its code is accepted until it is done.
 */
interface PendingEvents {

	/**
	 * Runs $change with every accepted event stored and ingest held still.
	 *
	 * @template T
	 * @param callable(): T $change The change.
	 * @return T
	 */
	public function hold( callable $change ): mixed;
}
