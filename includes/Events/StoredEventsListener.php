<?php
/**
 * StoredEventsListener.
 *
 * @package Footprints
 */

namespace Footprints\Events;

/**
 * Hears of every event a write stored now (derived ones included), inside
 * the writer's transaction: what it writes commits or rolls back with the
 * events, so a listener that queues work (automations) loses nothing and
 * queues nothing twice. A listener that throws rolls the write back, and the
 * sender retries.
 */
interface StoredEventsListener {

	/**
	 * Events stored now, in the order stored.
	 *
	 * @param list<array<string, mixed>> $events Events (validated shape, as EventDeriver::derive() receives them).
	 */
	public function stored( array $events ): void;
}
