<?php
/**
 * What admins see of the collector: its REST routes, the self-test that
 * picks the client's collect URL, Site Health, the rejected counts, and
 * retention that keeps the daily totals.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Assets\ClientConsent;
use Footprints\Assets\ClientSettings;
use Footprints\Collector\Drainer;
use function Footprints\plugin;

final class CollectorAdminTest extends FastCollectorTestCase {

	public function test_only_admins_reach_the_collector_routes(): void {
		foreach ( array( array( 'GET', '/footprints/v1/collector' ), array( 'POST', '/footprints/v1/collector/drain' ), array( 'POST', '/footprints/v1/collector/self-test' ), array( 'GET', '/footprints/v1/rejections' ) ) as list( $method, $route ) ) {
			$this->assertSame( 401, $this->rest( $method, $route )->get_status(), $route );
		}
		$this->log_in_as( 'editor' );
		$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/rejections' )->get_status() );
	}

	public function test_an_editor_granted_insights_reads_the_refused_events_and_nothing_else_of_the_collector(): void {
		$editor = get_role( 'editor' );
		$this->assertNotNull( $editor );
		$editor->add_cap( 'footprints_view_insights' );
		try {
			$this->log_in_as( 'editor' );
			$this->assertSame( 200, $this->rest( 'GET', '/footprints/v1/rejections' )->get_status() );
			$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/collector' )->get_status() );
			$this->assertSame( 403, $this->rest( 'POST', '/footprints/v1/collector/drain' )->get_status() );
		} finally {
			// The role lives in memory beyond the rolled-back transaction.
			$editor->remove_cap( 'footprints_view_insights' );
		}
	}

	public function test_the_self_test_gives_the_client_the_fast_collector_when_it_runs_and_the_rest_route_when_it_does_not(): void {
		$this->log_in_as( 'administrator' );

		$passed = $this->rest( 'POST', '/footprints/v1/collector/self-test' )->get_data();
		$fast   = $this->client_collect_url();
		add_filter( 'plugins_url', static fn( string $url ) => str_replace( '/collect.php', '/missing-collect.php', $url ) );
		$failed = $this->rest( 'POST', '/footprints/v1/collector/self-test' )->get_data();
		$rest   = $this->client_collect_url();
		remove_all_filters( 'plugins_url' );

		$this->assertSame( 'fast', $passed['path'] );
		$this->assertSame( content_url( 'plugins/footprints/collect.php' ), $fast );
		$this->assertSame( 'rest', $failed['path'] );
		$this->assertFalse( $failed['self_test']['ok'] );
		$this->assertMatchesRegularExpression( '/^The fast collector answered HTTP \d{3} instead of running; this host may block PHP files in plugin folders\.$/', $failed['self_test']['message'] );
		$this->assertSame( rest_url( 'footprints/v1/collect' ), $rest );
		$this->assertNotFalse( wp_next_scheduled( 'footprints_self_test', array( 'retry' ) ), 'tried again in 10 minutes' );
	}

	/**
	 * The collect URL the page gives the client.
	 */
	private function client_collect_url(): string {
		$settings = new ClientSettings( plugin()->client(), new ClientConsent( plugin()->tracking_settings() ), plugin()->definitions(), plugin()->backend_settings(), plugin()->reachability() );
		return (string) $settings->settings( array() )['collect'];
	}

	public function test_site_health_warns_when_events_wait_and_no_drain_ran_for_ten_minutes(): void {
		FastCollector::post( '{"events":[{"id":"evt_health_0001","event":"trial_click"}]}' );
		update_option( Drainer::LAST_DRAIN_OPTION, array( 'at' => time() - 11 * MINUTE_IN_SECONDS ) );

		$late = plugin()->collector_health()->result();
		plugin()->drainer()->drain();
		$fine = plugin()->collector_health()->result();

		$this->assertSame( 'critical', $late['status'] );
		$this->assertSame( 'Footprints\' drain is more than 10 minutes late', $late['label'] );
		$this->assertStringContainsString( 'footprints drain --quiet', $late['actions'] );
		$this->assertStringContainsString( 'Waiting in this node&#039;s buffer: 1 files', $late['description'] );
		$this->assertNotSame( 'critical', $fine['status'] );
		$this->assertStringContainsString( 'Waiting in this node&#039;s buffer: 0 files', $fine['description'] );
	}

	public function test_admins_see_rejected_events_counted_per_code_and_reason(): void {
		$this->collect(
			array(
				array(
					'id'    => 'evt_rej_000001',
					'event' => 'never_defined',
				),
				array(
					'id'    => 'evt_rej_000002',
					'event' => 'never_defined',
				),
				array(
					'id'    => 'evt_rej_000003',
					'event' => 'identity_conversion',
				),
			)
		);
		$this->log_in_as( 'administrator' );

		$rows = $this->rest( 'GET', '/footprints/v1/rejections' )->get_data();

		$this->assertSame(
			array( array( 'never_defined', 'footprints_unknown_event', 2 ), array( 'identity_conversion', 'footprints_server_only_event', 1 ) ),
			array_map( static fn( array $row ) => array( $row['event'], $row['reason'], $row['count'] ), $rows )
		);
	}

	public function test_retention_deletes_old_events_and_keeps_the_daily_totals(): void {
		$now = time();
		foreach ( array( 400, 394, 1 ) as $days_ago ) {
			$this->assertIsString( footprints_track( 'trial_click', array(), array( 'time' => ( $now - $days_ago * DAY_IN_SECONDS ) * 1000 ) ) );
		}

		$deleted = plugin()->drain_schedule()->purge();

		global $wpdb;
		$this->assertSame( 1, $deleted );
		$this->assertSame( 2, plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'] );
		$this->assertSame( '3', $wpdb->get_var( "SELECT SUM(events) FROM {$wpdb->prefix}footprints_daily WHERE code = 'trial_click'" ) );
	}
}
