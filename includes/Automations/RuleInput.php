<?php
/**
 * RuleInput.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Ai\NurtureDraft;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Definitions\DefinitionSchema;

/**
 * Turns a rule as an admin sent it (REST, WP-CLI) into a rule to store,
 * with every error naming its field. The write-only values follow one
 * rule: a value left out keeps the saved one only while it would go to the
 * same URL; a webhook's signing secret is made here, never sent in. An
 * enabled rule whose action drafts with AI (ai_draft) is only saved while
 * the site can draft (an AI provider connected under Settings → Connectors).
 *
 * @phpstan-import-type Condition from RuleStore
 * @phpstan-import-type Rule from RuleStore
 * @phpstan-type RuleIn array{name: string, event: string, conditions: list<Condition>, action: array<string, mixed>, enabled: bool}
 */
final class RuleInput {

	/**
	 * Constructor.
	 *
	 * @param DefinitionRepository $definitions The event definitions a rule may name.
	 * @param NurtureDraft         $drafter     Whether the site can draft with AI.
	 */
	public function __construct( private DefinitionRepository $definitions, private NurtureDraft $drafter ) {}

	/**
	 * The rule to store, and the signing secret when one was made now.
	 *
	 * @param array<string, mixed> $body  The rule as sent (validated by the REST schema, or not).
	 * @param Rule|null            $saved The rule it replaces, or null for a new one.
	 * @return array{rule: RuleIn, new_secret: string|null}|\WP_Error
	 */
	public function rule( array $body, ?array $saved ): array|\WP_Error {
		$name = trim( is_string( $body['name'] ?? null ) ? $body['name'] : '' );
		if ( '' === $name || mb_strlen( $name ) > AutomationRules::limit( 'nameLength' ) ) {
			/* translators: %d: longest name. */
			return self::invalid( 'name', sprintf( __( 'give the rule a name of 1 to %d characters, e.g. "New trial to CRM".', 'footprints' ), AutomationRules::limit( 'nameLength' ) ) );
		}
		$event = is_string( $body['event'] ?? null ) ? $body['event'] : '';
		if ( ! preg_match( DefinitionSchema::code_regex(), $event ) || null === $this->definitions->find( $event ) ) {
			/* translators: %s: event code as sent. */
			return self::invalid( 'event', sprintf( __( 'no event is defined with the code "%s"; pick one of your events or a system event.', 'footprints' ), $event ) );
		}
		$conditions = self::conditions( $body['conditions'] ?? array() );
		if ( is_wp_error( $conditions ) ) {
			return $conditions;
		}
		$action = $this->action( is_array( $body['action'] ?? null ) ? $body['action'] : array(), $saved['action'] ?? null );
		if ( is_wp_error( $action ) ) {
			return $action;
		}
		$enabled = (bool) ( $body['enabled'] ?? true );
		// A rule switched off drafts nothing: it may keep the option while no
		// provider is connected, so the owner can always switch it off.
		if ( $enabled && ! empty( $action['action']['ai_draft'] ) ) {
			$why_not = PayloadAdditions::why_no_draft( $this->drafter->availability() );
			if ( null !== $why_not ) {
				return self::invalid( 'action.ai_draft', $why_not );
			}
		}
		return array(
			'rule'       => array(
				'name'       => $name,
				'event'      => $event,
				'conditions' => $conditions,
				'action'     => $action['action'],
				'enabled'    => $enabled,
			),
			'new_secret' => $action['new_secret'],
		);
	}

