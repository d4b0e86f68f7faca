<?php
/**
 * PromptAuthTrigger.
 *
 * @package Footprints
 */

namespace Footprints\SystemEvents;

use Footprints\Hookable;

/**
 * `blur_screen` (Prompt Auth): the action `footprints_prompt_auth`, for a
 * theme or plugin that hides content until the visitor signs in.
 *
 * Called where the sign-in prompt is shown, e.g.
 * `do_action( 'footprints_prompt_auth' )` or, with attributes (typed by
 * the definition like a shortcode's),
 * `do_action( 'footprints_prompt_auth', array( 'content' => 'pricing-guide' ) )`,
 * it prints the markup contract's load trigger. Every visitor who sees the
 * prompt gets the same bytes, so full-page caches stay safe; the client
 * fires it with the visitor's device. Without Footprints active the
 * action does nothing, so a theme needs no check; a disabled event prints
 * nothing.
 */
final class PromptAuthTrigger implements Hookable {

	public const CODE = 'blur_screen';

	public const ACTION = 'footprints_prompt_auth';

	/**
	 * Constructor.
	 *
	 * @param LoadTrigger $trigger Prints a load trigger.
	 */
	public function __construct( private LoadTrigger $trigger ) {}

	/**
	 * Hooks the action.
	 */
	public function hook(): void {
		add_action( self::ACTION, array( $this, 'print' ) );
	}

	/**
	 * Prints the trigger.
	 *
	 * @param mixed $attributes Attribute values by snake_case name (untrusted: a theme passes them on).
	 */
	public function print( mixed $attributes = array() ): void {
		echo $this->trigger->html( self::CODE, $attributes ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- TriggerMarkup::to_html() escapes each attribute.
	}
}
