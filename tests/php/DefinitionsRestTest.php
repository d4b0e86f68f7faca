<?php
/**
 * Routes footprints/v1/definitions: who may read and write, and every rule a
 * write must pass, with the message a person gets.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Backend\RemoteBackendSettings;
use function Footprints\plugin;

final class DefinitionsRestTest extends TestCase {

	private const VALID = array(
		'code'        => 'plan_selected',
		'name'        => 'Plan Selected',
		'color'       => '#AA3300',
		'description' => 'A visitor picked a plan on the pricing page.',
		'attributes'  => array(
			'plan'  => 'string',
			'price' => 'number',
		),
	);

	public function test_an_admin_creates_a_definition_and_reads_it_back(): void {
		$this->log_in_as( 'administrator' );

		$created = $this->rest( 'POST', '/footprints/v1/definitions', self::VALID );

		$this->assertSame( 201, $created->get_status() );
		$read = $this->rest( 'GET', '/footprints/v1/definitions/plan_selected' )->get_data();
		$this->assertSame( 'Plan Selected', $read['name'] );
		$this->assertSame( '#aa3300', $read['color'] );
		$this->assertTrue( $read['enabled'] );
		$this->assertFalse( $read['system'] );
		$this->assertSame( self::VALID['attributes'], $read['attributes'] );
		$this->assertSame( 0, $read['trigger_count'] );
		$this->assertNull( $read['first_triggered_at'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $read['created_at'] );
	}

	public function test_an_editor_lists_and_searches_but_cannot_write(): void {
		$this->log_in_as( 'editor' );

		$list    = $this->rest(
			'GET',
			'/footprints/v1/definitions',
			array(
				'search'   => 'trial',
				'per_page' => 5,
			)
		);
		$refused = $this->rest( 'POST', '/footprints/v1/definitions', self::VALID );

		$this->assertSame( 200, $list->get_status() );
		$this->assertSame( array( 'trial_click' ), array_column( $list->get_data(), 'code' ) );
		$this->assertSame( '1', $list->get_headers()['X-WP-Total'] );
		$this->assertSame( 403, $refused->get_status() );
		$this->assertNull( plugin()->definitions()->find( 'plan_selected' ) );
	}

	public function test_a_subscriber_and_a_visitor_cannot_read(): void {
		$this->assertSame( 401, $this->rest( 'GET', '/footprints/v1/definitions' )->get_status() );
		$this->log_in_as( 'subscriber' );
		$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/definitions/trial_click' )->get_status() );
	}

	public function test_the_list_includes_the_thirteen_system_events_flagged_and_filters_by_enabled(): void {
		$this->log_in_as( 'administrator' );
		plugin()->definitions()->set_enabled( 'trial_click', false );

		$system   = $this->rest(
			'GET',
			'/footprints/v1/definitions',
			array(
				'system'   => true,
				'per_page' => 100,
			)
		)->get_data();
		$disabled = $this->rest( 'GET', '/footprints/v1/definitions', array( 'enabled' => false ) )->get_data();

		$this->assertCount( 13, $system );
		$this->assertSame( array( true ), array_values( array_unique( array_column( $system, 'system' ) ) ) );
		$this->assertContains( 'identity_conversion', array_column( $system, 'code' ) );
		$this->assertSame( 'Email Captured', array_column( $system, 'name', 'code' )['identity_conversion'] );
		// page_viewed is a system event disabled until the site enables it.
		$this->assertSame( array( 'page_viewed', 'trial_click' ), array_column( $disabled, 'code' ) );
	}

	/**
	 * @dataProvider invalid_definitions
	 *
	 * @param array<string, mixed> $changes  What breaks the valid definition.
	 * @param string               $field    Field the error must name.
	 * @param string               $rule     Words of the rule the error must give.
	 */
	public function test_an_invalid_definition_is_a_400_naming_the_field_and_rule( array $changes, string $field, string $rule ): void {
		$this->log_in_as( 'administrator' );

		$response = $this->rest( 'POST', '/footprints/v1/definitions', array_merge( self::VALID, $changes ) );

		$this->assertSame( 400, $response->get_status() );
		$body = (string) wp_json_encode( $response->get_data() );
		$this->assertStringContainsString( $field, $body );
		$this->assertStringContainsString( $rule, $body );
		$this->assertNull( plugin()->definitions()->find( (string) ( $changes['code'] ?? 'plan_selected' ) ) );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string, 2: string}>
	 */
	public static function invalid_definitions(): array {
		return array(
			'code with capitals'       => array( array( 'code' => 'PlanSelected' ), 'code', '^[a-z][a-z0-9_]{1,63}$' ),
			'one-letter code'          => array( array( 'code' => 'p' ), 'code', '^[a-z][a-z0-9_]{1,63}$' ),
			'code of 65 characters'    => array( array( 'code' => 'a' . str_repeat( 'b', 64 ) ), 'code', '^[a-z][a-z0-9_]{1,63}$' ),
			'empty name'               => array( array( 'name' => '' ), 'name', 'at least 1 character' ),
			'color name'               => array( array( 'color' => 'red' ), 'color', '^#[0-9a-fA-F]{6}$' ),
			'camelCase attribute name' => array( array( 'attributes' => array( 'planName' => 'string' ) ), 'attributes', 'planName' ),
			'unknown attribute type'   => array( array( 'attributes' => array( 'plan' => 'text' ) ), 'attributes[plan]', 'string, number, boolean, datetime, and json' ),
			'enabled as text'          => array( array( 'enabled' => 'maybe' ), 'enabled', 'boolean' ),
		);
	}

	public function test_a_missing_name_is_a_400_saying_it_is_required(): void {
		$this->log_in_as( 'administrator' );
		$definition = self::VALID;
		unset( $definition['name'] );

		$response = $this->rest( 'POST', '/footprints/v1/definitions', $definition );

		$this->assertSame( 400, $response->get_status() );
		$this->assertStringContainsString( 'name', $response->as_error()->get_error_message() );
	}

	public function test_a_system_event_code_is_reserved(): void {
		$this->log_in_as( 'administrator' );

		$response = $this->rest( 'POST', '/footprints/v1/definitions', array_merge( self::VALID, array( 'code' => 'form_submission' ) ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'code', $response->as_error()->get_error_data()['field'] );
		$this->assertStringContainsString( 'system event, so it is reserved', $response->as_error()->get_error_message() );
		$this->assertTrue( plugin()->definitions()->find( 'form_submission' )['system'] );
	}

	public function test_a_taken_code_is_a_400_and_the_existing_definition_is_untouched(): void {
		$this->log_in_as( 'administrator' );

		$response = $this->rest( 'POST', '/footprints/v1/definitions', array_merge( self::VALID, array( 'code' => 'trial_click' ) ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertStringContainsString( 'codes are unique', $response->as_error()->get_error_message() );
		$this->assertSame( 'Trial Started', plugin()->definitions()->find( 'trial_click' )['name'] );
	}

	public function test_an_update_changes_the_fields_sent_and_keeps_the_others(): void {
		$this->log_in_as( 'administrator' );
		$this->rest( 'POST', '/footprints/v1/definitions', self::VALID );

		$response = $this->rest(
			'PATCH',
			'/footprints/v1/definitions/plan_selected',
			array(
				'name'    => 'Plan Chosen',
				'enabled' => false,
			)
		);

		$this->assertSame( 200, $response->get_status() );
		$stored = plugin()->definitions()->find( 'plan_selected' );
		$this->assertSame( 'Plan Chosen', $stored['name'] );
		$this->assertFalse( $stored['enabled'] );
		$this->assertSame( self::VALID['description'], $stored['description'] );
	}

	public function test_the_code_cannot_change(): void {
		$this->log_in_as( 'administrator' );

		$response = $this->rest( 'PUT', '/footprints/v1/definitions/trial_click', array( 'code' => 'trial_started' ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertStringContainsString( 'cannot change once it is created', $response->as_error()->get_error_message() );
		$this->assertNotNull( plugin()->definitions()->find( 'trial_click' ) );
		$this->assertNull( plugin()->definitions()->find( 'trial_started' ) );
	}

	public function test_an_invalid_update_writes_nothing(): void {
		$this->log_in_as( 'administrator' );

		$response = $this->rest(
			'PUT',
			'/footprints/v1/definitions/trial_click',
			array(
				'name'  => 'Renamed',
				'color' => 'blue',
			)
		);

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'Trial Started', plugin()->definitions()->find( 'trial_click' )['name'] );
	}

	public function test_a_system_event_cannot_be_changed_or_deleted(): void {
		$this->log_in_as( 'administrator' );

		$update = $this->rest( 'PUT', '/footprints/v1/definitions/authentication', array( 'name' => 'Logged In' ) );
		$delete = $this->rest( 'DELETE', '/footprints/v1/definitions/authentication' );

		$this->assertSame( 403, $update->get_status() );
		$this->assertStringContainsString( 'built-in system event: it is read-only', $update->as_error()->get_error_message() );
		$this->assertSame( 403, $delete->get_status() );
		$this->assertSame( 'Signed In', plugin()->definitions()->find( 'authentication' )['name'] );
	}

	public function test_a_system_event_can_be_switched_on_and_off_and_nothing_else(): void {
		$this->log_in_as( 'administrator' );

		$on    = $this->rest( 'PUT', '/footprints/v1/definitions/page_viewed', array( 'enabled' => true ) );
		$mixed = $this->rest(
			'PUT',
			'/footprints/v1/definitions/page_viewed',
			array(
				'enabled' => false,
				'color'   => '#000000',
			)
		);

		$this->assertSame( 200, $on->get_status() );
		$this->assertTrue( $on->get_data()['enabled'] );
		$this->assertSame( 403, $mixed->get_status() );
		$this->assertTrue( plugin()->definitions()->find( 'page_viewed' )['enabled'], 'a refused change switched it off' );
	}

	public function test_an_untriggered_definition_is_deleted(): void {
		$this->log_in_as( 'administrator' );
		$this->rest( 'POST', '/footprints/v1/definitions', self::VALID );

		$response = $this->rest( 'DELETE', '/footprints/v1/definitions/plan_selected' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 404, $this->rest( 'GET', '/footprints/v1/definitions/plan_selected' )->get_status() );
	}

	public function test_a_triggered_definition_is_a_409_that_says_to_disable_it(): void {
		$this->log_in_as( 'administrator' );
		plugin()->trigger_counter()->record( array( 'trial_click' => 3 ) );

		$response = $this->rest( 'DELETE', '/footprints/v1/definitions/trial_click' );

		$this->assertSame( 409, $response->get_status() );
		$this->assertStringContainsString( 'was triggered 3 times', $response->as_error()->get_error_message() );
		$this->assertStringContainsString( 'Disable it instead', $response->as_error()->get_error_message() );
		$this->assertNotNull( plugin()->definitions()->find( 'trial_click' ) );
	}

	public function test_an_editor_cannot_update_or_delete(): void {
		$this->log_in_as( 'editor' );

		$this->assertSame( 403, $this->rest( 'PUT', '/footprints/v1/definitions/trial_click', array( 'name' => 'X' ) )->get_status() );
		$this->assertSame( 403, $this->rest( 'DELETE', '/footprints/v1/definitions/trial_click' )->get_status() );
		$this->assertSame( 'Trial Started', plugin()->definitions()->find( 'trial_click' )['name'] );
	}

	public function test_an_unknown_code_is_a_404(): void {
		$this->log_in_as( 'administrator' );

		$response = $this->rest( 'GET', '/footprints/v1/definitions/never_defined' );

		$this->assertSame( 404, $response->get_status() );
		$this->assertStringContainsString( '"never_defined"', $response->as_error()->get_error_message() );
	}

	public function test_while_a_remote_backend_owns_them_local_writes_are_a_409(): void {
		$this->log_in_as( 'administrator' );
		plugin()->backend_settings()->save(
			array(
				'mode'   => RemoteBackendSettings::REMOTE,
				'url'    => 'http://127.0.0.1:1',
				'app_id' => 'app_x',
			),
			'key'
		);

		$response = $this->rest( 'POST', '/footprints/v1/definitions', self::VALID );

		$this->assertSame( 409, $response->get_status() );
		$this->assertStringContainsString( 'change them there, then Sync', $response->as_error()->get_error_message() );
	}

	public function test_an_unchanged_list_answers_304_to_its_etag_and_a_write_changes_the_etag(): void {
		$this->log_in_as( 'administrator' );
		$first = $this->rest( 'GET', '/footprints/v1/definitions' );
		$etag  = $first->get_headers()['ETag'];

		$again = $this->conditional_get( $etag );
		plugin()->definitions()->set_enabled( 'trial_click', false );
		$after = $this->conditional_get( $etag );

		$this->assertSame( 304, $again->get_status() );
		$this->assertSame( 200, $after->get_status() );
		$this->assertNotSame( $etag, $after->get_headers()['ETag'] );
	}

	/**
	 * GET the list with If-None-Match.
	 *
	 * @param string $etag ETag.
	 */
	private function conditional_get( string $etag ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'GET', '/footprints/v1/definitions' );
		$request->set_header( 'If-None-Match', $etag );
		return rest_do_request( $request );
	}
}