	/**
	 * The conditions, checked.
	 *
	 * @param mixed $conditions As sent.
	 * @return list<Condition>|\WP_Error
	 */
	private static function conditions( mixed $conditions ): array|\WP_Error {
		if ( ! is_array( $conditions ) || ! array_is_list( $conditions ) || count( $conditions ) > AutomationRules::limit( 'conditions' ) ) {
			/* translators: %d: most conditions. */
			return self::invalid( 'conditions', sprintf( __( 'send a list of at most %d conditions.', 'footprints' ), AutomationRules::limit( 'conditions' ) ) );
		}
		$checked = array();
		foreach ( $conditions as $i => $condition ) {
			$field     = "conditions[$i]";
			$condition = is_array( $condition ) ? $condition : array();
			$attribute = is_string( $condition['attribute'] ?? null ) ? $condition['attribute'] : '';
			if ( ! preg_match( DefinitionSchema::attribute_name_regex(), $attribute ) ) {
				return self::invalid( "$field.attribute", __( 'name an attribute in snake_case, e.g. plan.', 'footprints' ) );
			}
			$operator = is_string( $condition['operator'] ?? null ) ? $condition['operator'] : '';
			if ( ! in_array( $operator, AutomationRules::operators(), true ) ) {
				/* translators: %s: the operators. */
				return self::invalid( "$field.operator", sprintf( __( 'use one of %s.', 'footprints' ), implode( ', ', AutomationRules::operators() ) ) );
			}
			$rule = array(
				'attribute' => $attribute,
				'operator'  => $operator,
			);
			if ( 'exists' !== $operator ) {
				$value = $condition['value'] ?? null;
				if ( ! is_scalar( $value ) || ( is_string( $value ) && mb_strlen( $value ) > AutomationRules::limit( 'conditionValueLength' ) ) ) {
					return self::invalid( "$field.value", __( 'give a value (text, number or true/false) to compare with.', 'footprints' ) );
				}
				if ( in_array( $operator, array( 'greater_than', 'less_than' ), true ) && ! is_numeric( $value ) ) {
					return self::invalid( "$field.value", __( 'greater_than and less_than compare numbers: give a number.', 'footprints' ) );
				}
				$rule['value'] = $value;
			}
			$checked[] = $rule;
		}//end foreach
		return $checked;
	}

	/**
	 * The action to store, and a signing secret made now.
	 *
	 * @param array<string, mixed>      $action As sent.
	 * @param array<string, mixed>|null $saved  The saved action, with its write-only values.
	 * @return array{action: array<string, mixed>, new_secret: string|null}|\WP_Error
	 */
	private function action( array $action, ?array $saved ): array|\WP_Error {
		$type = is_string( $action['type'] ?? null ) ? $action['type'] : '';
		if ( ! in_array( $type, AutomationRules::action_types(), true ) ) {
			/* translators: %s: the action types. */
			return self::invalid( 'action.type', sprintf( __( 'use one of %s.', 'footprints' ), implode( ', ', AutomationRules::action_types() ) ) );
		}
		$same_type = null !== $saved && ( $saved['type'] ?? '' ) === $type;
		$url       = is_string( $action['url'] ?? null ) ? trim( $action['url'] ) : '';
		if ( 'slack' === $type && '' === $url ) {
			if ( ! $same_type ) {
				return self::invalid( 'action.url', __( 'enter the Slack incoming webhook URL (Slack → Apps → Incoming Webhooks).', 'footprints' ) );
			}
			// The Slack URL is the secret: left out, the saved one stays.
			$url = (string) $saved['url'];
		}
		$refused = AutomationUrl::check( $url, 'action.url' );
		if ( $refused ) {
			return $refused;
		}
		$options = $this->options( $type, $action );
		if ( is_wp_error( $options ) ) {
			return $options;
		}
		if ( 'webhook' === $type ) {
			$secret = $same_type ? (string) $saved['secret'] : null;
			$new    = null === $secret ? self::new_secret() : null;
			return array(
				'action'     => array(
					'type'   => 'webhook',
					'url'    => $url,
					'secret' => $secret ?? $new,
				) + $options,
				'new_secret' => $new,
			);
		}
		if ( 'slack' === $type ) {
			return array(
				'action'     => array(
					'type' => 'slack',
					'url'  => $url,
				) + $options,
				'new_secret' => null,
			);
		}
		return $this->crm( $action, $url, $same_type ? $saved : null, $options );
	}

