<?php
/**
 * LoadTrigger.
 *
 * @package Footprints
 */

namespace Footprints\SystemEvents;

use Footprints\Triggers\TriggerMarkup;

/**
 * A hidden element carrying the markup contract's load trigger, for the
 * system events a page fires by being shown (a sign-in form, a sign-in
 * prompt): the same bytes for every visitor, so a cached page stays right.
 * Placing it loads the client; a disabled or unknown event prints nothing.
 */
final class LoadTrigger {

	/**
	 * Constructor.
	 *
	 * @param TriggerMarkup $triggers Renders the markup contract (and loads the client).
	 */
	public function __construct( private TriggerMarkup $triggers ) {}

	/**
	 * The element, or '' when the event is not tracked.
	 *
	 * @param string $code       Event code.
	 * @param mixed  $attributes Attribute values by snake_case name (untrusted).
	 */
	public function html( string $code, mixed $attributes ): string {
		$markup = $this->triggers->place_on_page( $code, 'load', is_array( $attributes ) ? $attributes : array() );
		return is_wp_error( $markup ) ? '' : '<span hidden' . TriggerMarkup::to_html( $markup ) . '></span>';
	}
}
