<?php
/**
 * The OpenAPI document (docs/openapi.json) is the contract connected sites
 * and integrations code against: it documents exactly the routes and
 * methods the plugin registers under footprints/v1, each route's request
 * arguments as registered (names, required, types and limits), and each
 * answer as the plugin really sends it (every operation is called and its
 * body checked against the schema documented for its status).
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Rest\Routes;
use function Footprints\plugin;

final class OpenApiTest extends TestCase {

	// The keywords that make a request argument's rule.
	private const RULES = array( 'type', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'default', 'format' );

	/**
	 * The document's path.
	 */
	private static function file(): string {
		return FOOTPRINTS_DIR . '/docs/openapi.json';
	}

	/**
	 * Each documented operation, "METHOD /path" => the operation (refs resolved),
	 * with the path's own parameters merged in.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function documented(): array {
		$operations = array();
		foreach ( JsonSchemaCheck::file( self::file() )['paths'] as $path => $item ) {
			$item = JsonSchemaCheck::resolve( $item, self::file() );
			foreach ( $item as $method => $operation ) {
				if ( 'parameters' !== $method ) {
					$operation['parameters']                           = array_merge( $item['parameters'] ?? array(), $operation['parameters'] ?? array() );
					$operations[ strtoupper( $method ) . ' ' . $path ] = $operation;
				}
			}
		}
		return $operations;
	}

	/**
	 * Each registered operation, "METHOD /path" => its arguments.
	 *
	 * @return array<string, array<string, array<string, mixed>>>
	 */
	private static function registered(): array {
		$operations = array();
		$prefix     = '/' . Routes::namespace();
		foreach ( rest_get_server()->get_routes( Routes::namespace() ) as $route => $handlers ) {
			if ( $route === $prefix ) {
				continue;
			}
			$path = preg_replace( '/\(\?P<(\w+)>[^)]+\)/', '{$1}', substr( $route, strlen( $prefix ) ) );
			foreach ( $handlers as $handler ) {
				foreach ( array_keys( $handler['methods'] ) as $method ) {
					$operations[ "$method $path" ] = $handler['args'] ?? array();
				}
			}
		}
		return $operations;
	}

	public function test_every_registered_route_and_method_is_documented_and_nothing_else(): void {
		$documented = array_keys( self::documented() );
		$registered = array_keys( self::registered() );
		sort( $documented );
		sort( $registered );

		$this->assertSame( $registered, $documented );
	}

	public function test_each_routes_arguments_are_documented_as_registered(): void {
		$documented = self::documented();
		foreach ( self::registered() as $operation => $args ) {
			$expected = array();
			foreach ( $args as $name => $arg ) {
				$expected[ $name ] = self::rule( $arg ) + array( 'required' => ! empty( $arg['required'] ) );
			}
			ksort( $expected );
			$actual = self::documented_arguments( $documented[ $operation ] );
			ksort( $actual );

			$this->assertSame( $expected, $actual, "The arguments of $operation differ from docs/openapi.json." );
		}
	}

	/**
	 * Calls of every operation, with the status each must answer.
	 *
	 * @return array<string, array{string, string, string, array<string, mixed>, int}>
	 */
	public static function calls(): array {
		$definition = array(
			'code'       => 'plan_selected',
			'name'       => 'Plan Selected',
			'attributes' => array( 'plan' => 'string' ),
		);
		$event      = array(
			'id'    => 'evt_openapi_1',
			'event' => 'trial_click',
		);
		$path       = array(
			'a'    => 'trial_click',
			'b'    => 'trial_click',
			'from' => '2026-03-01',
			'to'   => '2026-03-02',
		);
		// A webhook to a closed loopback port: the test send fails at once, with an answer.
		$rule = array(
			'name'   => 'OpenAPI rule',
			'event'  => 'trial_click',
			'action' => array(
				'type' => 'webhook',
				'url'  => 'http://127.0.0.1:1/hook',
			),
		);
		return array(
			'list definitions'                    => array( 'GET', '/definitions', 'administrator', array( 'per_page' => 100 ), 200 ),
			'list definitions as a visitor'       => array( 'GET', '/definitions', '', array(), 401 ),
			'create a definition'                 => array( 'POST', '/definitions', 'administrator', $definition, 201 ),
			'create an invalid definition'        => array(
				'POST',
				'/definitions',
				'administrator',
				array(
					'code' => 'Bad',
					'name' => 'Bad',
				),
				400,
			),
			'read a definition'                   => array( 'GET', '/definitions/trial_click', 'editor', array(), 200 ),
			'read an unknown definition'          => array( 'GET', '/definitions/never_defined', 'editor', array(), 404 ),
			'replace a definition'                => array( 'PUT', '/definitions/trial_click', 'administrator', array( 'name' => 'Trial' ), 200 ),
			'change a definition'                 => array( 'PATCH', '/definitions/trial_click', 'administrator', array( 'enabled' => false ), 200 ),
			'change a system event'               => array( 'PATCH', '/definitions/authentication', 'administrator', array( 'name' => 'X' ), 403 ),
			'delete a definition'                 => array( 'DELETE', '/definitions/plan_chosen', 'administrator', array(), 200 ),
			'delete a triggered definition'       => array( 'DELETE', '/definitions/trial_click', 'administrator', array(), 409 ),
			'read the sync status'                => array( 'GET', '/sync', 'administrator', array(), 200 ),
			'sync without a remote'               => array( 'POST', '/sync', 'administrator', array(), 409 ),
			'read the connection'                 => array( 'GET', '/connection', 'administrator', array(), 200 ),
			'save the connection'                 => array( 'PUT', '/connection', 'administrator', array( 'mode' => 'embedded' ), 200 ),
			'test an unreachable remote'          => array(
				'POST',
				'/connection/test',
				'administrator',
				array(
					'mode'    => 'remote',
					'url'     => 'http://127.0.0.1:1',
					'app_id'  => 'app_x',
					'api_key' => 'key',
				),
				502,
			),
			'list connected sites'                => array( 'GET', '/sites', 'administrator', array(), 200 ),
			'connect a site'                      => array( 'POST', '/sites', 'administrator', array( 'name' => 'shop.example.com' ), 201 ),
			'connect a nameless site'             => array( 'POST', '/sites', 'administrator', array( 'name' => ' ' ), 400 ),
			'rotate an unknown site\'s key'       => array( 'POST', '/sites/app_neveradded00/key', 'administrator', array(), 404 ),
			'revoke an unknown site'              => array( 'POST', '/sites/app_neveradded00/revoke', 'administrator', array(), 404 ),
			'collect a batch'                     => array( 'POST', '/collect', '', array( 'events' => array( $event, array( 'id' => 'evt_openapi_2' ) ) ), 200 ),
			'send server events without a key'    => array( 'POST', '/server-events', '', array( 'events' => array( $event ) ), 401 ),
			'list stored events'                  => array( 'GET', '/events', 'administrator', array(), 200 ),
			'read the collector status'           => array( 'GET', '/collector', 'administrator', array(), 200 ),
			'test the fast collector'             => array( 'POST', '/collector/self-test', 'administrator', array(), 200 ),
			'drain the buffer'                    => array( 'POST', '/collector/drain', 'administrator', array(), 200 ),
			'list refused events'                 => array( 'GET', '/rejections', 'administrator', array(), 200 ),
			'count the events to purge'           => array( 'GET', '/events/purge', 'administrator', array( 'event' => 'trial_click' ), 200 ),
			'purge the events of a code'          => array( 'POST', '/events/purge', 'administrator', array( 'event' => 'trial_click' ), 200 ),
			'export an unknown view'              => array( 'GET', '/insights/export', 'administrator', array( 'view' => 'nope' ), 400 ),
			'export as an editor'                 => array( 'GET', '/insights/export', 'editor', array( 'view' => 'events' ), 403 ),
			'export as a visitor'                 => array( 'GET', '/insights/export', '', array( 'view' => 'events' ), 401 ),
			'compare a path'                      => array( 'GET', '/insights/paths', 'administrator', $path, 200 ),
			'compare a path as an editor'         => array( 'GET', '/insights/paths', 'editor', $path, 403 ),
			'compare a reversed range'            => array( 'GET', '/insights/paths', 'administrator', array( 'from' => '2026-03-07' ) + $path, 400 ),
			'list a path\'s people'               => array( 'GET', '/insights/paths/people', 'administrator', array( 'outcome' => 'converted' ) + $path, 200 ),
			'list people'                         => array( 'GET', '/people', 'administrator', array( 'search' => 'dev_open' ), 200 ),
			'list people as an editor'            => array( 'GET', '/people', 'editor', array(), 403 ),
			'read an unknown person'              => array( 'GET', '/people/999999999', 'administrator', array(), 404 ),
			'read an unknown person\'s timeline'  => array( 'GET', '/people/999999999/timeline', 'administrator', array(), 404 ),
			'read a device\'s timeline'           => array( 'GET', '/devices/dev_openapi0/timeline', 'administrator', array(), 200 ),
			'read an unknown person\'s brief'     => array( 'GET', '/people/999999999/brief', 'administrator', array(), 404 ),
			'read a device\'s brief'              => array( 'GET', '/devices/dev_openapi0/brief', 'administrator', array(), 200 ),
			'read a device\'s brief as an editor' => array( 'GET', '/devices/dev_openapi0/brief', 'editor', array(), 403 ),
			'read the dashboard summary'          => array( 'GET', '/insights/summary', 'administrator', array( 'range' => '7d' ), 200 ),
			'read a reversed custom range'        => array(
				'GET',
				'/insights/summary',
				'administrator',
				array(
					'range' => 'custom',
					'from'  => '2026-02-02',
					'to'    => '2026-02-01',
				),
				400,
			),
			'read the summary as an editor'       => array( 'GET', '/insights/summary', 'editor', array(), 403 ),
			'read the summary as a visitor'       => array( 'GET', '/insights/summary', '', array(), 401 ),
			'read live events'                    => array( 'GET', '/insights/live', 'administrator', array( 'code' => 'trial_click' ), 200 ),
			'read too many live events'           => array( 'GET', '/insights/live', 'administrator', array( 'limit' => 5000 ), 400 ),
			'read live events as an editor'       => array( 'GET', '/insights/live', 'editor', array(), 403 ),
			'read live events as a visitor'       => array( 'GET', '/insights/live', '', array(), 401 ),
			'list the sites of insights'          => array( 'GET', '/insights/sites', 'administrator', array(), 200 ),
			'list the sites as an editor'         => array( 'GET', '/insights/sites', 'editor', array(), 403 ),
			'list the sites as a visitor'         => array( 'GET', '/insights/sites', '', array(), 401 ),
			'count events'                        => array( 'GET', '/insights/counts', 'administrator', array( 'codes' => 'trial_click,plan_chosen' ), 200 ),
			'count an invalid code'               => array( 'GET', '/insights/counts', 'administrator', array( 'codes' => 'Bad' ), 400 ),
			'count events as an editor'           => array( 'GET', '/insights/counts', 'editor', array( 'codes' => 'trial_click' ), 403 ),
			'count events as a visitor'           => array( 'GET', '/insights/counts', '', array( 'codes' => 'trial_click' ), 401 ),
			'list automation rules'               => array( 'GET', '/automations', 'administrator', array(), 200 ),
			'list automation rules as an editor'  => array( 'GET', '/automations', 'editor', array(), 403 ),
			'create an automation rule'           => array( 'POST', '/automations', 'administrator', $rule, 201 ),
			'create a rule of an unknown event'   => array( 'POST', '/automations', 'administrator', array( 'event' => 'never_defined' ) + $rule, 400 ),
			'read an automation rule'             => array( 'GET', '/automations/{rule}', 'administrator', array(), 200 ),
			'read an unknown automation rule'     => array( 'GET', '/automations/999999999', 'administrator', array(), 404 ),
			'replace an automation rule'          => array( 'PUT', '/automations/{rule}', 'administrator', $rule, 200 ),
			'delete an automation rule'           => array( 'DELETE', '/automations/{rule}', 'administrator', array(), 200 ),
			'read a webhook\'s signing secret'    => array( 'GET', '/automations/{rule}/secret', 'administrator', array(), 200 ),
			'send a test of a rule'               => array( 'POST', '/automations/{rule}/test', 'administrator', array(), 200 ),
			'resume a rule'                       => array( 'POST', '/automations/{rule}/resume', 'administrator', array(), 200 ),
			'read the delivery log'               => array( 'GET', '/automations/log', 'administrator', array( 'status' => 'failed' ), 200 ),
			'read the delivery log of a status'   => array( 'GET', '/automations/log', 'administrator', array( 'status' => 'lost' ), 400 ),
			'read the automation settings'        => array( 'GET', '/automations/settings', 'administrator', array(), 200 ),
			'save the automation settings'        => array( 'PUT', '/automations/settings', 'administrator', array( 'log_days' => 7 ), 200 ),
			'read the form settings'              => array( 'GET', '/forms', 'administrator', array(), 200 ),
			'read the form settings as an editor' => array( 'GET', '/forms', 'editor', array(), 403 ),
			'read the form settings as a visitor' => array( 'GET', '/forms', '', array(), 401 ),
			'save the form settings'              => array(
				'PUT',
				'/forms',
				'administrator',
				array(
					'enabled'       => true,
					'fields'        => array( 'company' => array( 'your-company' ) ),
					'contact_forms' => array( 'cf7:12' ),
				),
				200,
			),
			'save an input name with a quote'     => array( 'PUT', '/forms', 'administrator', array( 'fields' => array( 'phone' => array( 'a"b' ) ) ), 400 ),
			'save the form settings as an editor' => array( 'PUT', '/forms', 'editor', array( 'enabled' => true ), 403 ),
			'save the form settings as a visitor' => array( 'PUT', '/forms', '', array( 'enabled' => true ), 401 ),
			// The test AI provider is registered without a key here: no provider is connected.
			'draft without an AI provider'        => array( 'POST', '/devices/dev_openapi0/draft', 'administrator', array(), 409 ),
			'draft to an unknown person'          => array( 'POST', '/people/999999999/draft', 'administrator', array(), 404 ),
			'draft to a device without events'    => array( 'POST', '/devices/dev_nothing0/draft', 'administrator', array(), 404 ),
			'draft as an editor'                  => array( 'POST', '/people/1/draft', 'editor', array(), 403 ),
			'draft as a visitor'                  => array( 'POST', '/devices/dev_openapi0/draft', '', array(), 401 ),
			'read the AI settings'                => array( 'GET', '/ai/settings', 'administrator', array(), 200 ),
			'read the AI settings as an editor'   => array( 'GET', '/ai/settings', 'editor', array(), 403 ),
			'save the AI settings'                => array( 'PUT', '/ai/settings', 'administrator', array( 'tone' => 'Warm.' ), 200 ),
			'save a too long AI instruction'      => array( 'PUT', '/ai/settings', 'administrator', array( 'sender' => str_repeat( 'x', 101 ) ), 400 ),
		);
	}

	/**
	 * @dataProvider calls
	 *
	 * @param string               $method HTTP method.
	 * @param string               $path   Path under the namespace.
	 * @param string               $role   Who calls ('' for a visitor).
	 * @param array<string, mixed> $params Query or JSON body.
	 * @param int                  $status The status it must answer.
	 */
	public function test_each_answer_has_the_documented_status_and_schema( string $method, string $path, string $role, array $params, int $status ): void {
		if ( '' !== $role ) {
			$this->log_in_as( $role );
		}
		// One definition with history (trial_click), one without; one person (dev_openapi0).
		$this->collect(
			array(
				array(
					'id'        => 'evt_openapi_0',
					'event'     => 'trial_click',
					'device_id' => 'dev_openapi0',
				),
			)
		);
		$this->define_event( 'plan_chosen' );

		if ( str_contains( $path, '{rule}' ) ) {
			$rule = plugin()->automation_rules()->create( self::calls()['create an automation rule'][3] );
			$this->assertIsArray( $rule );
			$path = str_replace( '{rule}', (string) $rule['id'], $path );
		}

		$response = $this->rest( $method, '/' . Routes::namespace() . $path, $params );
		$data     = json_decode( (string) wp_json_encode( rest_get_server()->response_to_data( $response, false ) ), true );

		$this->assertSame( $status, $response->get_status(), (string) wp_json_encode( $data ) );
		$operation = self::operation( $method, $path );
		$responses = self::documented()[ $operation ]['responses'] ?? array();
		$this->assertArrayHasKey( (string) $status, $responses, "$operation answers $status, which docs/openapi.json does not list." );
		$schema = $responses[ (string) $status ]['content']['application/json']['schema'] ?? null;
		$this->assertIsArray( $schema, "docs/openapi.json gives no schema for $operation's $status." );
		$this->assertSame( array(), JsonSchemaCheck::problems( $data, $schema ), "$operation's $status answer differs from docs/openapi.json." );
	}

	public function test_every_documented_operation_is_called_above(): void {
		$called = array();
		foreach ( self::calls() as list( $method, $path ) ) {
			$called[] = self::operation( $method, $path );
		}
		$documented = array_keys( self::documented() );
		sort( $documented );
		$called = array_values( array_unique( $called ) );
		sort( $called );

		$this->assertSame( $documented, $called );
	}

	/**
	 * The documented operation a call is an instance of ("GET /definitions/{code}").
	 *
	 * @param string $method HTTP method.
	 * @param string $path   Path as called.
	 */
	private static function operation( string $method, string $path ): string {
		return (string) preg_replace( array( '#/definitions/[a-z_]+$#', '#/sites/app_[a-z0-9]+/#', '#/people/\d+#', '#/devices/[A-Za-z0-9_-]+/#', '#/automations/(\d+|\{rule\})#' ), array( '/definitions/{code}', '/sites/{app_id}/', '/people/{id}', '/devices/{device_id}/', '/automations/{id}' ), "$method $path" );
	}

	/**
	 * The rule of one argument: the keywords that constrain it.
	 *
	 * @param array<string, mixed> $schema An argument or a documented schema.
	 * @return array<string, mixed>
	 */
	private static function rule( array $schema ): array {
		$rule = array_intersect_key( $schema, array_flip( self::RULES ) );
		ksort( $rule );
		return $rule;
	}

	/**
	 * The documented arguments of an operation: query parameters, or the
	 * properties of its JSON body (allOf parts merged).
	 *
	 * @param array<string, mixed> $operation The documented operation.
	 * @return array<string, array<string, mixed>>
	 */
	private static function documented_arguments( array $operation ): array {
		$arguments = array();
		foreach ( $operation['parameters'] as $parameter ) {
			if ( 'query' === $parameter['in'] ) {
				$arguments[ $parameter['name'] ] = self::rule( $parameter['schema'] ) + array( 'required' => ! empty( $parameter['required'] ) );
			}
		}
		$body = $operation['requestBody']['content']['application/json']['schema'] ?? null;
		if ( null === $body ) {
			return $arguments;
		}
		$parts    = $body['allOf'] ?? array( $body );
		$required = array_merge( ...array_map( static fn( $part ) => (array) ( $part['required'] ?? array() ), $parts ) );
		foreach ( $parts as $part ) {
			foreach ( $part['properties'] ?? array() as $name => $property ) {
				$arguments[ $name ] = self::rule( $property ) + array( 'required' => in_array( $name, $required, true ) );
			}
		}
		return $arguments;
	}
}
