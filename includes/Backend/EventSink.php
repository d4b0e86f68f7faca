<?php
/**
 * EventSink.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

/**
 * Where this site's server-side events go: the backend that collects them.
 * LocalEventSink when this site is its own backend, RemoteEventSink when a
 * remote backend is connected; footprints_track() sends through whichever
 * Plugin::event_sink() gives, never deciding on its own.
 */
interface EventSink {

	/**
	 * Sends a batch; the collector's answer per event, or why the batch did
	 * not arrive (the caller may retry it: event ids make that safe).
	 *
	 * @param list<array<string, mixed>> $events Events, oldest first.
	 * @return array{accepted: int, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>}|\WP_Error
	 */
	public function send( array $events ): array|\WP_Error;
}
