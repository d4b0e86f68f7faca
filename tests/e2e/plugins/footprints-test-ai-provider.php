<?php
/**
 * Plugin Name: Footprints e2e: test AI provider
 * Description: Registers the test AI provider `footprints-test` (tests/ai-provider) with WordPress' AI client, so Settings → Connectors offers it and its key (option connectors_ai_footprints_test_api_key) makes it configured. It sends to the base URL in the option footprints_test_ai_base_url (the spec's loopback server). Copied into the test site's mu-plugins by the AI specs and removed after.
 *
 * @package Footprints
 */

$footprints_ai_provider = WP_PLUGIN_DIR . '/footprints/tests/ai-provider/load.php';
if ( is_file( $footprints_ai_provider ) && function_exists( 'wp_ai_client_prompt' ) ) {
	require_once $footprints_ai_provider;
	// Before the connectors (init 15) read the registry and pass keys (init 20).
	add_action( 'init', 'Footprints\Tests\AiProvider\register', 5 );
}
