<?php
/**
 * The test provider's models, from the server's GET /v1/models.
 *
 * @package Footprints
 */

namespace Footprints\Tests\AiProvider;

use WordPress\AiClient\Common\Exception\RuntimeException;
use WordPress\AiClient\Providers\Http\DTO\Request;
use WordPress\AiClient\Providers\Http\DTO\Response;
use WordPress\AiClient\Providers\Http\Enums\HttpMethodEnum;
use WordPress\AiClient\Providers\Models\DTO\ModelMetadata;
use WordPress\AiClient\Providers\Models\DTO\SupportedOption;
use WordPress\AiClient\Providers\Models\Enums\CapabilityEnum;
use WordPress\AiClient\Providers\Models\Enums\OptionEnum;
use WordPress\AiClient\Messages\Enums\ModalityEnum;
use WordPress\AiClient\Providers\OpenAiCompatibleImplementation\AbstractOpenAiCompatibleModelMetadataDirectory;

/**
 * Every model the server lists generates text (and chat), with a system
 * instruction and a JSON answer, like the chat models of the cloud providers.
 */
final class TestModelMetadataDirectory extends AbstractOpenAiCompatibleModelMetadataDirectory {

	/**
	 * {@inheritDoc}
	 *
	 * @param HttpMethodEnum                     $method  Method.
	 * @param string                             $path    Path under /v1.
	 * @param array<string, string|list<string>> $headers Headers.
	 * @param string|array<string, mixed>|null   $data    Data.
	 */
	protected function createRequest( HttpMethodEnum $method, string $path, array $headers = array(), $data = null ): Request {
		return new Request( $method, TestProvider::url( $path ), $headers, $data );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param Response $response The server's answer.
	 */
	protected function parseResponseToModelMetadataList( Response $response ): array {
		$data = $response->getData();
		if ( ! is_array( $data ) || empty( $data['data'] ) || ! is_array( $data['data'] ) ) {
			throw new RuntimeException( 'The test AI server listed no models (no "data" in its answer).' );
		}
		$options = array(
			new SupportedOption( OptionEnum::systemInstruction() ),
			new SupportedOption( OptionEnum::candidateCount() ),
			new SupportedOption( OptionEnum::maxTokens() ),
			new SupportedOption( OptionEnum::temperature() ),
			new SupportedOption( OptionEnum::outputMimeType(), array( 'text/plain', 'application/json' ) ),
			new SupportedOption( OptionEnum::outputSchema() ),
			new SupportedOption( OptionEnum::inputModalities(), array( array( ModalityEnum::text() ) ) ),
			new SupportedOption( OptionEnum::outputModalities(), array( array( ModalityEnum::text() ) ) ),
			new SupportedOption( OptionEnum::customOptions() ),
		);
		$models  = array();
		foreach ( $data['data'] as $model ) {
			$id       = is_array( $model ) ? (string) ( $model['id'] ?? '' ) : '';
			$models[] = new ModelMetadata( $id, $id, array( CapabilityEnum::textGeneration(), CapabilityEnum::chatHistory() ), $options );
		}
		return $models;
	}
}
