<?php
/**
 * Syncing from a remote backend, against a real HTTP server on loopback
 * (LoopbackServer), so every request goes through WordPress' HTTP API and
 * its URL checks: what a good sync changes, what every kind of failure
 * keeps and says, the bounds (bytes, definitions, time, problems), and
 * that history survives. A real second site is in tests/e2e/sync.spec.ts.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Backend\RemoteBackendSettings;
use Footprints\Backend\Syncer;
use Footprints\Database\Lock;
use function Footprints\plugin;

final class SyncTest extends TestCase {

	private static LoopbackServer $backend;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$backend = new LoopbackServer( 'FOOTPRINTS_RECEIVER_PORT', 8893 );
		self::$backend->start();
	}

	public static function tearDownAfterClass(): void {
		self::$backend->stop();
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		self::$backend->answer( array( 'status' => 404 ) );
		plugin()->backend_settings()->save(
			array(
				'mode'   => RemoteBackendSettings::REMOTE,
				'url'    => self::$backend->url(),
				'app_id' => 'app_test',
			),
			'fpk_secret_key'
		);
		$this->log_in_as( 'administrator' );
	}

	protected function tearDown(): void {
		remove_all_filters( 'footprints_sync_timeout' );
		remove_all_filters( 'footprints_sync_deadline' );
		parent::tearDown();
	}

	public function test_a_first_sync_replaces_the_local_definitions_with_the_remotes_through_rest_route(): void {
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ), self::definition( 'invite_sent' ), self::system( 'authentication' ) ) ) );

		$response = $this->rest( 'POST', '/footprints/v1/sync' );

		$this->assertSame( 200, $response->get_status() );
		$status = $response->get_data();
		$this->assertSame( 'synced', $status['result'] );
		$this->assertSame( array( 2, 0, 1 ), array( $status['added'], $status['changed'], $status['removed'] ) );
		$this->assertSame( array( 'signed_up', 'invite_sent' ), $status['codes']['added'] );
		$this->assertSame( array( 'trial_click' ), $status['codes']['removed'] );
		$this->assertSame( 'Signed Up', plugin()->definitions()->find( 'signed_up' )['name'] );
		$this->assertNull( plugin()->definitions()->find( 'trial_click' ), 'the embedded starter definition is not on the remote, and was never triggered' );
		$this->assertSame( 'Signed In', plugin()->definitions()->find( 'authentication' )['name'], 'system events stay' );
		$request = self::$backend->requests()[0];
		$this->assertSame( 'Bearer fpk_secret_key', $request['headers']['authorization'] );
		$this->assertSame( 'app_test', $request['headers']['x-footprints-app-id'] );
		// ?rest_route= works on every WordPress, plain permalinks included.
		$this->assertStringStartsWith( '/?rest_route=/footprints/v1/definitions&', $request['uri'] );
		$this->assertSame( $status, $this->rest( 'GET', '/footprints/v1/sync' )->get_data() );
	}

	public function test_an_unchanged_remote_answers_304_and_nothing_is_written(): void {
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ) ), 'W/"r7"' ) );
		plugin()->syncer()->sync();
		$revision = plugin()->definitions()->revision();
		self::$backend->answer(
			array(
				'status'  => 304,
				'headers' => array( 'ETag' => 'W/"r7"' ),
			)
		);

		$status = plugin()->syncer()->sync();

		$this->assertSame( 'W/"r7"', self::$backend->requests()[0]['headers']['if-none-match'] );
		$this->assertSame( 'unchanged', $status['result'] );
		$this->assertSame( array( 0, 0, 0 ), array( $status['added'], $status['changed'], $status['removed'] ) );
		$this->assertSame( $revision, plugin()->definitions()->revision() );
	}

	public function test_a_second_sync_lists_what_was_added_changed_and_removed_by_code(): void {
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ), self::definition( 'invite_sent' ) ) ) );
		plugin()->syncer()->sync();
		$renamed         = self::definition( 'signed_up' );
		$renamed['name'] = 'Account Created';
		self::$backend->answer( self::page( array( $renamed, self::definition( 'plan_chosen' ) ), 'W/"r2"' ) );

		$status = plugin()->syncer()->sync();

		$this->assertSame(
			array(
				'added'   => array( 'plan_chosen' ),
				'changed' => array( 'signed_up' ),
				'removed' => array( 'invite_sent' ),
				'kept'    => array(),
			),
			$status['codes']
		);
		$this->assertSame( 'Account Created', plugin()->definitions()->find( 'signed_up' )['name'] );
		$this->assertNull( plugin()->definitions()->find( 'invite_sent' ) );
	}

	public function test_a_definition_with_history_that_the_backend_removed_is_kept_disabled_and_marked(): void {
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ), self::definition( 'invite_sent' ) ) ) );
		plugin()->syncer()->sync();
		plugin()->trigger_counter()->record( array( 'signed_up' => 3 ) );
		self::$backend->answer( self::page( array(), 'W/"r2"' ) );

		$status = plugin()->syncer()->sync();

		$kept = plugin()->definitions()->find( 'signed_up' );
		$this->assertEqualsCanonicalizing( array( 'signed_up', 'invite_sent' ), $status['codes']['removed'] );
		$this->assertSame( array( 'signed_up' ), $status['codes']['kept'] );
		$this->assertSame( array( 2, 1 ), array( $status['removed'], $status['kept'] ) );
		$this->assertFalse( $kept['enabled'], 'kept, but no longer tracked' );
		$this->assertSame( 3, $kept['trigger_count'] );
		$this->assertNotNull( $kept['removed_on_backend_at'] );
		$this->assertNull( plugin()->definitions()->find( 'invite_sent' ), 'never triggered: deleted' );

		self::$backend->answer( self::page( array(), 'W/"r3"' ) );
		$again = plugin()->syncer()->sync();
		$this->assertSame( array( 0, 0 ), array( $again['removed'], $again['kept'] ), 'reported once, not on every sync' );

		self::$backend->answer( self::page( array( self::definition( 'signed_up' ) ), 'W/"r4"' ) );
		$back = plugin()->syncer()->sync();
		$this->assertSame( array( 'signed_up' ), $back['codes']['changed'] );
		$this->assertTrue( plugin()->definitions()->find( 'signed_up' )['enabled'] );
		$this->assertNull( plugin()->definitions()->find( 'signed_up' )['removed_on_backend_at'] );
	}

	public function test_the_first_sync_over_local_history_waits_for_confirmation(): void {
		plugin()->trigger_counter()->record( array( 'trial_click' => 2 ) );
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ) ) ) );

		$before   = $this->rest( 'GET', '/footprints/v1/sync' )->get_data();
		$refused  = $this->rest( 'POST', '/footprints/v1/sync' );
		$requests = self::$backend->requests();
		$synced   = $this->rest( 'POST', '/footprints/v1/sync', array( 'confirm' => true ) );

		$this->assertTrue( $before['first_sync'] );
		$this->assertSame(
			array(
				'count' => 1,
				'codes' => array( 'trial_click' ),
			),
			$before['local_history']
		);
		$this->assertSame( 409, $refused->get_status() );
		$this->assertSame( 'footprints_sync_needs_confirmation', $refused->as_error()->get_error_code() );
		$this->assertStringContainsString( 'kept but disabled', $refused->as_error()->get_error_message() );
		$this->assertSame( array(), $requests, 'nothing is asked of the backend before the confirmation' );
		$this->assertSame( 200, $synced->get_status() );
		$this->assertSame( array( 'trial_click' ), $synced->get_data()['codes']['kept'] );
		$this->assertFalse( $synced->get_data()['first_sync'] );
	}

	public function test_all_pages_are_pulled(): void {
		$first = array_map( fn( $i ) => self::definition( 'event_' . $i ), range( 1, 100 ) );
		self::$backend->answer( self::page( $first, 'W/"r1"', 101 ), self::page( array( self::definition( 'event_101' ) ), 'W/"r1"', 101 ) );

		$status = plugin()->syncer()->sync();

		$this->assertSame( 101, $status['added'] );
		$this->assertStringContainsString( '&page=2', self::$backend->requests()[1]['uri'] );
		$this->assertNotNull( plugin()->definitions()->find( 'event_101' ) );
	}

	/**
	 * @dataProvider failures
	 *
	 * @param array<string, mixed> $answer  What the remote does.
	 * @param string               $code    Error code recorded.
	 * @param string               $message Words of the message recorded.
	 */
	public function test_a_failed_sync_keeps_the_last_good_copy_and_records_why( array $answer, string $code, string $message ): void {
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ) ) ) );
		$good = plugin()->syncer()->sync();
		self::$backend->answer( $answer );
		add_filter( 'footprints_sync_timeout', static fn() => 1 );

		$response = $this->rest( 'POST', '/footprints/v1/sync' );

		$this->assertSame( 502, $response->get_status() );
		$this->assertSame( $code, $response->as_error()->get_error_code() );
		$this->assertStringContainsString( $message, $response->as_error()->get_error_message() );
		$this->assertSame( 'Signed Up', plugin()->definitions()->find( 'signed_up' )['name'], 'the last good copy is kept' );
		$status = plugin()->sync_status()->get();
		$this->assertSame( 'error', $status['result'] );
		$this->assertSame( $code, $status['error']['code'] );
		$this->assertSame( $good['last_success'], $status['last_success'] );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string, 2: string}>
	 */
	public static function failures(): array {
		return array(
			'slower than the timeout' => array(
				array(
					'status'   => 200,
					'body'     => '[]',
					'delay_ms' => 1500,
				),
				'footprints_remote_deadline',
				'took too long',
			),
			'server error'            => array( self::status( 500, '{"code":"internal_server_error","message":"Database down"}' ), 'footprints_remote_http_error', 'HTTP 500' ),
			'not found'               => array( self::status( 404, '{"code":"rest_no_route"}' ), 'footprints_remote_http_error', 'HTTP 404' ),
			'wrong key'               => array( self::status( 401, '{"code":"footprints_invalid_api_key","message":"This API key is not valid"}' ), 'footprints_remote_unauthorized', 'refused the app ID and API key' ),
			'invalid JSON'            => array( self::status( 200, '<html>Welcome to nginx</html>' ), 'footprints_remote_invalid_response', 'without a JSON list of definitions' ),
			'an object'               => array( self::status( 200, '{"definitions":[]}' ), 'footprints_remote_invalid_response', 'without a JSON list' ),
			'fewer than told'         => array( self::page( array(), 'W/"r9"', 5 ), 'footprints_remote_incomplete', 'announced 5 definitions but sent 0' ),
			'more than 2 MB'          => array(
				array(
					'status' => 200,
					'repeat' => array(
						'text'  => str_repeat( ' ', 1024 ),
						'times' => 2 * 1024 + 1,
					),
				),
				'footprints_remote_too_large',
				'more than 2 MB',
			),
		);
	}

	public function test_a_backend_that_is_down_keeps_the_last_good_copy(): void {
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ) ) ) );
		plugin()->syncer()->sync();
		self::$backend->stop();
		try {
			$error = plugin()->syncer()->sync();
		} finally {
			self::$backend->start();
		}

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'footprints_remote_unreachable', $error->get_error_code() );
		$this->assertStringContainsString( 'Could not reach the backend at ' . self::$backend->url(), $error->get_error_message() );
		$this->assertNotNull( plugin()->definitions()->find( 'signed_up' ) );
	}

	public function test_a_backend_announcing_more_than_10000_definitions_is_refused_before_paging(): void {
		$first = array_map( fn( $i ) => self::definition( 'event_' . $i ), range( 1, 100 ) );
		self::$backend->answer( self::page( $first, 'W/"r1"', 10001 ) );

		$error = plugin()->syncer()->sync();

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'footprints_remote_too_many', $error->get_error_code() );
		$this->assertStringContainsString( 'The backend has 10,001 definitions; a sync takes at most 10,000', $error->get_error_message() );
		$this->assertCount( 1, self::$backend->requests(), 'no page after the first' );
		$this->assertNull( plugin()->definitions()->find( 'event_1' ) );
	}

	public function test_a_sync_past_its_deadline_stops_and_keeps_the_last_good_copy(): void {
		add_filter( 'footprints_sync_deadline', static fn() => 1 );
		$page    = static fn( int $number ) => array( 'delay_ms' => 400 ) + self::page( array_map( fn( $i ) => self::definition( "event_{$number}_$i" ), range( 1, 100 ) ), 'W/"r1"', 500 );
		self::$backend->answer( $page( 1 ), $page( 2 ), $page( 3 ), $page( 4 ), $page( 5 ) );
		$started = microtime( true );

		$error = plugin()->syncer()->sync();

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'footprints_sync_deadline', $error->get_error_code() );
		$this->assertStringContainsString( 'The sync took longer than 1 seconds', $error->get_error_message() );
		$this->assertLessThan( 5, count( self::$backend->requests() ), 'stopped before the last page' );
		$this->assertLessThan( 1.5, microtime( true ) - $started, 'the deadline holds within a request' );
		$this->assertNull( plugin()->definitions()->find( 'event_1_1' ) );
		$this->assertNotNull( plugin()->definitions()->find( 'trial_click' ) );
	}

	public function test_a_definition_that_breaks_the_schema_fails_the_sync_with_its_problem(): void {
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ) ) ) );
		plugin()->syncer()->sync();
		$bad_color          = self::definition( 'trial_started' );
		$bad_color['color'] = 'green';
		$bad_code           = self::definition( 'ok_code' );
		$bad_code['code']   = 'Bad Code';
		$taken              = self::definition( 'form_submission' );
		self::$backend->answer( self::page( array( self::definition( 'invite_sent' ), $bad_color, $bad_code, $taken ), 'W/"r3"' ) );

		$error = plugin()->syncer()->sync();

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'footprints_remote_invalid_definitions', $error->get_error_code() );
		$this->assertStringContainsString( '3 definitions from the backend break the definition schema', $error->get_error_message() );
		$problems = plugin()->sync_status()->get()['problems'];
		$this->assertSame( array( 'trial_started', 'Bad Code', 'form_submission' ), array_column( $problems, 'code' ) );
		$this->assertStringContainsString( 'color', $problems[0]['message'] );
		$this->assertStringContainsString( 'system event', $problems[2]['message'] );
		$this->assertNull( plugin()->definitions()->find( 'invite_sent' ), 'nothing of the bad sync is stored' );
		$this->assertNotNull( plugin()->definitions()->find( 'signed_up' ) );
	}

	public function test_at_most_50_problems_are_kept_and_all_are_counted(): void {
		$bad = array_map(
			static function ( int $i ): array {
				$definition          = self::definition( 'bad_' . $i );
				$definition['color'] = 'green';
				return $definition;
			},
			range( 1, 80 )
		);
		self::$backend->answer( self::page( $bad ) );

		plugin()->syncer()->sync();

		$status = plugin()->sync_status()->get();
		$this->assertCount( 50, $status['problems'] );
		$this->assertSame( 80, $status['problems_total'] );
		$this->assertSame( 'bad_50', $status['problems'][49]['code'] );
		$this->assertStringContainsString( '80 definitions from the backend', $status['error']['message'] );
	}

	public function test_a_backend_that_sends_no_counts_or_etag_is_synced_from_its_one_page(): void {
		self::$backend->answer( self::status( 200, (string) wp_json_encode( array( self::definition( 'signed_up' ) ) ) ) );

		$status = plugin()->syncer()->sync();

		$this->assertSame( 'synced', $status['result'] );
		$this->assertNotNull( plugin()->definitions()->find( 'signed_up' ) );
		$this->assertCount( 1, self::$backend->requests() );
	}

	public function test_a_failing_second_page_stores_nothing(): void {
		$first = array_map( fn( $i ) => self::definition( 'event_' . $i ), range( 1, 100 ) );
		self::$backend->answer( self::page( $first, 'W/"r1"', 150 ), self::status( 500, '{}' ) );

		$error = plugin()->syncer()->sync();

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertNull( plugin()->definitions()->find( 'event_1' ) );
		$this->assertNotNull( plugin()->definitions()->find( 'trial_click' ) );
	}

	public function test_a_remote_that_changes_during_the_sync_stores_nothing(): void {
		$first = array_map( fn( $i ) => self::definition( 'event_' . $i ), range( 1, 100 ) );
		self::$backend->answer( self::page( $first, 'W/"r1"', 101 ), self::page( array( self::definition( 'event_101' ) ), 'W/"r2"', 101 ) );

		$error = plugin()->syncer()->sync();

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'footprints_remote_changed', $error->get_error_code() );
		$this->assertNull( plugin()->definitions()->find( 'event_1' ) );
	}

	public function test_a_second_sync_of_this_site_while_one_runs_is_a_409_and_touches_nothing(): void {
		global $wpdb;
		$other = new \wpdb( DB_USER, DB_PASSWORD, DB_NAME, DB_HOST );
		$other->set_prefix( $wpdb->prefix );
		$lock = Lock::for_site( $other, 'sync' );
		$this->assertTrue( $lock->acquire( 0 ) );
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ) ) ) );

		$response = $this->rest( 'POST', '/footprints/v1/sync' );
		$lock->release();
		$other->close();

		$this->assertSame( 409, $response->get_status() );
		$this->assertStringContainsString( 'already running', $response->as_error()->get_error_message() );
		$this->assertSame( array(), self::$backend->requests() );
		$this->assertNull( plugin()->definitions()->find( 'signed_up' ) );
	}

	public function test_two_sites_on_one_database_server_sync_at_once(): void {
		// Another site on the same server: another table prefix (as a site of
		// a network has), syncing right now on its own connection.
		$other = new \wpdb( DB_USER, DB_PASSWORD, DB_NAME, DB_HOST );
		$other->set_prefix( 'wpother_' );
		$other_sync = Lock::for_site( $other, 'sync' );
		$this->assertTrue( $other_sync->acquire( 0 ) );
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ) ) ) );

		$response = $this->rest( 'POST', '/footprints/v1/sync' );
		$other_sync->release();
		$other->close();

		$this->assertSame( 200, $response->get_status(), 'this site does not wait for the other' );
		$this->assertSame( 'synced', $response->get_data()['result'] );
		$this->assertNotSame( $other_sync->name(), Lock::for_site( $GLOBALS['wpdb'], 'sync' )->name() );
	}

	public function test_syncing_without_a_remote_backend_is_a_409(): void {
		plugin()->backend_settings()->save( array( 'mode' => RemoteBackendSettings::EMBEDDED ) );

		$response = $this->rest( 'POST', '/footprints/v1/sync' );

		$this->assertSame( 409, $response->get_status() );
		$this->assertStringContainsString( 'Connect a remote backend first', $response->as_error()->get_error_message() );
		$this->assertSame( array(), self::$backend->requests() );
	}

	public function test_only_admins_sync_or_see_the_connection(): void {
		$this->log_in_as( 'editor' );

		$this->assertSame( 403, $this->rest( 'POST', '/footprints/v1/sync' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/sync' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/connection' )->get_status() );
		$this->assertSame( 403, $this->rest( 'PUT', '/footprints/v1/connection', array( 'mode' => 'embedded' ) )->get_status() );
		$this->assertSame( array(), self::$backend->requests() );
	}

	public function test_the_api_key_never_leaves_the_server(): void {
		self::$backend->answer( self::status( 401, '{}' ) );
		plugin()->syncer()->sync();

		$connection = $this->rest( 'GET', '/footprints/v1/connection' )->get_data();
		$settings   = $this->rest( 'GET', '/wp/v2/settings' )->get_data();
		$status     = $this->rest( 'GET', '/footprints/v1/sync' )->get_data();

		$this->assertTrue( $connection['has_api_key'] );
		$this->assertArrayNotHasKey( 'api_key', $connection );
		$this->assertArrayNotHasKey( 'footprints_backend', $settings, 'changed only through footprints/v1/connection, which checks the URL' );
		$this->assertStringNotContainsString( 'fpk_secret_key', (string) wp_json_encode( array( $connection, $settings, $status ) ) );
	}

	public function test_saving_a_remote_connection_without_a_url_is_a_400_naming_the_field(): void {
		$response = $this->rest(
			'PUT',
			'/footprints/v1/connection',
			array(
				'mode' => RemoteBackendSettings::REMOTE,
				'url'  => '',
			)
		);

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'url', $response->as_error()->get_error_data()['field'] );
		$this->assertSame( self::$backend->url(), plugin()->backend_settings()->url() );
	}

	public function test_a_stored_key_can_be_removed_and_a_sync_then_says_it_is_missing(): void {
		$response = $this->rest( 'PUT', '/footprints/v1/connection', array( 'remove_api_key' => true ) );
		$error    = plugin()->syncer()->sync();

		$this->assertSame( 200, $response->get_status() );
		$this->assertFalse( $response->get_data()['has_api_key'] );
		$this->assertSame( '', plugin()->backend_settings()->api_key() );
		$this->assertFalse( get_option( RemoteBackendSettings::KEY_OPTION ) );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertStringContainsString( 'No API key is stored', $error->get_error_message() );
		$this->assertSame( array(), self::$backend->requests() );
	}

	public function test_testing_a_connection_reports_the_remote_total_or_why_not(): void {
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ) ), 'W/"r1"', 13 ) );
		$ok = $this->rest( 'POST', '/footprints/v1/connection/test', array( 'api_key' => 'fpk_other' ) );
		$this->assertSame( 'Bearer fpk_other', self::$backend->requests()[0]['headers']['authorization'] );
		self::$backend->answer( self::status( 401, '{}' ) );
		$refused = $this->rest( 'POST', '/footprints/v1/connection/test' );

		$this->assertSame( 13, $ok->get_data()['total'] );
		$this->assertSame( 'Bearer fpk_secret_key', self::$backend->requests()[0]['headers']['authorization'], 'the stored key, for its own URL' );
		$this->assertSame( 502, $refused->get_status() );
		$this->assertStringContainsString( 'refused the app ID and API key', $refused->as_error()->get_error_message() );
	}

	public function test_the_hourly_cron_syncs_while_remote(): void {
		self::$backend->answer( self::page( array( self::definition( 'signed_up' ) ) ) );
		plugin()->syncer()->schedule();

		do_action( 'footprints_sync' );

		$this->assertNotFalse( wp_next_scheduled( Syncer::CRON_HOOK ) );
		$this->assertNotNull( plugin()->definitions()->find( 'signed_up' ) );
		plugin()->backend_settings()->save( array( 'mode' => RemoteBackendSettings::EMBEDDED ) );
		plugin()->syncer()->schedule();
		$this->assertFalse( wp_next_scheduled( Syncer::CRON_HOOK ) );
	}

	/**
	 * A remote definition as the API serves it.
	 *
	 * @param string $code Code.
	 * @return array<string, mixed>
	 */
	public static function definition( string $code ): array {
		return array(
			'code'               => $code,
			'name'               => ucwords( str_replace( '_', ' ', $code ) ),
			'color'              => '#112233',
			'description'        => 'Remote ' . $code,
			'enabled'            => true,
			'attributes'         => array( 'plan' => 'string' ),
			'system'             => false,
			'trigger_count'      => 0,
			'first_triggered_at' => null,
			'created_at'         => '2026-01-02T03:04:05Z',
			'updated_at'         => '2026-01-02T03:04:05Z',
		);
	}

	/**
	 * A remote system event.
	 *
	 * @param string $code Code.
	 * @return array<string, mixed>
	 */
	private static function system( string $code ): array {
		return array(
			'system' => true,
			'name'   => 'Renamed Remotely',
		) + self::definition( $code );
	}

	/**
	 * A 200 list page, as the receiver answers it.
	 *
	 * @param list<array<string, mixed>> $items Definitions.
	 * @param string                     $etag  ETag.
	 * @param int|null                   $total X-WP-Total (default: the items).
	 * @return array<string, mixed>
	 */
	public static function page( array $items, string $etag = 'W/"r1"', ?int $total = null ): array {
		$total = $total ?? count( $items );
		return array(
			'status'  => 200,
			'headers' => array(
				'ETag'            => $etag,
				'X-WP-Total'      => (string) $total,
				'X-WP-TotalPages' => (string) max( 1, (int) ceil( $total / 100 ) ),
			),
			'body'    => (string) wp_json_encode( $items ),
		);
	}

	/**
	 * An answer with this status and body.
	 *
	 * @param int    $code HTTP status.
	 * @param string $body Body.
	 * @return array<string, mixed>
	 */
	public static function status( int $code, string $body ): array {
		return array(
			'status' => $code,
			'body'   => $body,
		);
	}
}
