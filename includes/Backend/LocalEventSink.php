<?php
/**
 * LocalEventSink.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

use Footprints\Events\EventIngest;

/**
 * This site is the backend: events go through the collector's own
 * validation and are stored here.
 */
final class LocalEventSink implements EventSink {

	/**
	 * Constructor.
	 *
	 * @param EventIngest $ingest The collector's one way in.
	 */
	public function __construct( private EventIngest $ingest ) {}

	/**
	 * Validates and stores the batch.
	 *
	 * @param list<array<string, mixed>> $events Events.
	 * @return array{accepted: int, duplicates: int, rejected: list<array{index: int, id: string|null, code: string, message: string}>}
	 */
	public function send( array $events ): array {
		return $this->ingest->ingest( $events );
	}
}
