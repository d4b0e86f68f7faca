<?php
/**
 * A service that registers its own WordPress hooks.
 *
 * @package Footprints
 */

namespace Footprints;

interface Hookable {

	/**
	 * Add the service's actions and filters. Called once, on plugins_loaded.
	 */
	public function hook(): void;
}
