<?php
/**
 * TriggerMarkup.
 *
 * @package Footprints
 */

namespace Footprints\Triggers;

use Footprints\Assets\Client;
use Footprints\Definitions\DefinitionRepository;

/**
 * The markup contract every trigger renders — data-footprints-event,
 * data-footprints-on, data-footprints-attrs — built in one place for
 * blocks and shortcodes, from untrusted input (contributors write both).
 */
final class TriggerMarkup {

	public const CODE_PATTERN    = '/^[a-z][a-z0-9_]{1,63}$/';
	public const NAME_PATTERN    = '/^[a-z][a-z0-9_]{0,63}$/';
	public const TRIGGERS        = array( 'click', 'submit', 'view', 'load' );
	public const DEFAULT_TRIGGER = 'click';

	// JSON that can sit in an attribute or next to HTML without closing anything.
	private const JSON_FLAGS = JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;

	/**
	 * Constructor.
	 *
	 * @param DefinitionRepository $definitions Stored definitions.
	 * @param Client               $client      The front-end client, enqueued when a trigger renders.
	 */
	public function __construct( private DefinitionRepository $definitions, private Client $client ) {}

	/**
	 * The data-footprints-* attributes of a trigger, or why nothing is to be
	 * tracked: an invalid, unknown or disabled event code. Rendering a
	 * trigger enqueues the client, so pages without one load nothing.
	 *
	 * @param mixed $code       Event code.
	 * @param mixed $on         Trigger: click, submit, view or load; anything else is click.
	 * @param mixed $attributes Attribute values by snake_case name.
	 * @return array<string, string>|\WP_Error
	 */
	public function attributes( mixed $code, mixed $on, mixed $attributes ): array|\WP_Error {
		if ( ! is_string( $code ) || ! preg_match( self::CODE_PATTERN, $code ) ) {
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
		$values = self::clean_attributes( $attributes );
		if ( $values ) {
			$markup['data-footprints-attrs'] = (string) wp_json_encode( $values, self::JSON_FLAGS );
		}
		$this->client->enqueue();
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

	/**
	 * Keeps attributes with snake_case names and scalar values; drops the rest.
	 *
	 * @param mixed $attributes Attribute values by name.
	 * @return array<string, string|int|float|bool>
	 */
	private static function clean_attributes( mixed $attributes ): array {
		$clean = array();
		foreach ( is_array( $attributes ) ? $attributes : array() as $name => $value ) {
			if ( is_string( $name ) && preg_match( self::NAME_PATTERN, $name ) && is_scalar( $value ) ) {
				$clean[ $name ] = $value;
			}
		}
		return $clean;
	}
}
