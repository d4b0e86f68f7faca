<?php
/**
 * EventDeriver.
 *
 * @package Footprints
 */

namespace Footprints\Events;

/**
 * Derives further events from the events a write stores now, inside the
 * writer's transaction (after people are kept, so a deriver may read who a
 * device is). What it returns is stored in the same transaction, counted
 * like every event, and handed to the StoredEventsListeners; derived events
 * derive nothing further. A retried source event is not stored again, so it
 * derives nothing again; a derived event's id is made from its source's id
 * and its code as a second guard.
 */
interface EventDeriver {

	/**
	 * Events to store as well.
	 *
	 * @param list<array<string, mixed>> $stored Events stored now (validated: id, event, app_id, device_id, attributes, page, referrer, time, and 'wp_user' when sent signed in).
	 * @return list<array<string, mixed>> Events in the same shape; each code must name a definition that exists.
	 */
	public function derive( array $stored ): array;
}
