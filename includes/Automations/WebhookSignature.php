<?php
/**
 * WebhookSignature.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

/**
 * Signs a webhook as the Standard Webhooks spec says: the signed content
 * is "<webhook-id>.<webhook-timestamp>.<body>", the key is the secret's
 * base64 part after "whsec_" decoded, the signature HMAC-SHA256 in base64,
 * sent as "v1,<signature>" in the webhook-signature header.
 */
final class WebhookSignature {

	/**
	 * The three headers of a signed webhook.
	 *
	 * @param string $secret    The rule's secret, whsec_<base64>.
	 * @param string $id        The message ID (the same on every retry, for the receiver's idempotency).
	 * @param int    $timestamp Unix time of this attempt.
	 * @param string $body      The exact body sent.
	 * @return array{webhook-id: string, webhook-timestamp: string, webhook-signature: string}
	 */
	public static function headers( string $secret, string $id, int $timestamp, string $body ): array {
		$key = (string) base64_decode( substr( $secret, strlen( 'whsec_' ) ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- the spec's encoding.
		return array(
			'webhook-id'        => $id,
			'webhook-timestamp' => (string) $timestamp,
			'webhook-signature' => 'v1,' . base64_encode( hash_hmac( 'sha256', $id . '.' . $timestamp . '.' . $body, $key, true ) ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the spec's encoding.
		);
	}
}
