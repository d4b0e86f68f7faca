<?php
/**
 * A test class with the loopback receiver (tests/php/receiver, on
 * FOOTPRINTS_RECEIVER_PORT) running for all its tests, in self::$receiver.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

trait WithReceiver {

	private static LoopbackServer $receiver;

	public static function setUpBeforeClass(): void { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName -- PHPUnit's name.
		parent::setUpBeforeClass();
		self::$receiver = new LoopbackServer( 'FOOTPRINTS_RECEIVER_PORT', 8893 );
		self::$receiver->start();
	}

	public static function tearDownAfterClass(): void { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName -- PHPUnit's name.
		self::$receiver->stop();
		parent::tearDownAfterClass();
	}
}
