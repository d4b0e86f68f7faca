<?php
/**
 * A test class with the loopback AI server (AiServer) running for all its
 * tests and the test provider left without a key afterwards.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Tests\AiProvider\TestProvider;

trait WithAiServer {

	private static AiServer $server;

	public static function setUpBeforeClass(): void { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName -- PHPUnit's name.
		parent::setUpBeforeClass();
		self::$server = new AiServer();
		self::$server->start();
	}

	public static function tearDownAfterClass(): void { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName -- PHPUnit's name.
		self::$server->stop();
		TestProvider::use_api_key( '' );
		parent::tearDownAfterClass();
	}
}
