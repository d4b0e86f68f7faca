<?php
/**
 * Over a thousand malformed bodies to the fast collector, over HTTP: never
 * a 5xx, always a 4xx or an answer that accepts nothing, and nothing
 * stored after the drain.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class FastCollectorHostilityTest extends FastCollectorTestCase {

	public const BODIES = 1200;

	protected function setUp(): void {
		// One loopback client sends them all: lift the rate limit for it.
		add_filter( 'footprints_collector_limits', static fn( array $limits ) => array( 'rate_requests' => 100000 ) + $limits );
		parent::setUp();
	}

	public function test_malformed_bodies_are_refused_without_a_5xx_and_nothing_is_stored(): void {
		global $wpdb;
		$events_before = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}footprints_events" );
		$bodies        = MalformedBodies::generate( self::BODIES );
		$statuses      = array();
		$accepted      = 0;
		foreach ( $bodies as $index => list( $body, $type ) ) {
			$answer = FastCollector::post( $body, $type );
			$status = $answer['status'];
			$this->assertContains( $status, array( 200, 400, 413, 415 ), "body #$index answered $status: " . substr( $body, 0, 200 ) );
			$this->assertIsArray( $answer['body'], "body #$index: the answer is JSON" );
			$accepted           += 200 === $status ? $answer['body']['accepted'] : 0;
			$statuses[ $status ] = ( $statuses[ $status ] ?? 0 ) + 1;
		}
		$drained = plugin()->drainer()->drain();

		$this->assertGreaterThanOrEqual( self::BODIES, count( $bodies ) );
		$this->assertSame( 0, $accepted, 'no event of any body was accepted' );
		$this->assertSame( 0, $drained['events'] );
		$this->assertSame( $events_before, (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}footprints_events" ) );
		$this->assertSame( 0, plugin()->definitions()->find( 'trial_click' )['trigger_count'] );
		ksort( $statuses );
		fwrite( STDERR, sprintf( "\n%d malformed bodies to the fast collector, answers by status: %s\n", count( $bodies ), (string) wp_json_encode( $statuses ) ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}
}
