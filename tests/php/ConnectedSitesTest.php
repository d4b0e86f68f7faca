<?php
/**
 * The hub: each connected site with its own app ID and key, revocable and
 * rotatable one by one, listed for the admin, and handed to the collector
 * through footprints_accepted_app_ids.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class ConnectedSitesTest extends TestCase {

	/**
	 * Times footprints_collector_config_changed fired.
	 *
	 * @var int
	 */
	private int $config_changes = 0;

	protected function setUp(): void {
		parent::setUp();
		add_action( 'footprints_collector_config_changed', array( $this, 'count_config_change' ) );
		$this->log_in_as( 'administrator' );
	}

	protected function tearDown(): void {
		remove_action( 'footprints_collector_config_changed', array( $this, 'count_config_change' ) );
		parent::tearDown();
	}

	/**
	 * Counts the collector's signal.
	 */
	public function count_config_change(): void {
		++$this->config_changes;
	}

	public function test_two_sites_have_separate_keys_and_revoking_one_leaves_the_other_working(): void {
		$shop = $this->add_site( 'shop.example.com' );
		$blog = $this->add_site( 'blog.example.com' );
		wp_set_current_user( 0 );

		$this->assertNotSame( $shop['site']['app_id'], $blog['site']['app_id'] );
		$this->assertMatchesRegularExpression( '/^app_[a-z0-9]{12}$/', $shop['site']['app_id'] );
		$this->assertMatchesRegularExpression( '/^fpk_[A-Za-z0-9]{40}$/', $shop['api_key'] );
		$this->assertSame( 200, $this->read_as( $shop['site']['app_id'], $shop['api_key'] )->get_status() );
		$this->assertSame( 200, $this->read_as( $blog['site']['app_id'], $blog['api_key'] )->get_status() );
		$crossed = $this->read_as( $blog['site']['app_id'], $shop['api_key'] );
		$this->assertSame( 401, $crossed->get_status(), 'one site\'s key does not open another\'s app ID' );
		$this->assertStringContainsString( 'not valid for the app ID ' . $blog['site']['app_id'], $crossed->as_error()->get_error_message() );

		$this->log_in_as( 'administrator' );
		$revoked = $this->rest( 'POST', '/footprints/v1/sites/' . $shop['site']['app_id'] . '/revoke' );
		wp_set_current_user( 0 );
		$refused = $this->read_as( $shop['site']['app_id'], $shop['api_key'] );

		$this->assertSame( 'revoked', $revoked->get_data()['status'] );
		$this->assertSame( 401, $refused->get_status() );
		$this->assertSame( 'footprints_site_revoked', $refused->as_error()->get_error_code() );
		$this->assertStringContainsString( 'The hub revoked this site\'s access ("shop.example.com"', $refused->as_error()->get_error_message() );
		$this->assertSame( 200, $this->read_as( $blog['site']['app_id'], $blog['api_key'] )->get_status(), 'the other site keeps working' );
		$this->assertSame( array( $blog['site']['app_id'] ), plugin()->connected_sites()->active_app_ids() );
		$this->assertSame( 3, $this->config_changes, 'added, added, revoked' );
	}

	public function test_rotating_a_key_stops_the_old_one_at_once(): void {
		$shop    = $this->add_site( 'shop.example.com' );
		$rotated = $this->rest( 'POST', '/footprints/v1/sites/' . $shop['site']['app_id'] . '/key' )->get_data();
		wp_set_current_user( 0 );

		$this->assertSame( $shop['site']['app_id'], $rotated['site']['app_id'], 'the app ID stays' );
		$this->assertNotSame( $shop['api_key'], $rotated['api_key'] );
		$this->assertSame( 401, $this->read_as( $shop['site']['app_id'], $shop['api_key'] )->get_status() );
		$this->assertSame( 200, $this->read_as( $shop['site']['app_id'], $rotated['api_key'] )->get_status() );
		$this->assertSame( 2, $this->config_changes );
	}

	public function test_the_collector_accepts_the_active_sites_and_not_the_revoked_ones(): void {
		$shop = $this->add_site( 'shop.example.com' );
		$blog = $this->add_site( 'blog.example.com' );
		plugin()->connected_sites()->revoke( $shop['site']['app_id'] );

		$accepted = apply_filters( 'footprints_accepted_app_ids', array( 'app_thehub00000' ) );

		$this->assertSame( array( 'app_thehub00000', $blog['site']['app_id'] ), $accepted );
	}

	public function test_the_list_shows_each_site_and_never_a_key_or_its_hash(): void {
		$shop = $this->add_site( 'shop.example.com' );
		$blog = $this->add_site( 'blog.example.com' );
		plugin()->connected_sites()->revoke( $shop['site']['app_id'] );
		wp_set_current_user( 0 );
		$this->read_as( $blog['site']['app_id'], $blog['api_key'] );
		$this->log_in_as( 'administrator' );

		$list = $this->rest( 'GET', '/footprints/v1/sites' );
		$json = (string) wp_json_encode( $list->get_data() );
		$rows = array_column( $list->get_data(), null, 'app_id' );

		$this->assertSame( 200, $list->get_status() );
		$this->assertSame( 'blog.example.com', $rows[ $blog['site']['app_id'] ]['name'] );
		$this->assertSame( 'active', $rows[ $blog['site']['app_id'] ]['status'] );
		$this->assertNotNull( $rows[ $blog['site']['app_id'] ]['last_sync_at'], 'its sync was recorded' );
		$this->assertSame( 'revoked', $rows[ $shop['site']['app_id'] ]['status'] );
		$this->assertNull( $rows[ $shop['site']['app_id'] ]['last_sync_at'] );
		$this->assertStringNotContainsString( $shop['api_key'], $json );
		$this->assertStringNotContainsString( hash( 'sha256', $blog['api_key'] ), $json );
		$this->assertArrayHasKey( 'events_7d', $rows[ $blog['site']['app_id'] ] );
	}

	public function test_the_hub_itself_is_listed_first_once_it_has_an_app_id(): void {
		update_option( 'footprints_site_app_id', 'app_hubitself000' );
		$this->add_site( 'shop.example.com' );

		$list = $this->rest( 'GET', '/footprints/v1/sites' )->get_data();

		$this->assertSame( 'app_hubitself000', $list[0]['app_id'] );
		$this->assertSame( 'This site (the hub)', $list[0]['name'] );
		$this->assertSame( 'hub', $list[0]['status'] );
		$this->assertSame( 'shop.example.com', $list[1]['name'] );
	}

	public function test_an_unknown_app_id_is_refused_with_what_to_do(): void {
		wp_set_current_user( 0 );

		$response = $this->read_as( 'app_neveradded00', 'fpk_anything' );

		$this->assertSame( 401, $response->get_status() );
		$this->assertStringContainsString( 'is not connected to this hub', $response->as_error()->get_error_message() );
	}

	public function test_a_site_needs_a_name_and_only_admins_manage_sites(): void {
		$nameless = $this->rest( 'POST', '/footprints/v1/sites', array( 'name' => '   ' ) );
		$shop     = $this->add_site( 'shop.example.com' );
		$this->log_in_as( 'editor' );

		$this->assertSame( 400, $nameless->get_status() );
		$this->assertStringContainsString( 'name: enter a name', $nameless->as_error()->get_error_message() );
		$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/sites' )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', '/footprints/v1/sites', array( 'name' => 'x' ) )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', '/footprints/v1/sites/' . $shop['site']['app_id'] . '/revoke' )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', '/footprints/v1/sites/' . $shop['site']['app_id'] . '/key' )->get_status() );
		$this->assertSame( array( $shop['site']['app_id'] ), plugin()->connected_sites()->active_app_ids() );
	}

	public function test_a_revoked_site_cannot_get_a_new_key(): void {
		$shop = $this->add_site( 'shop.example.com' );
		$this->rest( 'POST', '/footprints/v1/sites/' . $shop['site']['app_id'] . '/revoke' );

		$response = $this->rest( 'POST', '/footprints/v1/sites/' . $shop['site']['app_id'] . '/key' );

		$this->assertSame( 409, $response->get_status() );
		$this->assertStringContainsString( 'add it as a new site', $response->as_error()->get_error_message() );
	}

	public function test_each_site_shows_its_last_event_and_its_events_of_the_last_7_days(): void {
		global $wpdb;
		$shop  = $this->add_site( 'shop.example.com' )['site']['app_id'];
		$blog  = $this->add_site( 'blog.example.com' )['site']['app_id'];
		$quiet = $this->add_site( 'quiet.example.com' )['site']['app_id'];
		// The events table as the collector shapes it (events tagged by app
		// ID), as a temporary table that shadows the real one for this test.
		$wpdb->query(
			"CREATE TEMPORARY TABLE {$wpdb->prefix}footprints_events (
				id bigint(20) unsigned NOT NULL AUTO_INCREMENT, event_id varchar(64) NOT NULL, code varchar(64) NOT NULL,
				app_id varchar(64) NOT NULL DEFAULT '', occurred_at datetime(3) NOT NULL, received_at datetime(3) NOT NULL,
				PRIMARY KEY (id), KEY app_occurred (app_id, occurred_at)
			)"
		);
		$now   = time();
		$event = static function ( string $app_id, int $days_ago, int $received_later = 0 ) use ( $wpdb, $now ): void {
			$occurred = $now - $days_ago * DAY_IN_SECONDS;
			$wpdb->insert(
				$wpdb->prefix . 'footprints_events',
				array(
					'event_id'    => wp_generate_password( 20, false ),
					'code'        => 'trial_click',
					'app_id'      => $app_id,
					'occurred_at' => gmdate( 'Y-m-d H:i:s', $occurred ),
					'received_at' => gmdate( 'Y-m-d H:i:s', $occurred + $received_later ),
				)
			);
		};
		$event( $shop, 1, 5 );
		$event( $shop, 3 );
		$event( $shop, 10 );
		$event( $blog, 30 );
		$event( 'app_someoneelse', 1 );

		$rows = array_column( ( new \Footprints\Backend\ConnectedSites( $wpdb, new \Footprints\Backend\SiteActivity( $wpdb ) ) )->all(), null, 'app_id' );
		$wpdb->query( "DROP TEMPORARY TABLE {$wpdb->prefix}footprints_events" );

		$this->assertSame( 2, $rows[ $shop ]['events_7d'] );
		$this->assertSame( gmdate( 'Y-m-d\TH:i:s\Z', $now - DAY_IN_SECONDS + 5 ), $rows[ $shop ]['last_event_at'], 'when the newest was received' );
		$this->assertSame( 0, $rows[ $blog ]['events_7d'] );
		$this->assertSame( gmdate( 'Y-m-d\TH:i:s\Z', $now - 30 * DAY_IN_SECONDS ), $rows[ $blog ]['last_event_at'] );
		$this->assertSame( 0, $rows[ $quiet ]['events_7d'] );
		$this->assertNull( $rows[ $quiet ]['last_event_at'] );
	}

	/**
	 * Adds a site through the REST route, as the Connection tab does.
	 *
	 * @param string $name Site name.
	 * @return array{site: array<string, mixed>, api_key: string}
	 */
	private function add_site( string $name ): array {
		$response = $this->rest( 'POST', '/footprints/v1/sites', array( 'name' => $name ) );
		$this->assertSame( 201, $response->get_status() );
		return $response->get_data();
	}

	/**
	 * GET the definitions with an app ID and key, as a connected site does.
	 *
	 * @param string $app_id App ID.
	 * @param string $key    API key.
	 */
	private function read_as( string $app_id, string $key ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'GET', '/footprints/v1/definitions' );
		$request->set_header( 'Authorization', 'Bearer ' . $key );
		$request->set_header( 'X-Footprints-App-Id', $app_id );
		return rest_do_request( $request );
	}
}
