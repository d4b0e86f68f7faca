<?php
/**
 * Rejection.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * Why one event of a batch was not accepted: a stable code for programs
 * and a sentence for people. Plain PHP, so the fast collector can use it
 * without WordPress.
 */
final class Rejection {

	/**
	 * Constructor.
	 *
	 * @param string $code    Stable reason, e.g. footprints_unknown_event.
	 * @param string $message What was wrong and how to fix it.
	 */
	public function __construct( public readonly string $code, public readonly string $message ) {}
}
