<?php
/**
 * Shortcode.
 *
 * @package Footprints
 */

namespace Footprints\Triggers;

use Footprints\Hookable;

/**
 * [footprints event="code" on="click" attr_name="value"]content[/footprints]
 * wraps content in a trigger; the self-closing form marks a milestone.
 */
final class Shortcode implements Hookable {

	public const TAG = 'footprints';

	private const ATTRIBUTE_PREFIX = 'attr_';

	// Content with these needs a block wrapper; anything else stays inline.
	private const BLOCK_CONTENT = '/<(?:address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul)\b/i';

	/**
	 * Constructor.
	 *
	 * @param TriggerMarkup $triggers Renders the markup contract.
	 */
	public function __construct( private TriggerMarkup $triggers ) {}

	/**
	 * Registers the shortcode.
	 */
	public function hook(): void {
		add_action( 'init', array( $this, 'register' ) );
	}

	/**
	 * Adds [footprints].
	 */
	public function register(): void {
		add_shortcode( self::TAG, array( $this, 'render' ) );
	}

	/**
	 * Renders the shortcode. Content is kept whatever happens: an unknown or
	 * disabled event leaves it untracked, never missing.
	 *
	 * @param array<string, string>|string $atts    Shortcode parameters ('' when none).
	 * @param string|null                  $content Wrapped content; null for the self-closing form.
	 */
	public function render( $atts, $content = null ): string {
		$atts       = is_array( $atts ) ? $atts : array();
		$attributes = array();
		foreach ( $atts as $name => $value ) {
			if ( is_string( $name ) && str_starts_with( $name, self::ATTRIBUTE_PREFIX ) ) {
				$attributes[ substr( $name, strlen( self::ATTRIBUTE_PREFIX ) ) ] = $value;
			}
		}
		$inner = do_shortcode( (string) $content );
		// Nothing can be clicked in the self-closing form, so it fires on view.
		$is_milestone = '' === trim( $inner );
		$on           = $atts['on'] ?? ( $is_milestone ? 'view' : TriggerMarkup::DEFAULT_TRIGGER );
		$markup       = $this->triggers->attributes( $atts['event'] ?? null, $on, $attributes );
		if ( null === $markup ) {
			return $inner;
		}
		$tag = preg_match( self::BLOCK_CONTENT, $inner ) ? 'div' : 'span';
		return sprintf( '<%1$s class="footprints-trigger"%2$s>%3$s</%1$s>', $tag, TriggerMarkup::to_html( $markup ), $inner );
	}
}
