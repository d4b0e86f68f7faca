<?php
/**
 * Refusal.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * Why a whole request was refused (too big, not JSON, too many events,
 * too many requests, or the events could not be kept): an HTTP status in
 * the 4xx range for what the sender must change, 503 for what a retry
 * fixes. The body has the shape of a WordPress REST error.
 */
final class Refusal {

	/**
	 * Constructor.
	 *
	 * @param int                   $status  HTTP status.
	 * @param string                $code    Stable reason, e.g. footprints_body_too_large.
	 * @param string                $message What was wrong and how to fix it.
	 * @param array<string, string> $headers Extra response headers, e.g. Retry-After.
	 */
	public function __construct(
		public readonly int $status,
		public readonly string $code,
		public readonly string $message,
		public readonly array $headers = array()
	) {}

	/**
	 * The events could not be kept (buffer, stream or table refused the
	 * write): the sender keeps them and sends the same batch again. Both
	 * collectors answer with this one refusal.
	 */
	public static function store_failed(): self {
		return new self(
			503,
			'footprints_store_failed',
			__( 'The events could not be stored just now; nothing was kept. Send the same batch again shortly.', 'footprints' ),
			array( 'Retry-After' => '30' )
		);
	}

	/**
	 * The JSON body, as WordPress' REST API words an error.
	 *
	 * @return array{code: string, message: string, data: array{status: int}}
	 */
	public function body(): array {
		return array(
			'code'    => $this->code,
			'message' => $this->message,
			'data'    => array( 'status' => $this->status ),
		);
	}
}
