<?php
/**
 * Loads the test AI provider and registers it with WordPress' AI client.
 * Required by the PHPUnit bootstrap and by the e2e site's mu-plugin
 * (tests/e2e/plugins/footprints-test-ai-provider.php). Test code only:
 * the release zip leaves tests/ out.
 *
 * @package Footprints
 */

namespace Footprints\Tests\AiProvider;

use WordPress\AiClient\AiClient;

require_once __DIR__ . '/TestProvider.php';
require_once __DIR__ . '/TestProviderAvailability.php';
require_once __DIR__ . '/TestModelMetadataDirectory.php';
require_once __DIR__ . '/TestTextGenerationModel.php';

/**
 * Registers the provider once, and lets WordPress' safe HTTP functions
 * (which the AI client uses) reach the loopback server: they refuse
 * private addresses and ports other than 80, 443 and 8080 otherwise.
 */
function register(): void {
	$registry = AiClient::defaultRegistry();
	if ( ! $registry->hasProvider( TestProvider::ID ) ) {
		$registry->registerProvider( TestProvider::class );
	}
	$is_server = static fn( string $url ): bool => str_starts_with( $url, TestProvider::base_url() . '/' );
	add_filter(
		'http_request_host_is_external',
		static fn( $external, $host, $url ) => $external || $is_server( (string) $url ),
		10,
		3
	);
	add_filter(
		'http_allowed_safe_ports',
		static function ( $ports, $host, $url ) use ( $is_server ) {
			if ( $is_server( (string) $url ) ) {
				$ports[] = (int) wp_parse_url( TestProvider::base_url(), PHP_URL_PORT );
			}
			return $ports;
		},
		10,
		3
	);
}
