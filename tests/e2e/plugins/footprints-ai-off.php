<?php
/**
 * Plugin Name: Footprints e2e: AI switched off
 * Description: Switches WordPress' AI features off (the wp_supports_ai filter), as a site owner or a host may. Copied into the test site's mu-plugins by tests/e2e/people-draft.spec.ts and removed after.
 *
 * @package Footprints
 */

add_filter( 'wp_supports_ai', '__return_false' );