	/**
	 * The options an action type takes (include_brief, ai_draft), each
	 * true or false; one the type does not take is refused when turned on.
	 *
	 * @param string               $type   Action type.
	 * @param array<string, mixed> $action As sent.
	 * @return array<string, bool>|\WP_Error
	 */
	private function options( string $type, array $action ): array|\WP_Error {
		$options = array();
		foreach ( array( 'include_brief', 'ai_draft' ) as $option ) {
			$on = $action[ $option ] ?? false;
			if ( ! is_bool( $on ) ) {
				return self::invalid( "action.$option", __( 'send true or false.', 'footprints' ) );
			}
			if ( ! in_array( $type, AutomationRules::option_types( $option ), true ) ) {
				if ( $on ) {
					return self::invalid(
						"action.$option",
						'include_brief' === $option
							? __( 'a CRM action gets the lead brief by mapping a field to the source "brief"; leave include_brief out.', 'footprints' )
							/* translators: %s: the action types. */
							: sprintf( __( 'only %s actions can draft with AI; leave ai_draft out.', 'footprints' ), implode( ' and ', AutomationRules::option_types( $option ) ) )
					);
				}
				continue;
			}
			$options[ $option ] = $on;
		}
		return $options;
	}

	/**
	 * A CRM action: its URL, auth header and value, and field mapping.
	 *
	 * @param array<string, mixed>      $action  As sent.
	 * @param string                    $url     Its URL, checked.
	 * @param array<string, mixed>|null $saved   The saved CRM action.
	 * @param array<string, bool>       $options Its options (ai_draft).
	 * @return array{action: array<string, mixed>, new_secret: null}|\WP_Error
	 */
	private function crm( array $action, string $url, ?array $saved, array $options ): array|\WP_Error {
		$header = is_string( $action['auth_header'] ?? null ) ? trim( $action['auth_header'] ) : '';
		if ( '' !== $header && ! preg_match( '/^[A-Za-z0-9-]{1,' . AutomationRules::limit( 'headerLength' ) . '}$/D', $header ) ) {
			return self::invalid( 'action.auth_header', __( 'name a header in letters, digits and dashes, e.g. Authorization.', 'footprints' ) );
		}
		// Headers that frame the request itself: a CRM key never belongs in them.
		if ( in_array( strtolower( $header ), array( 'host', 'content-type', 'content-length', 'transfer-encoding', 'connection' ), true ) ) {
			/* translators: %s: header name as sent. */
			return self::invalid( 'action.auth_header', sprintf( __( '%s is set by Footprints for the request itself; name the header your CRM reads its key from, e.g. Authorization or X-Api-Key.', 'footprints' ), $header ) );
		}
		$value = is_string( $action['auth_value'] ?? null ) ? $action['auth_value'] : '';
		if ( '' !== $value && '' === $header ) {
			return self::invalid( 'action.auth_header', __( 'name the header the auth value goes in, e.g. Authorization.', 'footprints' ) );
		}
		if ( strlen( $value ) > AutomationRules::limit( 'authValueLength' ) || preg_match( '/[\r\n]/', $value ) ) {
			/* translators: %s: most characters. */
			return self::invalid( 'action.auth_value', sprintf( __( 'the auth value must be one line of at most %s characters.', 'footprints' ), number_format_i18n( AutomationRules::limit( 'authValueLength' ) ) ) );
		}
		$kept = (string) ( $saved['auth_value'] ?? '' );
		if ( '' !== $header && '' === $value ) {
			if ( '' === $kept ) {
				return self::invalid( 'action.auth_value', __( 'enter the value of the auth header (e.g. "Bearer …"), or leave the header empty.', 'footprints' ) );
			}
			if ( ( $saved['url'] ?? '' ) !== $url ) {
				return self::invalid( 'action.auth_value', __( 'the CRM URL changed, so enter the auth value again: a secret is only sent to the URL it was saved for.', 'footprints' ) );
			}
			$value = $kept;
		}
		$fields = self::fields( $action['fields'] ?? null );
		if ( is_wp_error( $fields ) ) {
			return $fields;
		}
		$drafted = array_filter( $fields, static fn( string $source ) => str_starts_with( $source, 'draft.' ) );
		if ( $drafted && empty( $options['ai_draft'] ) ) {
			return self::invalid( 'action.fields.' . array_key_first( $drafted ), __( 'the AI draft is only made when "Draft with AI" is on (ai_draft: true); turn it on, or map another source.', 'footprints' ) );
		}
		if ( ! $drafted && ! empty( $options['ai_draft'] ) ) {
			return self::invalid( 'action.fields', __( 'map draft.subject or draft.body to a CRM field, so the AI draft goes somewhere; or turn off "Draft with AI".', 'footprints' ) );
		}
		return array(
			'action'     => array(
				'type'        => 'crm',
				'url'         => $url,
				'auth_header' => $header,
				'auth_value'  => '' === $header ? '' : $value,
				'fields'      => $fields,
			) + $options,
			'new_secret' => null,
		);
	}

