<?php
/**
 * Outcome.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

/**
 * How one delivery attempt went: delivered (a 2xx answer), or failed with
 * the answer's status or the error that stopped it.
 */
final class Outcome {

	/**
	 * Constructor.
	 *
	 * @param bool        $delivered     Whether the receiver answered 2xx.
	 * @param int|null    $response_code The answer's status, or null without one.
	 * @param int         $duration_ms   How long it took.
	 * @param string|null $error         What went wrong, in words.
	 * @param string|null $response_body The answer's body (cut).
	 */
	public function __construct(
		public readonly bool $delivered,
		public readonly ?int $response_code,
		public readonly int $duration_ms,
		public readonly ?string $error,
		public readonly ?string $response_body
	) {}
}
