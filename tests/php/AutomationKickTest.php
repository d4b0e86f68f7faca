<?php
/**
 * The loopback kick: queued deliveries wake a worker once the request
 * ends, through admin-ajax.php, authenticated by the site's secret token;
 * at most one such request is in flight.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Automations\RunKick;
use function Footprints\plugin;

final class AutomationKickTest extends TestCase {

	use AutomationFixtures;
	use WithReceiver;

	/**
	 * Runs the loopback request's handler with this token; the status it died with.
	 *
	 * @param string $token Token sent.
	 */
	private function serve( string $token ): int {
		$_POST['token'] = $token;
		$die            = static fn() => static function ( $message, $title, $args ): void {
			throw new \RuntimeException( (string) ( $args['response'] ?? 0 ) );
		};
		add_filter( 'wp_die_handler', $die );
		try {
			plugin()->run_kick()->serve();
			return 0;
		} catch ( \RuntimeException $died ) {
			return (int) $died->getMessage();
		} finally {
			remove_filter( 'wp_die_handler', $die );
			unset( $_POST['token'] ); // phpcs:ignore WordPress.Security.NonceVerification.Missing -- the test's own request.
		}
	}

	public function test_a_queued_delivery_kicks_the_worker_once_when_the_request_ends(): void {
		$kick = plugin()->run_kick();
		$sent = array();
		$spy  = static function ( $response, $context, $class, $args, $url ) use ( &$sent ): void {
			$sent[] = array( $url, $args['body'], $args['blocking'] );
		};
		add_action( 'http_api_debug', $spy, 10, 5 );
		$kick->free_slot();
		$this->add_webhook( 'trial_click', self::$receiver->url() . '/in' );

		$this->collect(
			array(
				array(
					'id'    => 'evt_kick_1',
					'event' => 'trial_click',
				),
			)
		);
		$this->collect(
			array(
				array(
					'id'    => 'evt_kick_2',
					'event' => 'trial_click',
				),
			)
		);

		$this->assertSame( 10, has_action( 'shutdown', array( $kick, 'kick' ) ) );
		$kick->kick();
		$kick->kick();
		remove_action( 'http_api_debug', $spy, 10 );
		$this->assertSame(
			array(
				array(
					admin_url( 'admin-ajax.php' ),
					array(
						'action' => RunKick::ACTION,
						'token'  => $kick->token(),
					),
					false,
				),
			),
			$sent,
			'One request, non-blocking: the second kick finds the slot taken.'
		);
	}

	public function test_resuming_a_rule_kicks_the_worker_for_what_waited(): void {
		global $wpdb;
		$kick  = new RunKick( $wpdb, static fn() => plugin()->automation_worker() );
		$rules = new \Footprints\Automations\RuleService( plugin()->rule_store(), new \Footprints\Automations\RuleInput( plugin()->definitions(), plugin()->nurture_draft() ), plugin()->delivery_log(), $kick );
		$rule  = $rules->create(
			array(
				'name'   => 'Kick',
				'event'  => 'trial_click',
				'action' => array(
					'type' => 'webhook',
					'url'  => self::$receiver->url() . '/in',
				),
			)
		);
		$this->assertIsArray( $rule );
		$this->assertFalse( has_action( 'shutdown', array( $kick, 'kick' ) ) );

		$rules->resume( $rule['id'] );

		$this->assertSame( 10, has_action( 'shutdown', array( $kick, 'kick' ) ) );
		remove_action( 'shutdown', array( $kick, 'kick' ) );
	}

	public function test_the_loopback_request_needs_the_sites_token_and_then_works_the_queue(): void {
		$kick = plugin()->run_kick();
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $kick->token() );
		$this->assertSame( $kick->token(), $kick->token() );
		$this->add_webhook( 'trial_click', self::$receiver->url() . '/in' );
		self::$receiver->answer( array( 'status' => 200 ) );
		$this->collect(
			array(
				array(
					'id'    => 'evt_kick_3',
					'event' => 'trial_click',
				),
			)
		);

		$this->assertSame( 403, $this->serve( '' ) );
		$this->assertSame( 403, $this->serve( str_repeat( '0', 64 ) ) );
		$this->assertSame( array(), self::$receiver->requests() );

		$this->assertTrue( $kick->take_slot() );
		$this->assertFalse( $kick->take_slot(), 'One in flight at most.' );
		$this->assertSame( 200, $this->serve( $kick->token() ) );
		$this->assertCount( 1, self::$receiver->requests() );
		$this->assertSame( 'evt_kick_3', json_decode( self::$receiver->requests()[0]['body'], true )['event']['id'] );
		$this->assertTrue( $kick->take_slot(), 'The worker gave the slot back.' );
	}
}
