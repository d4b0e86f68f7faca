<?php
/**
 * The test AI provider the drafts are tested with: WordPress' real AI client
 * sends to the loopback OpenAI-compatible server through it.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Tests\AiProvider\TestProvider;
use WordPress\AiClient\AiClient;

final class NurtureDraftProviderTest extends TestCase {
	use WithAiServer;


	public function test_a_configured_provider_answers_what_the_server_was_told_and_the_server_logs_the_prompt(): void {
		TestProvider::use_api_key( 'footprints-test-key' );
		self::$server->answer( array( 'content' => 'Hello from the loopback model.' ) );

		$text = wp_ai_client_prompt( 'Say hello.' )
			->using_provider( TestProvider::ID )
			->using_system_instruction( 'Be brief.' )
			->generate_text();

		$this->assertSame( 'Hello from the loopback model.', $text );
		$completions = self::$server->completions();
		$this->assertCount( 1, $completions );
		$this->assertSame( 'footprints-test-model', $completions[0]['model'] );
		$this->assertSame(
			array(
				array(
					'role'    => 'system',
					'content' => array(
						array(
							'type' => 'text',
							'text' => 'Be brief.',
						),
					),
				),
				array(
					'role'    => 'user',
					'content' => array(
						array(
							'type' => 'text',
							'text' => 'Say hello.',
						),
					),
				),
			),
			$completions[0]['messages']
		);
		$this->assertSame( 'Bearer footprints-test-key', self::$server->requests()[0]['headers']['authorization'] );
	}

	public function test_without_a_key_the_provider_is_not_configured_and_nothing_is_sent(): void {
		TestProvider::use_api_key( '' );
		self::$server->answer( array( 'content' => 'unused' ) );

		$this->assertFalse( AiClient::defaultRegistry()->isProviderConfigured( TestProvider::ID ) );
		$this->assertFalse( wp_ai_client_prompt( 'Say hello.' )->is_supported_for_text_generation() );
		$this->assertSame( array(), self::$server->requests() );
	}

	public function test_a_scripted_error_comes_back_as_a_wp_error_with_the_servers_message(): void {
		TestProvider::use_api_key( 'footprints-test-key' );
		self::$server->answer(
			array(
				'status' => 429,
				'error'  => 'You exceeded your current quota.',
			)
		);

		$result = wp_ai_client_prompt( 'Say hello.' )->using_provider( TestProvider::ID )->generate_text();

		$this->assertWPError( $result );
		$this->assertSame( 'Too Many Requests (429) - You exceeded your current quota.', $result->get_error_message() );
		$this->assertSame( 429, $result->get_error_data()['status'] );
	}

	/**
	 * Asserts a WP_Error.
	 *
	 * @param mixed $value The value.
	 * @phpstan-assert \WP_Error $value
	 */
	private function assertWPError( $value ): void {
		$this->assertInstanceOf( \WP_Error::class, $value );
	}
}
