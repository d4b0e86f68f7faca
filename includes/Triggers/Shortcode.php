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
 *
 * Whatever a shortcode gets wrong, its content still renders, untracked;
 * people who can edit the post see why in an HTML comment beside it.
 */
final class Shortcode implements Hookable {

	public const TAG = 'footprints';

	private const ATTRIBUTE_PREFIX = 'attr_';
	private const PARAMETERS       = array( 'event', 'on' );

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
	 * Renders the shortcode.
	 *
	 * @param array<string|int, string>|string $atts    Shortcode parameters ('' when none).
	 * @param string|null                      $content Wrapped content; null or empty for the self-closing form.
	 */
	public function render( $atts, $content = null ): string {
		$atts       = is_array( $atts ) ? $atts : array();
		$attributes = array();
		$problems   = array();
		foreach ( $atts as $name => $value ) {
			if ( is_string( $name ) && str_starts_with( $name, self::ATTRIBUTE_PREFIX ) ) {
				$attributes[ substr( $name, strlen( self::ATTRIBUTE_PREFIX ) ) ] = $value;
			} elseif ( ! in_array( $name, self::PARAMETERS, true ) ) {
				/* translators: %s: a shortcode parameter. */
				$problems[] = sprintf( __( 'unknown parameter "%s" (use event, on, or attr_<name> for an attribute)', 'footprints' ), is_int( $name ) ? $value : $name );
			}
		}

		$inner = do_shortcode( (string) $content );
		// Nothing can be clicked in the self-closing form, so it fires on view.
		$default_on = '' === trim( $inner ) ? 'view' : TriggerMarkup::DEFAULT_TRIGGER;
		$on         = $atts['on'] ?? $default_on;
		if ( ! in_array( $on, TriggerMarkup::TRIGGERS, true ) ) {
			/* translators: %s: the given trigger. */
			$problems[] = sprintf( __( 'on="%s" is not a trigger (use click, submit, view or load)', 'footprints' ), $on );
		}

		$markup = $this->triggers->place_on_page( $atts['event'] ?? '', $on, $attributes );
		if ( is_wp_error( $markup ) ) {
			$problems[] = $markup->get_error_message();
		}
		// A shortcode with any problem tracks nothing rather than something
		// its author did not mean (a misspelt attr_ parameter, a wrong trigger).
		if ( $problems || is_wp_error( $markup ) ) {
			return $inner . $this->explain( $problems );
		}
		$tag = preg_match( self::BLOCK_CONTENT, $inner ) ? 'div' : 'span';
		return sprintf( '<%1$s class="footprints-trigger"%2$s>%3$s</%1$s>', $tag, TriggerMarkup::to_html( $markup ), $inner );
	}

	/**
	 * An HTML comment with the problems, for people who can edit this post
	 * only; visitors get nothing.
	 *
	 * @param string[] $problems What is wrong with the shortcode.
	 */
	private function explain( array $problems ): string {
		$post_id = get_the_ID();
		if ( ! ( $post_id ? current_user_can( 'edit_post', $post_id ) : current_user_can( 'edit_posts' ) ) ) {
			return '';
		}
		// "--" would end the comment early: the problems quote what the author wrote.
		$text = str_replace( '--', '- -', esc_html( implode( '; ', $problems ) ) );
		return "<!-- Footprints [footprints]: $text -->";
	}
}
