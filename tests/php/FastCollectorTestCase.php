<?php
/**
 * Base of the tests that post to the fast collector over HTTP: the config
 * is compiled for it, the buffer starts and ends empty, and the request
 * counts of 127.0.0.1 (every test's address) are forgotten.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

abstract class FastCollectorTestCase extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		plugin()->collector_config()->write();
		FastCollector::forget_rates();
		plugin()->drainer()->drain(); // Whatever an earlier run left.
	}

	protected function tearDown(): void {
		remove_all_filters( 'footprints_collector_limits' );
		plugin()->drainer()->drain();
		parent::tearDown();
		plugin()->collector_config()->write();
		FastCollector::forget_rates();
	}
}
