<?php
/**
 * PayloadAdditions.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Ai\NurtureDraft;
use Footprints\People\LeadBrief;

/**
 * What a rule's action may ask to add to an event's payload at send time:
 * the lead brief (`brief`, its text; it reads the lead's timeline, so only
 * rules that ask get it) and a nurture email drafted by the site's AI
 * provider (`draft`: subject and body; nothing goes to a provider for a
 * rule that does not ask). A webhook asks with include_brief / ai_draft, a
 * Slack message with include_brief, a CRM action by mapping a field to
 * `brief` and with ai_draft. Each lead's brief and draft are made once per
 * run, however many of their events and rules are sent.
 *
 * @phpstan-import-type EventPayload from Payload
 * @phpstan-type Brief array{text: string, person: int|null, devices: list<string>, events: int, truncated: bool}
 */
final class PayloadAdditions {

	/**
	 * Briefs made this run, by lead ("p:<person>" or "d:<device>"): the
	 * keys every LeadBrief answer has (the seam's), whatever it adds.
	 *
	 * @var array<string, Brief>
	 */
	private array $briefs = array();

	/**
	 * Drafts made (or refused) this run, by lead.
	 *
	 * @var array<string, array{subject: string, body: string}|\WP_Error>
	 */
	private array $drafts = array();

	/**
	 * Constructor.
	 *
	 * @param LeadBrief    $brief   Lead briefs.
	 * @param NurtureDraft $drafter AI drafts.
	 */
	public function __construct( private LeadBrief $brief, private NurtureDraft $drafter ) {}

	/**
	 * Whether an action sends the lead brief.
	 *
	 * @param array<string, mixed> $action The stored action.
	 */
	public static function wants_brief( array $action ): bool {
		$type = (string) ( $action['type'] ?? '' );
		if ( 'crm' === $type ) {
			return in_array( 'brief', array_map( 'strval', (array) ( $action['fields'] ?? array() ) ), true );
		}
		return ! empty( $action['include_brief'] ) && in_array( $type, AutomationRules::option_types( 'include_brief' ), true );
	}

	/**
	 * Whether an action drafts with AI before it sends.
	 *
	 * @param array<string, mixed> $action The stored action.
	 */
	public static function wants_draft( array $action ): bool {
		return ! empty( $action['ai_draft'] ) && in_array( (string) ( $action['type'] ?? '' ), AutomationRules::option_types( 'ai_draft' ), true );
	}

	/**
	 * Why a rule cannot draft on this site, or null when it can: what the
	 * save refuses with and what a delivery attempt fails with.
	 *
	 * @param string $availability NurtureDraft::availability().
	 */
	public static function why_no_draft( string $availability ): ?string {
		switch ( $availability ) {
			case 'ready':
				return null;
			case 'hidden':
				return __( 'AI features are turned off on this site (wp_supports_ai() is false), so this rule cannot draft with AI. Turn off "Draft with AI" in the rule.', 'footprints' );
			case 'no_client':
				return __( 'This WordPress has no AI client (it comes with WordPress 7.0), so this rule cannot draft with AI. Update WordPress, or turn off "Draft with AI" in the rule.', 'footprints' );
			default:
				return __( 'No AI provider is connected, so this rule cannot draft with AI. Connect one under Settings → Connectors, or turn off "Draft with AI" in the rule.', 'footprints' );
		}
	}

	/**
	 * Whether drafting is possible now, or why not.
	 */
	public function draft_refusal(): ?string {
		return self::why_no_draft( $this->drafter->availability() );
	}

	/**
	 * Forgets the briefs and drafts of the last run.
	 */
	public function forget(): void {
		$this->briefs = array();
		$this->drafts = array();
	}

