<?php
/**
 * ActionRequest.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

/**
 * The HTTP request of a rule's action for one payload: a signed webhook
 * (the payload as JSON, with the lead brief and AI draft when the rule
 * asked for them), a Slack message (event name, color, page, attributes,
 * the lead brief when asked, a link to the lead's timeline) or a CRM
 * record (the field mapping, with the auth header). Every request is a JSON POST to the URL
 * saved with the action; its write-only values go nowhere else.
 *
 * @phpstan-import-type EventPayload from Payload
 * @phpstan-import-type Rule from RuleStore
 */
final class ActionRequest {

	/**
	 * Constructor.
	 *
	 * @param string                $url     Where it goes.
	 * @param array<string, string> $headers Headers.
	 * @param string                $body    JSON body.
	 */
	public function __construct( public readonly string $url, public readonly array $headers, public readonly string $body ) {}

	/**
	 * The request of a rule's action for a payload.
	 *
	 * @param array  $rule       The stored rule (with its write-only values).
	 * @param array  $payload    The event's payload.
	 * @param string $message_id The delivery's stable ID (webhook-id).
	 * @param int    $now        Unix time of the attempt.
	 * @phpstan-param Rule $rule
	 * @phpstan-param EventPayload $payload
	 */
	public static function for_rule( array $rule, array $payload, string $message_id, int $now ): self {
		$action  = $rule['action'];
		$url     = (string) ( $action['url'] ?? '' );
		$headers = array( 'Content-Type' => 'application/json' );
		switch ( $action['type'] ?? '' ) {
			case 'webhook':
				// Objects stay objects in JSON, even when empty.
				$payload['event']['attributes'] = (object) $payload['event']['attributes'];
				if ( null !== $payload['person'] ) {
					$payload['person']['traits'] = (object) $payload['person']['traits'];
				}
				$body = self::json(
					array(
						'type' => 'footprints.event',
						'rule' => array(
							'id'   => $rule['id'],
							'name' => $rule['name'],
						),
					) + $payload
				);
				return new self( $url, $headers + WebhookSignature::headers( (string) $action['secret'], $message_id, $now, $body ), $body );
			case 'slack':
				return new self( $url, $headers, self::json( self::slack( $payload ) ) );
			default:
				if ( '' !== (string) ( $action['auth_header'] ?? '' ) ) {
					$headers[ (string) $action['auth_header'] ] = (string) $action['auth_value'];
				}
				return new self( $url, $headers, self::json( self::crm( (array) ( $action['fields'] ?? array() ), $payload ) ) );
		}//end switch
	}

	/**
	 * A Slack message: the event's name in its color, the page, each
	 * attribute, who it was, and a link to their timeline.
	 *
	 * @param array $payload Payload.
	 * @return array<string, mixed>
	 * @phpstan-param EventPayload $payload
	 */
	private static function slack( array $payload ): array {
		$event  = $payload['event'];
		$who    = $payload['person']['email'] ?? $payload['person']['user_id'] ?? null;
		$fields = array(
			array(
				'title' => __( 'Page', 'footprints' ),
				'value' => '' !== $event['page'] ? $event['page'] : '—',
				'short' => false,
			),
		);
		if ( null !== $who ) {
			$fields[] = array(
				'title' => __( 'Who', 'footprints' ),
				'value' => self::slack_text( $who ),
				'short' => true,
			);
		}
		foreach ( $event['attributes'] as $name => $value ) {
			$fields[] = array(
				'title' => $name,
				'value' => self::slack_text( is_scalar( $value ) ? ( is_bool( $value ) ? ( $value ? 'true' : 'false' ) : (string) $value ) : (string) wp_json_encode( $value ) ),
				'short' => true,
			);
		}
		if ( '' !== ( $payload['brief'] ?? '' ) ) {
			$fields[] = array(
				'title' => __( 'Lead brief', 'footprints' ),
				'value' => self::slack_text( $payload['brief'] ),
				'short' => false,
			);
		}
		$title = self::slack_text( $event['name'] );
		$link  = $payload['timeline_url'] ? ' <' . $payload['timeline_url'] . '|' . __( 'Open the lead\'s timeline', 'footprints' ) . '>' : '';
		return array(
			/* translators: %s: event name. */
			'text'        => sprintf( __( 'Footprints: %s', 'footprints' ), $title ) . $link,
			'attachments' => array(
				array(
					'color'      => '' !== $event['color'] ? $event['color'] : '#2271b1',
					'title'      => $title,
					'title_link' => $payload['timeline_url'],
					'fields'     => $fields,
					'footer'     => $event['code'] . ' · ' . $event['occurred_at'],
				),
			),
		);
	}

	/**
	 * Text as Slack reads it: &, < and > escaped (they start links and mentions).
	 *
	 * @param string $text Text.
	 */
	private static function slack_text( string $text ): string {
		return str_replace( array( '&', '<', '>' ), array( '&amp;', '&lt;', '&gt;' ), $text );
	}

	/**
	 * A CRM record: each mapped field with its source's value (null when unknown).
	 *
	 * @param array<mixed> $fields  CRM field → source.
	 * @param array        $payload Payload.
	 * @return array<string, mixed>
	 * @phpstan-param EventPayload $payload
	 */
	public static function crm( array $fields, array $payload ): array {
		$event   = $payload['event'];
		$person  = $payload['person'];
		$sources = array(
			'event.code'        => $event['code'],
			'event.name'        => $event['name'],
			'event.description' => $event['description'],
			'event.time'        => $event['occurred_at'],
			'event.page'        => $event['page'],
			'event.id'          => $event['id'],
			'person.email'      => $person['email'] ?? null,
			'person.user_id'    => $person['user_id'] ?? null,
			'person.id'         => $person['id'] ?? null,
			'timeline_url'      => $payload['timeline_url'],
			'brief'             => $payload['brief'] ?? null,
			'draft.subject'     => $payload['draft']['subject'] ?? null,
			'draft.body'        => $payload['draft']['body'] ?? null,
		);
		$record  = array();
		foreach ( $fields as $field => $source ) {
			$source = (string) $source;
			if ( str_starts_with( $source, 'attributes.' ) ) {
				$record[ (string) $field ] = $event['attributes'][ substr( $source, strlen( 'attributes.' ) ) ] ?? null;
			} elseif ( str_starts_with( $source, 'traits.' ) ) {
				$record[ (string) $field ] = $person['traits'][ substr( $source, strlen( 'traits.' ) ) ] ?? null;
			} else {
				$record[ (string) $field ] = $sources[ $source ] ?? null;
			}
		}
		return $record;
	}

	/**
	 * JSON as sent: unescaped unicode and slashes.
	 *
	 * @param array<string, mixed> $data Data.
	 */
	private static function json( array $data ): string {
		return (string) wp_json_encode( $data, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
	}
}
