<?php
/**
 * NurtureDraft.
 *
 * @package Footprints
 */

namespace Footprints\Ai;

use WordPress\AiClient\AiClient;
use WordPress\AiClient\Providers\Http\DTO\ApiKeyRequestAuthentication;

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
	 * Transient remembering whether a provider can generate text, for the
	 * providers and credentials it was checked with.
	 */
	public const READY_CACHE = 'footprints_ai_ready';

	/**
	 * How long that answer is trusted (a check may ask the provider); a
	 * "no" for a short while only, as a provider that was down a moment
	 * must not read as "not connected" for long.
	 */
	private const READY_SECONDS     = 10 * MINUTE_IN_SECONDS;
	private const NOT_READY_SECONDS = MINUTE_IN_SECONDS;

	/**
	 * Constructor.
	 *
	 * @param AiSettings $settings The owner's instructions.
	 */
	public function __construct( private AiSettings $settings ) {}

	/**
	 * What the screens may offer (see the class comment).
	 *
	 * @return 'hidden'|'no_client'|'no_provider'|'ready'
	 */
	public function availability(): string {
		return self::client_state() ?? ( $this->provider_ready() ? 'ready' : 'no_provider' );
	}

	/**
	 * Why nothing can be drafted whatever the providers: no AI client
	 * (before WordPress 7.0), or the site switched AI off; null when the
	 * client is there and on.
	 *
	 * @return 'no_client'|'hidden'|null
	 */
	public static function client_state(): ?string {
		if ( ! function_exists( 'wp_supports_ai' ) || ! function_exists( 'wp_ai_client_prompt' ) || ! class_exists( AiClient::class ) ) {
			return 'no_client';
		}
		return wp_supports_ai() ? null : 'hidden';
	}

	/**
	 * Where the site owner connects a provider (Settings → Connectors).
	 */
	public static function connectors_url(): string {
		return admin_url( 'options-connectors.php' );
	}

	/**
	 * A draft for the lead of a brief (People\LeadBrief), or why not: the
	 * provider's own message when it refused.
	 *
	 * @param array<string, mixed> $brief The lead brief.
	 * @return array{subject: string, body: string}|\WP_Error
	 */
	public function draft( array $brief ): array|\WP_Error {
		$availability = $this->availability();
		if ( 'ready' !== $availability ) {
			return self::unavailable( $availability );
		}
		$message = DraftPrompt::message( $this->settings->get(), (string) ( $brief['text'] ?? '' ) );
		$prompt  = static fn() => wp_ai_client_prompt( $message )
			->using_system_instruction( DraftPrompt::system_instruction() )
			->using_max_tokens( AiSettings::max_tokens() );
		$json    = $prompt()->as_json_response( DraftPrompt::schema() );
		// A JSON answer where a model offers it; the prompt asks for JSON either way.
		$answer = ( $json->is_supported_for_text_generation() ? $json : $prompt() )->generate_text();
		if ( self::refused_json_mode( $answer ) ) {
			// Some OpenAI-compatible providers refuse the schema as the AI
			// client words it (without a name around it): ask once more
			// without JSON mode, which the prompt and read_answer() cover.
			$answer = $prompt()->generate_text();
		}
		if ( is_wp_error( $answer ) ) {
			return self::provider_error( $answer );
		}
		$draft = DraftPrompt::read_answer( (string) $answer );
		if ( null === $draft ) {
			return new \WP_Error(
				'footprints_ai_not_a_draft',
				sprintf(
					/* translators: %s: the start of the AI provider's answer. */
					__( 'The AI provider answered, but not with a subject and a body. Try again. Its answer began: %s', 'footprints' ),
					mb_substr( (string) $answer, 0, 200 )
				),
				array( 'status' => 502 )
			);
		}
		return $draft;
	}

	/**
	 * Why no draft can be asked for, with what to do.
	 *
	 * @param string $availability What availability() said.
	 */
	public static function unavailable( string $availability ): \WP_Error {
		$messages = array(
			'hidden'      => __( 'AI features are switched off on this site, so Footprints drafts nothing.', 'footprints' ),
			'no_client'   => __( 'Drafting needs WordPress 7.0 or later, whose AI client sends the request to a provider you connect under Settings → Connectors.', 'footprints' ),
			'no_provider' => __( 'No AI provider is connected. Connect one under Settings → Connectors, then draft again; nothing is sent anywhere until you do.', 'footprints' ),
		);
		return new \WP_Error(
			'footprints_ai_' . $availability,
			$messages[ $availability ] ?? $messages['no_provider'],
			array(
				'status'         => 409,
				'availability'   => $availability,
				'connectors_url' => self::connectors_url(),
			)
		);
	}

	/**
	 * Whether the provider refused the request itself (400 or 422), which
	 * is how one that takes no JSON schema answers JSON mode.
	 *
	 * @param mixed $answer What generate_text() gave.
	 */
	private static function refused_json_mode( mixed $answer ): bool {
		if ( ! is_wp_error( $answer ) || 'prompt_client_error' !== $answer->get_error_code() ) {
			return false;
		}
		$data = $answer->get_error_data();
		return is_array( $data ) && in_array( (int) ( $data['status'] ?? 0 ), array( 400, 422 ), true );
	}

	/**
	 * The AI client's error as a draft error: the provider's own message,
	 * answered as a bad gateway (the fault is upstream, not the request's).
	 *
	 * @param \WP_Error $error From the AI client.
	 */
	private static function provider_error( \WP_Error $error ): \WP_Error {
		$data = $error->get_error_data();
		return new \WP_Error(
			'footprints_ai_provider_error',
			sprintf(
				/* translators: %s: the AI provider's error message. */
				__( 'The AI provider did not draft the email: %s', 'footprints' ),
				$error->get_error_message()
			),
			array(
				'status'          => 502,
				'provider_code'   => $error->get_error_code(),
				'provider_status' => is_array( $data ) && isset( $data['status'] ) ? (int) $data['status'] : null,
			)
		);
	}

	/**
	 * Whether a connected provider can generate text. Providers without
	 * credentials are known at once; asking one with credentials may cost a
	 * request to it (its models list), so the answer is kept for a few
	 * minutes, for the same providers and credentials only.
	 */
	private function provider_ready(): bool {
		$registry    = AiClient::defaultRegistry();
		$credentials = array();
		foreach ( $registry->getRegisteredProviderIds() as $id ) {
			$authentication     = $registry->getProviderRequestAuthentication( $id );
			$credentials[ $id ] = $authentication instanceof ApiKeyRequestAuthentication
				? wp_hash( $authentication->getApiKey() )
				: ( null === $authentication ? '' : get_class( $authentication ) );
		}
		if ( ! $credentials ) {
			return false;
		}
		$key    = md5( (string) wp_json_encode( $credentials ) );
		$cached = get_transient( self::READY_CACHE );
		if ( is_array( $cached ) && ( $cached['key'] ?? '' ) === $key ) {
			return (bool) $cached['ready'];
		}
		$ready = true === wp_ai_client_prompt( 'Can you write an email?' )->is_supported_for_text_generation();
		set_transient(
			self::READY_CACHE,
			array(
				'key'   => $key,
				'ready' => $ready,
			),
			$ready ? self::READY_SECONDS : self::NOT_READY_SECONDS
		);
		return $ready;
	}
}
