<?php
/**
 * TriggerMarkup.
 *
 * @package Footprints
 */

namespace Footprints\Triggers;

use Footprints\Assets\Client;
use Footprints\Definitions\AttributeCoercer;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Definitions\DefinitionSchema;

/**
 * The markup contract every trigger renders — data-footprints-event,
 * data-footprints-on, data-footprints-attrs — built in one place for
 * blocks and shortcodes, from untrusted input (contributors write both).
 */
final class TriggerMarkup {

	public const TRIGGERS        = array( 'click', 'submit', 'view', 'load' );
	public const DEFAULT_TRIGGER = 'click';

	// JSON that can sit in an attribute or next to HTML without closing anything.
	private const JSON_FLAGS = JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;

	/**
	 * Constructor.
	 *
	 * @param DefinitionRepository $definitions Stored definitions.
	 * @param Client               $client      The front-end client, enqueued when a trigger is placed on the page.
	 * @param AttributeCoercer     $coercer     Types attribute values by the definition's schema.
	 */
	public function __construct( private DefinitionRepository $definitions, private Client $client, private AttributeCoercer $coercer ) {}

	/**
	 * A trigger placed on the page being rendered: its data-footprints-*
	 * attributes, with the client enqueued for its event (so pages without
	 * a trigger load nothing); or why nothing is tracked, and nothing is
	 * enqueued.
	 *
	 * @param mixed $code       Event code.
	 * @param mixed $on         Trigger: click, submit, view or load; anything else is click.
	 * @param mixed $attributes Attribute values by snake_case name.
	 * @return array<string, string>|\WP_Error
	 */
	public function place_on_page( mixed $code, mixed $on, mixed $attributes ): array|\WP_Error {
		$markup = $this->attributes( $code, $on, $attributes );
		if ( ! is_wp_error( $markup ) ) {
			$this->client->enqueue( $markup['data-footprints-event'] );
		}
		return $markup;
	}

	/**
	 * The data-footprints-* attributes of a trigger, or why nothing is to be
	 * tracked: an invalid, unknown or disabled event code. Only builds them:
	 * place_on_page() is what a rendered trigger calls.
	 *
	 * @param mixed $code       Event code.
	 * @param mixed $on         Trigger: click, submit, view or load; anything else is click.
	 * @param mixed $attributes Attribute values by snake_case name.
	 * @return array<string, string>|\WP_Error
	 */
	public function attributes( mixed $code, mixed $on, mixed $attributes ): array|\WP_Error {
		if ( ! is_string( $code ) || ! preg_match( DefinitionSchema::code_regex(), $code ) ) {
			return new \WP_Error(
				'footprints_invalid_code',
				/* translators: %s: what was given as the event code. */
				sprintf( __( '"%s" is not an event code: use a lowercase letter, then lowercase letters, digits or underscores (like trial_click).', 'footprints' ), is_scalar( $code ) ? (string) $code : gettype( $code ) )
			);
		}
		$definition = $this->definitions->find( $code );
		if ( ! $definition ) {
			/* translators: %s: event code. */
			return new \WP_Error( 'footprints_unknown_event', sprintf( __( 'No event is defined with the code "%s"; define it in Footprints or fix the code.', 'footprints' ), $code ) );
		}
		if ( ! $definition['enabled'] ) {
			/* translators: %s: event code. */
			return new \WP_Error( 'footprints_disabled_event', sprintf( __( 'The event "%s" is disabled, so this element is not tracked; enable it in Footprints to track it.', 'footprints' ), $code ) );
		}
		$markup = array(
			'data-footprints-event' => $code,
			'data-footprints-on'    => in_array( $on, self::TRIGGERS, true ) ? $on : self::DEFAULT_TRIGGER,
		);
		// Typed here as the collector will type them ("199" is 199 for a
		// number), so a value that would be refused is caught while rendering.
		$values = $this->coercer->coerce( (array) $definition['attributes'], is_array( $attributes ) ? $attributes : array() );
		if ( is_wp_error( $values ) ) {
			return new \WP_Error(
				'footprints_invalid_attribute',
				/* translators: 1: event code, 2: why an attribute value does not fit. */
				sprintf( __( 'The event "%1$s" is not tracked here: %2$s.', 'footprints' ), $code, $values->get_error_message() )
			);
		}
		if ( $values ) {
			$markup['data-footprints-attrs'] = (string) wp_json_encode( $values, self::JSON_FLAGS );
		}
		return $markup;
	}

	/**
	 * HTML attributes, each value escaped, with a leading space.
	 *
	 * @param array<string, string> $attributes Name => value.
	 */
	public static function to_html( array $attributes ): string {
		$html = '';
		foreach ( $attributes as $name => $value ) {
			$html .= sprintf( ' %s="%s"', esc_attr( $name ), esc_attr( $value ) );
		}
		return $html;
	}
}
