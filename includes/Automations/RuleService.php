<?php
/**
 * RuleService.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

/**
 * The rules of reading and changing automation rules, for REST and WP-CLI
 * alike. What leaves it never carries a write-only value (the signing
 * secret, the Slack URL, the CRM auth value), except the signing secret
 * when it is made and when an admin asks for it on its own route.
 *
 * @phpstan-import-type Rule from RuleStore
 */
final class RuleService {

	/**
	 * Constructor.
	 *
	 * @param RuleStore   $rules The rules table.
	 * @param RuleInput   $input Checks rules as sent.
	 * @param DeliveryLog $log   The delivery log (each rule's last delivery).
	 * @param RunKick     $kick  Wakes the worker when a resumed rule's deliveries may go.
	 */
	public function __construct( private RuleStore $rules, private RuleInput $input, private DeliveryLog $log, private RunKick $kick ) {}

	/**
	 * Every rule, as admins see it.
	 *
	 * @return list<array<string, mixed>>
	 */
	public function all(): array {
		$rules = $this->rules->all();
		$last  = $this->log->last_deliveries( array_column( $rules, 'id' ) );
		return array_map( fn( array $rule ) => self::view( $rule, $last[ $rule['id'] ] ?? null ), $rules );
	}

	/**
	 * One rule, as admins see it.
	 *
	 * @param int $id Rule ID.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function get( int $id ): array|\WP_Error {
		$rule = $this->rules->find( $id );
		return null === $rule ? self::not_found( $id ) : self::view( $rule, $this->log->last_deliveries( array( $id ) )[ $id ] ?? null );
	}

	/**
	 * The stored rule with its write-only values (for the worker and the test send).
	 *
	 * @param int $id Rule ID.
	 * @return Rule|\WP_Error
	 */
	public function stored( int $id ): array|\WP_Error {
		return $this->rules->find( $id ) ?? self::not_found( $id );
	}

	/**
	 * Adds a rule; answers it with its signing secret (a webhook's, this once).
	 *
	 * @param array<string, mixed> $body The rule as sent.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function create( array $body ): array|\WP_Error {
		$input = $this->input->rule( $body, null );
		if ( is_wp_error( $input ) ) {
			return $input;
		}
		$created = $this->get( $this->rules->insert( $input['rule'] ) );
		return is_wp_error( $created ) || null === $input['new_secret'] ? $created : $created + array( 'secret' => $input['new_secret'] );
	}

	/**
	 * Replaces a rule; a webhook made now (another type before) answers its new secret.
	 *
	 * @param int                  $id   Rule ID.
	 * @param array<string, mixed> $body The rule as sent.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function replace( int $id, array $body ): array|\WP_Error {
		$saved = $this->rules->find( $id );
		if ( null === $saved ) {
			return self::not_found( $id );
		}
		$input = $this->input->rule( $body, $saved );
		if ( is_wp_error( $input ) ) {
			return $input;
		}
		$this->rules->update( $id, $input['rule'] );
		$replaced = $this->get( $id );
		return is_wp_error( $replaced ) || null === $input['new_secret'] ? $replaced : $replaced + array( 'secret' => $input['new_secret'] );
	}

	/**
	 * Deletes a rule and its queued deliveries.
	 *
	 * @param int $id Rule ID.
	 * @return array{deleted: true, id: int}|\WP_Error
	 */
	public function delete( int $id ): array|\WP_Error {
		if ( null === $this->rules->find( $id ) ) {
			return self::not_found( $id );
		}
		$this->rules->delete( $id );
		return array(
			'deleted' => true,
			'id'      => $id,
		);
	}

	/**
	 * A webhook rule's signing secret.
	 *
	 * @param int $id Rule ID.
	 * @return array{secret: string}|\WP_Error
	 */
	public function secret( int $id ): array|\WP_Error {
		$rule = $this->rules->find( $id );
		if ( null === $rule ) {
			return self::not_found( $id );
		}
		if ( 'webhook' !== ( $rule['action']['type'] ?? '' ) ) {
			return new \WP_Error( 'footprints_automation_no_secret', __( 'Only webhook rules have a signing secret.', 'footprints' ), array( 'status' => 400 ) );
		}
		return array( 'secret' => (string) $rule['action']['secret'] );
	}

	/**
	 * Resumes a paused rule: its queued deliveries go out again, from a
	 * worker kicked when this request ends.
	 *
	 * @param int $id Rule ID.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function resume( int $id ): array|\WP_Error {
		if ( null === $this->rules->find( $id ) ) {
			return self::not_found( $id );
		}
		$this->rules->resume( $id );
		$this->kick->after_request();
		return $this->get( $id );
	}

	/**
	 * A rule as admins see it: the action without its write-only values.
	 *
	 * @param array                                  $rule The stored rule.
	 * @param array{at: string, status: string}|null $last Its last delivery.
	 * @return array<string, mixed>
	 * @phpstan-param Rule $rule
	 */
	private static function view( array $rule, ?array $last ): array {
		return array(
			'id'                   => $rule['id'],
			'name'                 => $rule['name'],
			'event'                => $rule['event'],
			'conditions'           => $rule['conditions'],
			'action'               => self::action_view( $rule['action'] ),
			'enabled'              => $rule['enabled'],
			'paused'               => null !== $rule['paused_at'],
			'paused_at'            => Iso::from_db( $rule['paused_at'] ),
			'consecutive_failures' => $rule['consecutive_failures'],
			'last_delivery'        => $last,
			'created_at'           => (string) Iso::from_db( $rule['created_at'] ),
			'updated_at'           => (string) Iso::from_db( $rule['updated_at'] ),
		);
	}

	/**
	 * The action without its write-only values: hints instead.
	 *
	 * @param array<string, mixed> $action Stored action.
	 * @return array<string, mixed>
	 */
	private static function action_view( array $action ): array {
		$url = (string) ( $action['url'] ?? '' );
		switch ( $action['type'] ?? '' ) {
			case 'webhook':
				return array(
					'type'          => 'webhook',
					'url'           => $url,
					'secret_hint'   => 'whsec_…' . substr( (string) $action['secret'], -4 ),
					'include_brief' => ! empty( $action['include_brief'] ),
					'ai_draft'      => ! empty( $action['ai_draft'] ),
				);
			case 'slack':
				$parts = (array) wp_parse_url( $url );
				return array(
					'type'          => 'slack',
					'url_hint'      => ( $parts['scheme'] ?? 'https' ) . '://' . ( $parts['host'] ?? '' ) . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' ) . '/…/' . substr( $url, -4 ),
					'include_brief' => ! empty( $action['include_brief'] ),
				);
			default:
				return array(
					'type'           => 'crm',
					'url'            => $url,
					'auth_header'    => (string) ( $action['auth_header'] ?? '' ),
					'has_auth_value' => '' !== (string) ( $action['auth_value'] ?? '' ),
					'fields'         => (object) ( $action['fields'] ?? array() ),
					'ai_draft'       => ! empty( $action['ai_draft'] ),
				);
		}//end switch
	}

	/**
	 * A 404 for a rule that is not there.
	 *
	 * @param int $id Rule ID.
	 */
	private static function not_found( int $id ): \WP_Error {
		/* translators: %d: rule ID. */
		return new \WP_Error( 'footprints_automation_not_found', sprintf( __( 'No automation rule has the ID %d.', 'footprints' ), $id ), array( 'status' => 404 ) );
	}
}
