<?php
/**
 * Plugin Name: Footprints benchmark limits
 * Description: Installed by bin/bench-collector for its run only: one loopback client sends every request, so its rate limit is lifted. Not part of the plugin.
 *
 * @package Footprints
 */

add_filter(
	'footprints_collector_limits',
	static function ( array $limits ): array {
		$limits['rate_requests'] = PHP_INT_MAX;
		return $limits;
	}
);
