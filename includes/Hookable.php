<?php
/**
 * Hookable.
 *
 * @package Footprints
 */

namespace Footprints;

/**
 * A service that registers its own WordPress hooks.
 */
interface Hookable {

	/**
	 * Add the service's actions and filters. Called once, on plugins_loaded.
	 */
	public function hook(): void;
}
