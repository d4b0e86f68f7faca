<?php
/**
 * The automations REST contract (docs/openapi.json): rules are created, read,
 * replaced and deleted by admins only; answers never carry a write-only
 * value (the signing secret, the Slack URL, the CRM auth value), which
 * only go to the URL they were saved for; errors name their field.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class AutomationRulesRestTest extends TestCase {

	private const BASE = '/footprints/v1/automations';

	/**
	 * A webhook rule as sent.
	 *
	 * @param array<string, mixed> $changes Changes.
	 * @return array<string, mixed>
	 */
	private static function webhook( array $changes = array() ): array {
		return $changes + array(
			'name'       => 'Trials to the CRM',
			'event'      => 'trial_click',
			'conditions' => array(
				array(
					'attribute' => 'plan',
					'operator'  => 'equals',
					'value'     => 'pro',
				),
			),
			'action'     => array(
				'type' => 'webhook',
				'url'  => 'https://hooks.example.com/footprints',
			),
		);
	}

	public function test_an_admin_creates_a_webhook_rule_and_sees_its_secret_once(): void {
		$this->log_in_as( 'administrator' );

		$created = $this->rest( 'POST', self::BASE, self::webhook() );

		$this->assertSame( 201, $created->get_status(), (string) wp_json_encode( $created->get_data() ) );
		$rule = $created->get_data();
		$this->assertMatchesRegularExpression( '#^whsec_[A-Za-z0-9+/]{32}$#', $rule['secret'] );
		$this->assertSame( 24, strlen( (string) base64_decode( substr( $rule['secret'], 6 ), true ) ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- the spec's encoding.
		$this->assertSame(
			array(
				'type'          => 'webhook',
				'url'           => 'https://hooks.example.com/footprints',
				'secret_hint'   => 'whsec_…' . substr( $rule['secret'], -4 ),
				'include_brief' => false,
				'ai_draft'      => false,
			),
			$rule['action']
		);
		$this->assertSame( 'trial_click', $rule['event'] );
		$this->assertTrue( $rule['enabled'] );
		$this->assertFalse( $rule['paused'] );
		$this->assertNull( $rule['paused_at'] );
		$this->assertSame( 0, $rule['consecutive_failures'] );
		$this->assertNull( $rule['last_delivery'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $rule['created_at'] );

		$list = $this->rest( 'GET', self::BASE )->get_data();
		$this->assertCount( 1, $list );
		$this->assertArrayNotHasKey( 'secret', $list[0] );
		$this->assertStringNotContainsString( $rule['secret'], (string) wp_json_encode( $list ) );

		$secret = $this->rest( 'GET', self::BASE . '/' . $rule['id'] . '/secret' );
		$this->assertSame( array( 'secret' => $rule['secret'] ), $secret->get_data() );
	}

	public function test_a_replace_keeps_the_signing_secret(): void {
		$this->log_in_as( 'administrator' );
		$rule = $this->rest( 'POST', self::BASE, self::webhook() )->get_data();

		$replaced = $this->rest(
			'PUT',
			self::BASE . '/' . $rule['id'],
			self::webhook(
				array(
					'name'    => 'Renamed',
					'enabled' => false,
				)
			)
		);

		$this->assertSame( 200, $replaced->get_status() );
		$this->assertSame( 'Renamed', $replaced->get_data()['name'] );
		$this->assertFalse( $replaced->get_data()['enabled'] );
		$this->assertArrayNotHasKey( 'secret', $replaced->get_data() );
		$this->assertSame( $rule['secret'], $this->rest( 'GET', self::BASE . '/' . $rule['id'] . '/secret' )->get_data()['secret'] );
	}

	public function test_a_slack_url_is_write_only_and_kept_when_left_out(): void {
		$this->log_in_as( 'administrator' );
		$url  = 'https://hooks.slack.com/services/T000/B000/XXXXsecretZZZZ';
		$rule = $this->rest(
			'POST',
			self::BASE,
			self::webhook(
				array(
					'action' => array(
						'type' => 'slack',
						'url'  => $url,
					),
				)
			)
		)->get_data();

		$this->assertSame(
			array(
				'type'          => 'slack',
				'url_hint'      => 'https://hooks.slack.com/…/ZZZZ',
				'include_brief' => false,
			),
			$rule['action']
		);
		$this->assertStringNotContainsString( 'XXXXsecret', (string) wp_json_encode( $this->rest( 'GET', self::BASE )->get_data() ) );

		$kept = $this->rest( 'PUT', self::BASE . '/' . $rule['id'], self::webhook( array( 'action' => array( 'type' => 'slack' ) ) ) );
		$this->assertSame( 200, $kept->get_status() );
		$this->assertSame( $url, \Footprints\plugin()->rule_store()->find( $rule['id'] )['action']['url'] );
		$this->assertSame( 400, $this->rest( 'GET', self::BASE . '/' . $rule['id'] . '/secret' )->get_status() );
	}

	public function test_a_crm_auth_value_follows_its_url_only(): void {
		$this->log_in_as( 'administrator' );
		$action = array(
			'type'        => 'crm',
			'url'         => 'https://crm.example.com/api/leads',
			'auth_header' => 'Authorization',
			'auth_value'  => 'Bearer s3cr3t-token',
			'fields'      => array(
				'email'  => 'person.email',
				'plan'   => 'attributes.plan',
				'source' => 'event.name',
			),
		);
		$rule   = $this->rest( 'POST', self::BASE, self::webhook( array( 'action' => $action ) ) )->get_data();

		$this->assertSame(
			array(
				'type'           => 'crm',
				'url'            => 'https://crm.example.com/api/leads',
				'auth_header'    => 'Authorization',
				'has_auth_value' => true,
				'fields'         => $action['fields'],
				'ai_draft'       => false,
			),
			json_decode( (string) wp_json_encode( $rule['action'] ), true )
		);
		$this->assertStringNotContainsString( 's3cr3t', (string) wp_json_encode( $this->rest( 'GET', self::BASE )->get_data() ) );

		// Same URL, no value sent: the saved value stays.
		unset( $action['auth_value'] );
		$same = $this->rest( 'PUT', self::BASE . '/' . $rule['id'], self::webhook( array( 'action' => $action ) ) );
		$this->assertSame( 200, $same->get_status() );
		$this->assertSame( 'Bearer s3cr3t-token', \Footprints\plugin()->rule_store()->find( $rule['id'] )['action']['auth_value'] );

		// Another URL without the value again: refused, and nothing changed.
		$moved = $this->rest( 'PUT', self::BASE . '/' . $rule['id'], self::webhook( array( 'action' => array( 'url' => 'https://evil.example.net/collect' ) + $action ) ) );
		$this->assertSame( 400, $moved->get_status() );
		$this->assertStringStartsWith( 'action.auth_value: the CRM URL changed', $moved->as_error()->get_error_message() );
		$this->assertSame( 'https://crm.example.com/api/leads', \Footprints\plugin()->rule_store()->find( $rule['id'] )['action']['url'] );
	}

	/**
	 * Bodies that are refused, with the field the message starts with.
	 *
	 * @return array<string, array{array<string, mixed>, string}>
	 */
	public static function refusals(): array {
		return array(
			'unknown event'           => array( self::webhook( array( 'event' => 'never_defined' ) ), 'event: no event is defined' ),
			'blank name'              => array( self::webhook( array( 'name' => '   ' ) ), 'name: ' ),
			'ftp url'                 => array(
				self::webhook(
					array(
						'action' => array(
							'type' => 'webhook',
							'url'  => 'ftp://example.com/x',
						),
					)
				),
				'action.url: ',
			),
			'plain http elsewhere'    => array(
				self::webhook(
					array(
						'action' => array(
							'type' => 'webhook',
							'url'  => 'http://hooks.example.com/x',
						),
					)
				),
				'action.url: use https://',
			),
			'slack without url'       => array( self::webhook( array( 'action' => array( 'type' => 'slack' ) ) ), 'action.url: enter the Slack' ),
			'number compared to text' => array(
				self::webhook(
					array(
						'conditions' => array(
							array(
								'attribute' => 'price',
								'operator'  => 'greater_than',
								'value'     => 'lots',
							),
						),
					)
				),
				'conditions[0].value: ',
			),
			'crm unknown source'      => array(
				self::webhook(
					array(
						'action' => array(
							'type'   => 'crm',
							'url'    => 'https://crm.example.com/x',
							'fields' => array( 'email' => 'person.password' ),
						),
					)
				),
				'action.fields.email: ',
			),
			'crm header, no value'    => array(
				self::webhook(
					array(
						'action' => array(
							'type'        => 'crm',
							'url'         => 'https://crm.example.com/x',
							'auth_header' => 'Authorization',
							'fields'      => array( 'email' => 'person.email' ),
						),
					)
				),
				'action.auth_value: ',
			),
			'crm key in Host'         => array(
				self::webhook(
					array(
						'action' => array(
							'type'        => 'crm',
							'url'         => 'https://crm.example.com/x',
							'auth_header' => 'HOST',
							'auth_value'  => 'evil.example.com',
							'fields'      => array( 'email' => 'person.email' ),
						),
					)
				),
				'action.auth_header: HOST is set by Footprints for the request itself',
			),
		);
	}

	/**
	 * @dataProvider refusals
	 *
	 * @param array<string, mixed> $body  Body.
	 * @param string               $start How the message starts.
	 */
	public function test_a_bad_rule_is_refused_naming_the_field( array $body, string $start ): void {
		$this->log_in_as( 'administrator' );

		$response = $this->rest( 'POST', self::BASE, $body );

		$this->assertSame( 400, $response->get_status() );
		$this->assertStringStartsWith( $start, $response->as_error()->get_error_message() );
		$this->assertSame( array(), $this->rest( 'GET', self::BASE )->get_data() );
	}

	public function test_delete_removes_the_rule_and_an_unknown_rule_is_404(): void {
		$this->log_in_as( 'administrator' );
		$rule = $this->rest( 'POST', self::BASE, self::webhook() )->get_data();

		$this->assertSame( 200, $this->rest( 'DELETE', self::BASE . '/' . $rule['id'] )->get_status() );
		$this->assertSame( 404, $this->rest( 'GET', self::BASE . '/' . $rule['id'] )->get_status() );
		$this->assertSame( 404, $this->rest( 'PUT', self::BASE . '/' . $rule['id'], self::webhook() )->get_status() );
	}

	public function test_settings_are_read_and_saved_within_bounds(): void {
		$this->log_in_as( 'administrator' );

		$this->assertSame(
			array(
				'pause_after' => 10,
				'log_days'    => 30,
				'log_bodies'  => false,
			),
			$this->rest( 'GET', self::BASE . '/settings' )->get_data()
		);
		$saved = $this->rest( 'PUT', self::BASE . '/settings', array( 'pause_after' => 3 ) );
		$this->assertSame(
			array(
				'pause_after' => 3,
				'log_days'    => 30,
				'log_bodies'  => false,
			),
			$saved->get_data()
		);
		$this->assertSame( 400, $this->rest( 'PUT', self::BASE . '/settings', array( 'log_days' => 366 ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'PUT', self::BASE . '/settings', array( 'pause_after' => 0 ) )->get_status() );
	}

	/**
	 * Every route with a call.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function routes(): array {
		return array(
			'list'     => array( 'GET', '' ),
			'create'   => array( 'POST', '' ),
			'read'     => array( 'GET', '/{id}' ),
			'replace'  => array( 'PUT', '/{id}' ),
			'delete'   => array( 'DELETE', '/{id}' ),
			'secret'   => array( 'GET', '/{id}/secret' ),
			'test'     => array( 'POST', '/{id}/test' ),
			'resume'   => array( 'POST', '/{id}/resume' ),
			'log'      => array( 'GET', '/log' ),
			'settings' => array( 'GET', '/settings' ),
			'save'     => array( 'PUT', '/settings' ),
		);
	}

	/**
	 * @dataProvider routes
	 *
	 * @param string $method Method.
	 * @param string $path   Path under /automations.
	 */
	public function test_subscribers_editors_and_visitors_are_refused( string $method, string $path ): void {
		$this->log_in_as( 'administrator' );
		$rule = $this->rest( 'POST', self::BASE, self::webhook() )->get_data();
		$path = self::BASE . str_replace( '{id}', (string) $rule['id'], $path );
		$body = 'PUT' === $method && str_contains( $path, 'settings' ) ? array( 'pause_after' => 1 ) : ( in_array( $method, array( 'POST', 'PUT' ), true ) ? self::webhook() : array() );

		foreach ( array(
			'subscriber' => 403,
			'editor'     => 403,
			''           => 401,
		) as $role => $status ) {
			'' === $role ? wp_set_current_user( 0 ) : $this->log_in_as( $role );
			$response = $this->rest( $method, $path, $body );
			$this->assertSame( $status, $response->get_status(), "$method $path as " . ( $role ? $role : 'a visitor' ) );
			$this->assertStringNotContainsString( 'whsec_', (string) wp_json_encode( $response->get_data() ) );
		}
		wp_set_current_user( 1 );
		$this->assertSame( 'Trials to the CRM', \Footprints\plugin()->rule_store()->find( $rule['id'] )['name'] );
		$this->assertSame( 10, \Footprints\plugin()->automation_settings()->pause_after() );
	}
}
