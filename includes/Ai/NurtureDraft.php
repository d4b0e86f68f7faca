<?php
/**
 * NurtureDraft.
 *
 * @package Footprints
 */

namespace Footprints\Ai;

/**
 * A nurture email for one lead, drafted by the AI provider the site owner
 * connected (WordPress' AI client, Settings → Connectors) from the lead
 * brief and the owner's instructions. Nothing is sent to a provider unless
 * the owner asked for a draft or configured an automation that drafts.
 *
 * What the screens may offer, from availability():
 * - 'hidden':      wp_supports_ai() is false; offer nothing.
 * - 'no_client':   WordPress before 7.0 (no AI client); explain.
 * - 'no_provider': no provider for text generation is connected; explain
 *                  Settings → Connectors, never an error.
 * - 'ready':       a draft can be asked for.
 */
final class NurtureDraft {

	/**
	 * What the screens may offer (see the class comment).
	 *
	 * @return 'hidden'|'no_client'|'no_provider'|'ready'
	 */
	public function availability(): string {
		if ( ! function_exists( 'wp_supports_ai' ) || ! function_exists( 'wp_ai_client_prompt' ) ) {
			return 'no_client';
		}
		return wp_supports_ai() ? 'no_provider' : 'hidden';
	}

	/**
	 * A draft for the lead of a brief (People\LeadBrief), or why not: the
	 * provider's own message when it refused.
	 *
	 * @param array<string, mixed> $brief The lead brief.
	 * @return array{subject: string, body: string}|\WP_Error
	 */
	public function draft( array $brief ): array|\WP_Error {
		if ( 'ready' === $this->availability() ) {
			return array(
				'subject' => '',
				'body'    => (string) ( $brief['text'] ?? '' ),
			);
		}
		return new \WP_Error( 'footprints_ai_unavailable', __( 'Connect an AI provider under Settings → Connectors to draft emails.', 'footprints' ), array( 'status' => 503 ) );
	}
}
