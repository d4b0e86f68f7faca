<?php
/**
 * Whether the test provider is configured.
 *
 * @package Footprints
 */

namespace Footprints\Tests\AiProvider;

use WordPress\AiClient\Providers\ApiBasedImplementation\ListModelsApiBasedProviderAvailability;
use WordPress\AiClient\Providers\Contracts\ProviderAvailabilityInterface;
use WordPress\AiClient\Providers\Http\Contracts\WithRequestAuthenticationInterface;
use WordPress\AiClient\Providers\Http\DTO\ApiKeyRequestAuthentication;
use WordPress\AiClient\Providers\Http\Traits\WithRequestAuthenticationTrait;

/**
 * Configured when it has a non-empty API key and the server lists its
 * models (as the cloud providers check). Without a key it answers at once,
 * so "not configured" sends nothing, as with a real provider whose key was
 * never entered.
 */
final class TestProviderAvailability implements ProviderAvailabilityInterface, WithRequestAuthenticationInterface {
	use WithRequestAuthenticationTrait;

	/**
	 * Constructor.
	 *
	 * @param TestModelMetadataDirectory $directory The models, listed by the server.
	 */
	public function __construct( private TestModelMetadataDirectory $directory ) {}

	/**
	 * {@inheritDoc}
	 */
	public function isConfigured(): bool {
		try {
			$authentication = $this->getRequestAuthentication();
		} catch ( \Exception $e ) {
			return false;
		}
		if ( ! $authentication instanceof ApiKeyRequestAuthentication || '' === $authentication->getApiKey() ) {
			return false;
		}
		return ( new ListModelsApiBasedProviderAvailability( $this->directory ) )->isConfigured();
	}
}