	/**
	 * The CRM field mapping: CRM field → source.
	 *
	 * @param mixed $fields As sent.
	 * @return array<string, string>|\WP_Error
	 */
	private static function fields( mixed $fields ): array|\WP_Error {
		if ( ! is_array( $fields ) || ! $fields || count( $fields ) > AutomationRules::limit( 'crmFields' ) ) {
			/* translators: %d: most fields. */
			return self::invalid( 'action.fields', sprintf( __( 'map 1 to %d CRM fields to what they receive, e.g. {"email": "person.email"}.', 'footprints' ), AutomationRules::limit( 'crmFields' ) ) );
		}
		$mapped = array();
		foreach ( $fields as $field => $source ) {
			$field = (string) $field;
			if ( '' === trim( $field ) || mb_strlen( $field ) > AutomationRules::limit( 'crmFieldLength' ) ) {
				/* translators: %d: most characters. */
				return self::invalid( 'action.fields', sprintf( __( 'each CRM field needs a name of 1 to %d characters.', 'footprints' ), AutomationRules::limit( 'crmFieldLength' ) ) );
			}
			if ( ! is_string( $source ) || ! self::is_source( $source ) ) {
				return self::invalid(
					"action.fields.$field",
					/* translators: 1: the fixed sources, 2: the prefixes. */
					sprintf( __( 'use one of %1$s, or %2$s followed by a snake_case name.', 'footprints' ), implode( ', ', AutomationRules::crm_sources() ), implode( ' or ', AutomationRules::crm_source_prefixes() ) )
				);
			}
			$mapped[ $field ] = $source;
		}
		return $mapped;
	}

	/**
	 * Whether a CRM source is known.
	 *
	 * @param string $source Source, e.g. attributes.plan.
	 */
	public static function is_source( string $source ): bool {
		if ( in_array( $source, AutomationRules::crm_sources(), true ) ) {
			return true;
		}
		foreach ( AutomationRules::crm_source_prefixes() as $prefix ) {
			if ( str_starts_with( $source, $prefix ) && preg_match( DefinitionSchema::attribute_name_regex(), substr( $source, strlen( $prefix ) ) ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A new signing secret: whsec_ and 24 random bytes in base64, as the
	 * Standard Webhooks spec writes them.
	 */
	public static function new_secret(): string {
		return 'whsec_' . base64_encode( random_bytes( 24 ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the spec's encoding.
	}

	/**
	 * A 400 naming the field.
	 *
	 * @param string $field   Field, e.g. action.url.
	 * @param string $message What is wrong and what to do.
	 */
	private static function invalid( string $field, string $message ): \WP_Error {
		return new \WP_Error(
			'footprints_automation_invalid',
			$field . ': ' . $message,
			array(
				'status' => 400,
				'field'  => $field,
			)
		);
	}
}
