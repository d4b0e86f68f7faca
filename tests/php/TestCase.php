<?php
/**
 * Base for the integration tests: each test runs in a database transaction
 * that is rolled back, and REST requests are dispatched through WordPress'
 * own REST server.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Database\Transaction;

abstract class TestCase extends \PHPUnit\Framework\TestCase {

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		// Through Transaction, so the plugin's own transactions inside a test
		// know to use savepoints.
		( new Transaction( $wpdb ) )->begin();
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		global $wpdb;
		( new Transaction( $wpdb ) )->rollback();
		wp_cache_flush();
		wp_set_current_user( 0 );
		$GLOBALS['wp_rest_server'] = null;
		parent::tearDown();
	}

	/**
	 * Logs in a new user with this role.
	 *
	 * @param string $role WordPress role.
	 */
	protected function log_in_as( string $role ): int {
		$user_id = wp_insert_user(
			array(
				'user_login' => $role . '_' . wp_generate_password( 8, false ),
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		$this->assertIsInt( $user_id );
		wp_set_current_user( $user_id );
		return $user_id;
	}

	/**
	 * Adds an event definition for this test.
	 *
	 * @param string                $code       Event code.
	 * @param array<string, string> $attributes Attribute schema.
	 * @param bool                  $enabled    Whether it is tracked.
	 */
	protected function define_event( string $code, array $attributes = array(), bool $enabled = true ): void {
		\Footprints\plugin()->definitions()->add_if_missing(
			array(
				'code'       => $code,
				'name'       => ucwords( str_replace( '_', ' ', $code ) ),
				'attributes' => $attributes,
				'enabled'    => $enabled,
			)
		);
	}

	/**
	 * Dispatches a REST request as the current user.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route, e.g. /footprints/v1/collect.
	 * @param array<string, mixed> $params JSON body (POST) or query (GET).
	 */
	protected function rest( string $method, string $route, array $params = array() ): \WP_REST_Response {
		$request = new \WP_REST_Request( $method, $route );
		if ( 'GET' === $method ) {
			$request->set_query_params( $params );
		} else {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $params ) );
		}
		return rest_do_request( $request );
	}

	/**
	 * Posts a batch to the collector, as the client does.
	 *
	 * @param array<mixed> $events Events of the batch.
	 * @return array<string, mixed> The collector's answer.
	 */
	protected function collect( array $events ): array {
		return $this->rest( 'POST', '/footprints/v1/collect', array( 'events' => $events ) )->get_data();
	}

	/**
	 * Renders post content as the front end does.
	 *
	 * @param string $content Block markup or shortcodes.
	 */
	protected function render( string $content ): string {
		return (string) apply_filters( 'the_content', $content );
	}
}
