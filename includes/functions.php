<?php
/**
 * Global entry points of the plugin.
 *
 * @package Footprints
 */

namespace Footprints;

/**
 * The plugin's service container, created on first use.
 */
function plugin(): Plugin {
	static $plugin = null;
	if ( null === $plugin ) {
		global $wpdb;
		$plugin = new Plugin( $wpdb );
	}
	return $plugin;
}

// footprints_track() lives in the global namespace.
require_once __DIR__ . '/api.php';
