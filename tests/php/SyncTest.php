<?php
/**
 * Syncing from a remote backend: what a good sync changes, and that every
 * kind of failure keeps the last good copy and says why. The remote is
 * played through pre_http_request; ContractTest-like runs against a real
 * second site are in tests/e2e/sync.spec.ts.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Backend\Connection;
use Footprints\Backend\Syncer;
use function Footprints\plugin;

final class SyncTest extends TestCase {

	private const URL = 'http://backend.example.test';

	/**
	 * Requests the sync made: URL and headers.
	 *
	 * @var list<array{url: string, headers: array<string, string>}>
	 */
	private array $requests = array();

	/**
	 * What the remote answers, page by page (last one repeats).
	 *
	 * @var list<array<string, mixed>|\WP_Error>
	 */
	private array $answers = array();

	protected function setUp(): void {
		parent::setUp();
		plugin()->connection()->save(
			array(
				'mode'   => Connection::REMOTE,
				'url'    => self::URL,
				'app_id' => 'app_test',
			),
			'fpk_secret_key'
		);
		add_filter( 'pre_http_request', array( $this, 'answer' ), 10, 3 );
		$this->log_in_as( 'administrator' );
	}

	protected function tearDown(): void {
		remove_filter( 'pre_http_request', array( $this, 'answer' ) );
		remove_all_filters( 'footprints_sync_timeout' );
		parent::tearDown();
	}

	/**
	 * The fake remote.
	 *
	 * @param mixed                $pre  Short-circuit value.
	 * @param array<string, mixed> $args Request arguments.
	 * @param string               $url  URL.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function answer( $pre, array $args, string $url ) {
		$this->requests[] = array(
			'url'     => $url,
			'headers' => $args['headers'],
		);
		return count( $this->answers ) > 1 ? array_shift( $this->answers ) : $this->answers[0];
	}

	public function test_a_first_sync_replaces_the_local_definitions_with_the_remotes(): void {
		$this->answers = array( self::page( array( self::definition( 'signed_up' ), self::definition( 'invite_sent' ), self::system( 'authentication' ) ) ) );

		$response = $this->rest( 'POST', '/footprints/v1/sync' );

		$this->assertSame( 200, $response->get_status() );
		$status = $response->get_data();
		$this->assertSame( 'synced', $status['result'] );
		$this->assertSame( array( 2, 0, 1 ), array( $status['added'], $status['changed'], $status['removed'] ) );
		$this->assertSame( 'Signed Up', plugin()->definitions()->find( 'signed_up' )['name'] );
		$this->assertNull( plugin()->definitions()->find( 'trial_click' ), 'the embedded starter definition is not on the remote' );
		$this->assertSame( 'Signed In', plugin()->definitions()->find( 'authentication' )['name'], 'system events stay' );
		$this->assertSame( 'Bearer fpk_secret_key', $this->requests[0]['headers']['Authorization'] );
		$this->assertSame( 'app_test', $this->requests[0]['headers']['X-Footprints-App-Id'] );
		$this->assertStringStartsWith( self::URL . '/wp-json/footprints/v1/definitions?', $this->requests[0]['url'] );
		$this->assertSame( $status, $this->rest( 'GET', '/footprints/v1/sync' )->get_data() );
	}

	public function test_an_unchanged_remote_answers_304_and_nothing_is_written(): void {
		$this->answers = array( self::page( array( self::definition( 'signed_up' ) ), 'W/"r7"' ) );
		plugin()->syncer()->sync();
		$revision      = plugin()->definitions()->revision();
		$this->answers = array(
			array(
				'response' => array( 'code' => 304 ),
				'headers'  => array( 'etag' => 'W/"r7"' ),
				'body'     => '',
			),
		);

		$status = plugin()->syncer()->sync();

		$this->assertSame( 'W/"r7"', $this->requests[1]['headers']['If-None-Match'] );
		$this->assertSame( 'unchanged', $status['result'] );
		$this->assertSame( array( 0, 0, 0 ), array( $status['added'], $status['changed'], $status['removed'] ) );
		$this->assertSame( $revision, plugin()->definitions()->revision() );
	}

	public function test_a_second_sync_reports_what_was_added_changed_and_removed(): void {
		$this->answers = array( self::page( array( self::definition( 'signed_up' ), self::definition( 'invite_sent' ) ) ) );
		plugin()->syncer()->sync();
		$renamed         = self::definition( 'signed_up' );
		$renamed['name'] = 'Account Created';
		$this->answers   = array( self::page( array( $renamed, self::definition( 'plan_chosen' ) ), 'W/"r2"' ) );

		$status = plugin()->syncer()->sync();

		$this->assertSame( array( 1, 1, 1 ), array( $status['added'], $status['changed'], $status['removed'] ) );
		$this->assertSame( 'Account Created', plugin()->definitions()->find( 'signed_up' )['name'] );
		$this->assertNull( plugin()->definitions()->find( 'invite_sent' ) );
	}

	public function test_all_pages_are_pulled(): void {
		$first         = array_map( fn( $i ) => self::definition( 'event_' . $i ), range( 1, 100 ) );
		$this->answers = array( self::page( $first, 'W/"r1"', 101 ), self::page( array( self::definition( 'event_101' ) ), 'W/"r1"', 101 ) );

		$status = plugin()->syncer()->sync();

		$this->assertSame( 101, $status['added'] );
		$this->assertStringContainsString( 'page=2', $this->requests[1]['url'] );
		$this->assertNotNull( plugin()->definitions()->find( 'event_101' ) );
	}

	/**
	 * @dataProvider failures
	 *
	 * @param array<string, mixed>|\WP_Error $answer  What the remote does.
	 * @param string                         $code    Error code recorded.
	 * @param string                         $message Words of the message recorded.
	 */
	public function test_a_failed_sync_keeps_the_last_good_copy_and_records_why( $answer, string $code, string $message ): void {
		$this->answers = array( self::page( array( self::definition( 'signed_up' ) ) ) );
		$good          = plugin()->syncer()->sync();
		$this->answers = array( $answer );

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
	 * @return array<string, array{0: array<string, mixed>|\WP_Error, 1: string, 2: string}>
	 */
	public static function failures(): array {
		$garbage = array(
			'response' => array( 'code' => 200 ),
			'headers'  => array(),
			'body'     => '<html>Welcome to nginx</html>',
		);
		return array(
			'timeout'            => array( new \WP_Error( 'http_request_failed', 'cURL error 28: Operation timed out after 15001 milliseconds' ), 'footprints_remote_unreachable', 'timed out' ),
			'connection refused' => array( new \WP_Error( 'http_request_failed', 'cURL error 7: Failed to connect' ), 'footprints_remote_unreachable', 'Check the URL' ),
			'server error'       => array( self::status( 500, '{"code":"internal_server_error","message":"Database down"}' ), 'footprints_remote_http_error', 'HTTP 500' ),
			'not found'          => array( self::status( 404, '{"code":"rest_no_route"}' ), 'footprints_remote_http_error', 'HTTP 404' ),
			'wrong key'          => array( self::status( 401, '{"code":"footprints_invalid_api_key","message":"This API key is not valid"}' ), 'footprints_remote_unauthorized', 'refused the app ID and API key' ),
			'invalid JSON'       => array( $garbage, 'footprints_remote_invalid_response', 'without a JSON list of definitions' ),
			'an object'          => array( self::status( 200, '{"definitions":[]}' ), 'footprints_remote_invalid_response', 'without a JSON list' ),
			'fewer than told'    => array( self::page( array(), 'W/"r9"', 5 ), 'footprints_remote_incomplete', 'announced 5 definitions but sent 0' ),
		);
	}

	public function test_a_definition_that_breaks_the_schema_fails_the_sync_with_its_problem(): void {
		$this->answers = array( self::page( array( self::definition( 'signed_up' ) ) ) );
		plugin()->syncer()->sync();
		$bad_color          = self::definition( 'trial_started' );
		$bad_color['color'] = 'green';
		$bad_code           = self::definition( 'ok_code' );
		$bad_code['code']   = 'Bad Code';
		$taken              = self::definition( 'form_submission' );
		$this->answers      = array( self::page( array( self::definition( 'invite_sent' ), $bad_color, $bad_code, $taken ), 'W/"r3"' ) );

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

	public function test_a_backend_that_sends_no_counts_or_etag_is_synced_from_its_one_page(): void {
		$this->answers = array( self::status( 200, (string) wp_json_encode( array( self::definition( 'signed_up' ) ) ) ) );

		$status = plugin()->syncer()->sync();

		$this->assertSame( 'synced', $status['result'] );
		$this->assertNotNull( plugin()->definitions()->find( 'signed_up' ) );
		$this->assertCount( 1, $this->requests );
	}

	public function test_a_failing_second_page_stores_nothing(): void {
		$first         = array_map( fn( $i ) => self::definition( 'event_' . $i ), range( 1, 100 ) );
		$this->answers = array( self::page( $first, 'W/"r1"', 150 ), new \WP_Error( 'http_request_failed', 'cURL error 28: timed out' ) );

		$error = plugin()->syncer()->sync();

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertNull( plugin()->definitions()->find( 'event_1' ) );
		$this->assertNotNull( plugin()->definitions()->find( 'trial_click' ) );
	}

	public function test_a_remote_that_changes_during_the_sync_stores_nothing(): void {
		$first         = array_map( fn( $i ) => self::definition( 'event_' . $i ), range( 1, 100 ) );
		$this->answers = array( self::page( $first, 'W/"r1"', 101 ), self::page( array( self::definition( 'event_101' ) ), 'W/"r2"', 101 ) );

		$error = plugin()->syncer()->sync();

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'footprints_remote_changed', $error->get_error_code() );
		$this->assertNull( plugin()->definitions()->find( 'event_1' ) );
	}

	public function test_a_second_sync_while_one_runs_is_a_409_and_touches_nothing(): void {
		$other = new \wpdb( DB_USER, DB_PASSWORD, DB_NAME, DB_HOST );
		$other->get_var( "SELECT GET_LOCK('footprints_sync', 0)" );
		$this->answers = array( self::page( array( self::definition( 'signed_up' ) ) ) );

		$response = $this->rest( 'POST', '/footprints/v1/sync' );
		$other->get_var( "SELECT RELEASE_LOCK('footprints_sync')" );
		$other->close();

		$this->assertSame( 409, $response->get_status() );
		$this->assertStringContainsString( 'already running', $response->as_error()->get_error_message() );
		$this->assertSame( array(), $this->requests );
		$this->assertNull( plugin()->definitions()->find( 'signed_up' ) );
	}

	public function test_syncing_without_a_remote_backend_is_a_409(): void {
		plugin()->connection()->save( array( 'mode' => Connection::EMBEDDED ), null );

		$response = $this->rest( 'POST', '/footprints/v1/sync' );

		$this->assertSame( 409, $response->get_status() );
		$this->assertStringContainsString( 'Connect a remote backend first', $response->as_error()->get_error_message() );
		$this->assertSame( array(), $this->requests );
	}

	public function test_only_admins_sync_or_see_the_connection(): void {
		$this->log_in_as( 'editor' );

		$this->assertSame( 403, $this->rest( 'POST', '/footprints/v1/sync' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/sync' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/connection' )->get_status() );
		$this->assertSame( array(), $this->requests );
	}

	public function test_the_api_key_never_leaves_the_server(): void {
		$this->answers = array( self::status( 401, '{}' ) );
		plugin()->syncer()->sync();

		$connection = $this->rest( 'GET', '/footprints/v1/connection' )->get_data();
		$settings   = $this->rest( 'GET', '/wp/v2/settings' )->get_data();
		$status     = $this->rest( 'GET', '/footprints/v1/sync' )->get_data();

		$this->assertTrue( $connection['has_api_key'] );
		$this->assertArrayNotHasKey( 'api_key', $connection );
		$this->assertStringNotContainsString( 'fpk_secret_key', (string) wp_json_encode( array( $connection, $settings, $status ) ) );
		$this->assertSame( self::URL, $settings['footprints_backend']['url'] );
	}

	public function test_saving_a_remote_connection_without_a_url_is_a_400_naming_the_field(): void {
		$response = $this->rest(
			'PUT',
			'/footprints/v1/connection',
			array(
				'mode' => Connection::REMOTE,
				'url'  => '',
			)
		);

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'url', $response->as_error()->get_error_data()['field'] );
		$this->assertSame( self::URL, plugin()->connection()->url() );
	}

	public function test_testing_a_connection_reports_the_remote_total_or_why_not(): void {
		$this->answers = array( self::page( array( self::definition( 'signed_up' ) ), 'W/"r1"', 13 ) );
		$ok            = $this->rest( 'POST', '/footprints/v1/connection/test', array( 'api_key' => 'fpk_other' ) );
		$this->answers = array( self::status( 401, '{}' ) );
		$refused       = $this->rest( 'POST', '/footprints/v1/connection/test' );

		$this->assertSame( 13, $ok->get_data()['total'] );
		$this->assertSame( 'Bearer fpk_other', $this->requests[0]['headers']['Authorization'] );
		$this->assertSame( 502, $refused->get_status() );
		$this->assertStringContainsString( 'refused the app ID and API key', $refused->as_error()->get_error_message() );
	}

	public function test_the_hourly_cron_syncs_while_remote(): void {
		$this->answers = array( self::page( array( self::definition( 'signed_up' ) ) ) );
		plugin()->syncer()->schedule();

		do_action( 'footprints_sync' );

		$this->assertNotFalse( wp_next_scheduled( Syncer::CRON_HOOK ) );
		$this->assertNotNull( plugin()->definitions()->find( 'signed_up' ) );
		plugin()->connection()->save( array( 'mode' => Connection::EMBEDDED ), null );
		plugin()->syncer()->schedule();
		$this->assertFalse( wp_next_scheduled( Syncer::CRON_HOOK ) );
	}

	public function test_this_site_as_a_backend_serves_its_definitions_to_the_right_key_only(): void {
		$access = plugin()->access_key()->generate();
		wp_set_current_user( 0 );

		$right       = $this->keyed_list( $access['app_id'], $access['api_key'] );
		$wrong_key   = $this->keyed_list( $access['app_id'], 'fpk_wrong' );
		$wrong_app   = $this->keyed_list( 'app_other', $access['api_key'] );
		$old_key     = $access['api_key'];
		$access      = plugin()->access_key()->generate();
		$rotated_old = $this->keyed_list( $access['app_id'], $old_key );

		$this->assertSame( 200, $right->get_status() );
		$this->assertContains( 'trial_click', array_column( $right->get_data(), 'code' ) );
		$this->assertSame( 401, $wrong_key->get_status() );
		$this->assertStringContainsString( 'API key is not valid', $wrong_key->as_error()->get_error_message() );
		$this->assertSame( 401, $wrong_app->get_status() );
		$this->assertSame( 401, $rotated_old->get_status() );
	}

	/**
	 * GET the definitions with an app ID and key, as a connected site does.
	 *
	 * @param string $app_id App ID.
	 * @param string $key    API key.
	 */
	private function keyed_list( string $app_id, string $key ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'GET', '/footprints/v1/definitions' );
		$request->set_header( 'Authorization', 'Bearer ' . $key );
		$request->set_header( 'X-Footprints-App-Id', $app_id );
		return rest_do_request( $request );
	}

	/**
	 * A remote definition as the API serves it.
	 *
	 * @param string $code Code.
	 * @return array<string, mixed>
	 */
	private static function definition( string $code ): array {
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
	 * A 200 list page.
	 *
	 * @param list<array<string, mixed>> $items Definitions.
	 * @param string                     $etag  ETag.
	 * @param int|null                   $total X-WP-Total (default: the items).
	 * @return array<string, mixed>
	 */
	private static function page( array $items, string $etag = 'W/"r1"', ?int $total = null ): array {
		$total = $total ?? count( $items );
		return array(
			'response' => array( 'code' => 200 ),
			'headers'  => array(
				'etag'            => $etag,
				'x-wp-total'      => (string) $total,
				'x-wp-totalpages' => (string) (int) ceil( $total / 100 ),
			),
			'body'     => (string) wp_json_encode( $items ),
		);
	}

	/**
	 * An answer with this status and body.
	 *
	 * @param int    $code HTTP status.
	 * @param string $body Body.
	 * @return array<string, mixed>
	 */
	private static function status( int $code, string $body ): array {
		return array(
			'response' => array( 'code' => $code ),
			'headers'  => array(),
			'body'     => $body,
		);
	}
}