	/**
	 * The payload with what the action asks for added, or why it cannot be
	 * sent (no provider, or the provider's own message).
	 *
	 * @param array $action  The stored action.
	 * @param array $payload The event's payload (or a "Send test" sample).
	 * @return array|\WP_Error
	 * @phpstan-param array<string, mixed> $action
	 * @phpstan-param EventPayload $payload
	 * @phpstan-return EventPayload|\WP_Error
	 */
	public function add( array $action, array $payload ): array|\WP_Error {
		$wants_brief = self::wants_brief( $action );
		$wants_draft = self::wants_draft( $action );
		if ( ! $wants_brief && ! $wants_draft ) {
			return $payload;
		}
		$lead  = self::lead_key( $payload );
		$brief = null === $lead ? self::sample_brief( $payload ) : ( $this->briefs[ $lead ] ??= $this->brief_of( $payload ) );
		if ( $wants_brief ) {
			$payload['brief'] = $brief['text'];
		}
		if ( $wants_draft ) {
			$draft = null === $lead ? $this->draft( $brief ) : ( $this->drafts[ $lead ] ??= $this->draft( $brief ) );
			if ( is_wp_error( $draft ) ) {
				return $draft;
			}
			$payload['draft'] = $draft;
		}
		return $payload;
	}

	/**
	 * A draft of the brief, or why not.
	 *
	 * @param array $brief The lead brief.
	 * @return array{subject: string, body: string}|\WP_Error
	 * @phpstan-param Brief $brief
	 */
	private function draft( array $brief ): array|\WP_Error {
		$refusal = $this->draft_refusal();
		if ( null !== $refusal ) {
			return new \WP_Error( 'footprints_automation_no_ai', $refusal );
		}
		$draft = $this->drafter->draft( $brief );
		if ( is_wp_error( $draft ) ) {
			// The draft's own error already names the provider and its message.
			/* translators: %s: why the AI provider did not draft, with its message. */
			return new \WP_Error( 'footprints_automation_ai_failed', sprintf( __( '%s Nothing was sent.', 'footprints' ), $draft->get_error_message() ) );
		}
		return array(
			'subject' => $draft['subject'],
			'body'    => $draft['body'],
		);
	}

	/**
	 * Whose brief a payload's is: its person, else its device (else no
	 * one's); null for a "Send test" sample, whose person (ID 0) is made up.
	 *
	 * @param array $payload Payload.
	 * @phpstan-param EventPayload $payload
	 */
	private static function lead_key( array $payload ): ?string {
		if ( null !== $payload['person'] ) {
			return $payload['person']['id'] > 0 ? 'p:' . $payload['person']['id'] : null;
		}
		return 'd:' . $payload['device_id'];
	}

	/**
	 * The brief of a payload's lead.
	 *
	 * @param array $payload Payload with a person or a device.
	 * @return Brief
	 * @phpstan-param EventPayload $payload
	 */
	private function brief_of( array $payload ): array {
		$brief = null === $payload['person'] ? null : $this->brief->of_person( $payload['person']['id'] );
		if ( null === $brief && null === $payload['device_id'] ) {
			// A server-side event of no device and no person: no journey to tell.
			return array(
				'text'      => '',
				'person'    => null,
				'devices'   => array(),
				'events'    => 0,
				'truncated' => false,
			);
		}
		return $brief ?? $this->brief->of_device( (string) $payload['device_id'] );
	}

	/**
	 * The brief of a "Send test": the sample event and the made-up person,
	 * so a test draft reads like a real one.
	 *
	 * @param array $payload The sample payload.
	 * @return Brief
	 * @phpstan-param EventPayload $payload
	 */
	private static function sample_brief( array $payload ): array {
		$event = $payload['event'];
		$lines = array(
			/* translators: 1: name, 2: email. */
			sprintf( __( 'Test lead: %1$s <%2$s> (a sample: Send test uses no real person).', 'footprints' ), (string) ( $payload['person']['traits']['name'] ?? '' ), (string) ( $payload['person']['email'] ?? '' ) ),
			/* translators: 1: event name, 2: its description. */
			trim( sprintf( __( '1. %1$s: %2$s', 'footprints' ), $event['name'], $event['description'] ), ': ' ),
		);
		return array(
			'text'      => implode( "\n", $lines ),
			'person'    => null,
			'devices'   => array(),
			'events'    => 1,
			'truncated' => false,
		);
	}
}
