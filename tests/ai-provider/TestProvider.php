<?php
/**
 * The test AI provider: an OpenAI-compatible provider for WordPress' AI
 * client that talks to the loopback server of the tests (router.php).
 *
 * @package Footprints
 */

namespace Footprints\Tests\AiProvider;

use WordPress\AiClient\AiClient;
use WordPress\AiClient\Providers\ApiBasedImplementation\AbstractApiProvider;
use WordPress\AiClient\Providers\Contracts\ModelMetadataDirectoryInterface;
use WordPress\AiClient\Providers\Contracts\ProviderAvailabilityInterface;
use WordPress\AiClient\Providers\DTO\ProviderMetadata;
use WordPress\AiClient\Providers\Enums\ProviderTypeEnum;
use WordPress\AiClient\Providers\Http\DTO\ApiKeyRequestAuthentication;
use WordPress\AiClient\Providers\Http\Enums\RequestAuthenticationMethod;
use WordPress\AiClient\Providers\Models\Contracts\ModelInterface;
use WordPress\AiClient\Providers\Models\DTO\ModelMetadata;

/**
 * Provider `footprints-test`. It authenticates with an API key like the
 * cloud providers, so the site's Settings → Connectors screen offers it and
 * stores its key in `connectors_ai_footprints_test_api_key`: with a key it
 * is configured, without one (or with an empty one) it is not, and no
 * request leaves WordPress.
 */
final class TestProvider extends AbstractApiProvider {

	public const ID = 'footprints-test';

	/**
	 * Option the e2e site reads the server's base URL from (set by the spec).
	 */
	public const BASE_URL_OPTION = 'footprints_test_ai_base_url';

	/**
	 * Base URL of the loopback server: the option the e2e spec sets, else
	 * 127.0.0.1 on FOOTPRINTS_AI_PORT (default 8892), as the PHPUnit helper.
	 */
	public static function base_url(): string {
		$option = function_exists( 'get_option' ) ? (string) get_option( self::BASE_URL_OPTION, '' ) : '';
		if ( '' !== $option ) {
			return rtrim( $option, '/' );
		}
		$port = getenv( 'FOOTPRINTS_AI_PORT' );
		return 'http://127.0.0.1:' . ( $port ? (int) $port : 8892 );
	}

	/**
	 * Gives the provider an API key ('' = not configured) and forgets the
	 * models it listed, so the next check asks the server again.
	 *
	 * @param string $api_key The key.
	 */
	public static function use_api_key( string $api_key ): void {
		AiClient::defaultRegistry()->setProviderRequestAuthentication( self::ID, new ApiKeyRequestAuthentication( $api_key ) );
		$directory = self::modelMetadataDirectory();
		if ( $directory instanceof TestModelMetadataDirectory ) {
			$directory->invalidateCaches();
		}
	}

	/**
	 * {@inheritDoc}
	 */
	protected static function baseUrl(): string {
		return self::base_url() . '/v1';
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param ModelMetadata    $model_metadata    The model.
	 * @param ProviderMetadata $provider_metadata This provider.
	 */
	protected static function createModel( ModelMetadata $model_metadata, ProviderMetadata $provider_metadata ): ModelInterface {
		return new TestTextGenerationModel( $model_metadata, $provider_metadata );
	}

	/**
	 * {@inheritDoc}
	 */
	protected static function createProviderMetadata(): ProviderMetadata {
		return new ProviderMetadata(
			self::ID,
			'Footprints test provider',
			ProviderTypeEnum::cloud(),
			null,
			RequestAuthenticationMethod::apiKey(),
			'An OpenAI-compatible server on loopback, for Footprints\' tests only.'
		);
	}

	/**
	 * {@inheritDoc}
	 */
	protected static function createProviderAvailability(): ProviderAvailabilityInterface {
		return new TestProviderAvailability( self::modelMetadataDirectory() );
	}

	/**
	 * {@inheritDoc}
	 */
	protected static function createModelMetadataDirectory(): ModelMetadataDirectoryInterface {
		return new TestModelMetadataDirectory();
	}
}
