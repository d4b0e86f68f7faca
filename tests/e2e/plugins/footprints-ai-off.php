<?php
/**
 * Plugin Name: Footprints AI off (e2e)
 * Description: Switches WordPress' AI features off (wp_supports_ai() false), as a site owner or host may; copied in by tests/e2e/automations-ai.spec.ts and removed afterwards.
 *
 * @package Footprints
 */

add_filter( 'wp_supports_ai', '__return_false' );
