<?php
/**
 * The test provider's text model: POST /v1/chat/completions on the server.
 *
 * @package Footprints
 */

namespace Footprints\Tests\AiProvider;

use WordPress\AiClient\Providers\Http\DTO\Request;
use WordPress\AiClient\Providers\Http\Enums\HttpMethodEnum;
use WordPress\AiClient\Providers\OpenAiCompatibleImplementation\AbstractOpenAiCompatibleTextGenerationModel;

/**
 * Everything but the address comes from the AI client's OpenAI-compatible
 * model, so the request the server logs is the one a real provider gets.
 */
final class TestTextGenerationModel extends AbstractOpenAiCompatibleTextGenerationModel {

	/**
	 * {@inheritDoc}
	 *
	 * @param HttpMethodEnum                     $method  Method.
	 * @param string                             $path    Path under /v1.
	 * @param array<string, string|list<string>> $headers Headers.
	 * @param string|array<string, mixed>|null   $data    Data.
	 */
	protected function createRequest( HttpMethodEnum $method, string $path, array $headers = array(), $data = null ): Request {
		return new Request( $method, TestProvider::url( $path ), $headers, $data, $this->getRequestOptions() );
	}
}
