<?php
/**
 * Delivery against a real HTTP receiver on loopback (tests/php/receiver,
 * FOOTPRINTS_RECEIVER_PORT and FOOTPRINTS_RECEIVER_OTHER_PORT): a webhook
 * arrives signed as the Standard Webhooks spec says (checked here by our
 * own reading of the spec, not the plugin's signer), a failing receiver is
 * retried on the exact schedule, nothing is lost or doubled while it is
 * down, a rule is paused after N failures in a row with a notice, the log
 * keeps bodies only in debug, and write-only values reach only their URL.
 * The worker runs on a clock the test sets.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Automations\DeliveryHttp;
use Footprints\Automations\Worker;
use function Footprints\plugin;

final class AutomationDeliveryTest extends TestCase {

	use AutomationFixtures;

	private static LoopbackServer $receiver;

	private static LoopbackServer $other;

	/**
	 * The worker's clock, ms since 1970.
	 *
	 * @var int
	 */
	private int $now = 0;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$receiver = new LoopbackServer( 'FOOTPRINTS_RECEIVER_PORT', 8893 );
		self::$other    = new LoopbackServer( 'FOOTPRINTS_RECEIVER_OTHER_PORT', 8894 );
		self::$receiver->start();
		self::$other->start();
	}

	public static function tearDownAfterClass(): void {
		self::$receiver->stop();
		self::$other->stop();
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		$this->define_plan_selected();
		// A second ahead of the queue's own clock, so what was queued now is due.
		$this->now = (int) floor( microtime( true ) * 1000 ) + 1000;
		self::$receiver->answer( array( 'status' => 200 ) );
		self::$other->answer( array( 'status' => 200 ) );
	}

	/**
	 * The worker on the test's clock.
	 */
	private function worker(): Worker {
		global $wpdb;
		return new Worker( $wpdb, plugin()->rule_store(), plugin()->automation_payloads(), new DeliveryHttp(), plugin()->delivery_log(), plugin()->automation_settings(), plugin()->payload_additions(), fn(): int => $this->now );
	}

	/**
	 * Adds a rule on plan_selected; returns it as created (with a webhook's secret).
	 *
	 * @param array<string, mixed> $action The action.
	 * @return array<string, mixed>
	 */
	private function rule( array $action ): array {
		return $this->add_rule( 'plan_selected', $action );
	}

	/**
	 * A webhook rule to the receiver.
	 *
	 * @return array<string, mixed>
	 */
	private function webhook(): array {
		return $this->rule(
			array(
				'type' => 'webhook',
				'url'  => self::$receiver->url() . '/hooks/footprints?source=test',
			)
		);
	}

	/**
	 * Collects plan_selected events of one device.
	 *
	 * @param list<string> $ids Event IDs.
	 */
	private function select( array $ids ): void {
		$events = array();
		foreach ( $ids as $i => $id ) {
			$events[] = array(
				'id'         => $id,
				'event'      => 'plan_selected',
				'device_id'  => 'dev_delivery1',
				'time'       => 1764000000000 + $i,
				'page'       => 'https://shop.example.com/pricing',
				'attributes' => array(
					'plan'  => 'pro',
					'price' => 199,
				),
			);
		}
		$this->assertSame( count( $ids ), $this->collect( $events )['accepted'] ?? null );
	}

	/**
	 * The log rows through REST, oldest first.
	 *
	 * @param array<string, mixed> $query Query.
	 * @return list<array<string, mixed>>
	 */
	private function log( array $query = array() ): array {
		$this->log_in_as( 'administrator' );
		return array_reverse( $this->rest( 'GET', '/footprints/v1/automations/log', $query + array( 'per_page' => 100 ) )->get_data() );
	}

	/**
	 * The queued deliveries: event_id => attempts, next_attempt_at.
	 *
	 * @return array<string, array{attempts: string, next_attempt_at: string}>
	 */
	private function queue(): array {
		global $wpdb;
		return $wpdb->get_results( "SELECT event_id, attempts, next_attempt_at FROM {$wpdb->prefix}footprints_automation_deliveries ORDER BY event_id", OBJECT_K ) ? array_map(
			static fn( $row ) => array(
				'attempts'        => (string) $row->attempts,
				'next_attempt_at' => (string) $row->next_attempt_at,
			),
			$wpdb->get_results( "SELECT event_id, attempts, next_attempt_at FROM {$wpdb->prefix}footprints_automation_deliveries ORDER BY event_id", OBJECT_K )
		) : array();
	}

	/**
	 * Verifies a Standard Webhooks signature as a receiver would, written
	 * from the spec: the signed content is "id.timestamp.body", the key the
	 * base64 after "whsec_", the header a space-separated list of
	 * "v1,<base64 HMAC-SHA256>", and the timestamp within five minutes.
	 *
	 * @param string                $secret  The rule's secret.
	 * @param array<string, string> $headers Headers received (lowercase names).
	 * @param string                $body    Body received.
	 * @param int                   $now     The receiver's time, in seconds.
	 */
	private static function verified( string $secret, array $headers, string $body, int $now ): bool {
		$id        = $headers['webhook-id'] ?? '';
		$timestamp = $headers['webhook-timestamp'] ?? '';
		if ( '' === $id || ! ctype_digit( $timestamp ) || abs( $now - (int) $timestamp ) > 300 ) {
			return false;
		}
		$key      = base64_decode( explode( '_', $secret, 2 )[1], true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- the spec's encoding.
		$expected = base64_encode( hash_hmac( 'sha256', "$id.$timestamp.$body", (string) $key, true ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the spec's encoding.
		foreach ( explode( ' ', $headers['webhook-signature'] ?? '' ) as $signature ) {
			list( $version, $value ) = array_pad( explode( ',', $signature, 2 ), 2, '' );
			if ( 'v1' === $version && hash_equals( $expected, $value ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What admin screens print as notices for the current user.
	 */
	private static function notices(): string {
		ob_start();
		do_action( 'admin_notices' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's hook, as a screen fires it.
		return (string) ob_get_clean();
	}

	public function test_a_webhook_arrives_signed_with_the_event_and_the_person(): void {
		$rule = $this->webhook();
		$this->select( array( 'evt_deliver_1' ) );

		$report = $this->worker()->run( 10 );

		$this->assertSame( 1, $report['delivered'] );
		$requests = self::$receiver->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( 'POST', $requests[0]['method'] );
		$this->assertSame( '/hooks/footprints?source=test', $requests[0]['uri'] );
		$this->assertSame( 'application/json', $requests[0]['headers']['content-type'] );
		$this->assertTrue( self::verified( $rule['secret'], $requests[0]['headers'], $requests[0]['body'], intdiv( $this->now, 1000 ) ) );
		$this->assertSame( (string) intdiv( $this->now, 1000 ), $requests[0]['headers']['webhook-timestamp'] );
		$this->assertFalse( self::verified( $rule['secret'], $requests[0]['headers'], $requests[0]['body'] . ' ', intdiv( $this->now, 1000 ) ), 'A changed body must not verify.' );
		$this->assertFalse( self::verified( 'whsec_' . base64_encode( random_bytes( 24 ) ), $requests[0]['headers'], $requests[0]['body'], intdiv( $this->now, 1000 ) ), 'Another secret must not verify.' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode

		$payload = json_decode( $requests[0]['body'], true );
		$this->assertSame( 'footprints.event', $payload['type'] );
		$this->assertSame(
			array(
				'id'   => $rule['id'],
				'name' => 'To the receiver',
			),
			$payload['rule']
		);
		$this->assertSame(
			array(
				'id'          => 'evt_deliver_1',
				'code'        => 'plan_selected',
				'name'        => 'Plan Selected',
				'color'       => $payload['event']['color'],
				'description' => '',
				'attributes'  => array(
					'plan'  => 'pro',
					'price' => 199,
				),
				'page'        => 'https://shop.example.com/pricing',
				'referrer'    => '',
				'occurred_at' => '2025-11-24T16:00:00.000Z',
			),
			$payload['event']
		);
		$this->assertMatchesRegularExpression( '/^#[0-9a-f]{6}$/i', $payload['event']['color'] );
		$this->assertSame( 'dev_delivery1', $payload['device_id'] );
		$this->assertIsInt( $payload['person']['id'] );
		$this->assertSame( admin_url( 'admin.php?page=footprints-insights&view=person&person=' . $payload['person']['id'] ), $payload['timeline_url'] );

		$log = $this->log();
		$this->assertCount( 1, $log );
		$this->assertSame( 'delivered', $log[0]['status'] );
		$this->assertSame( 200, $log[0]['response_code'] );
		$this->assertSame( 1, $log[0]['attempt'] );
		$this->assertNull( $log[0]['request_body'] );
		$this->assertNull( $log[0]['response_body'] );
		$this->assertSame( array(), $this->queue() );
		$this->assertSame( 0, $this->worker()->run( 10 )['delivered'], 'Delivered once, never again.' );
		$this->assertCount( 1, self::$receiver->requests() );
	}

	public function test_a_failing_receiver_is_retried_on_the_exact_schedule_then_failed_for_good(): void {
		$this->webhook();
		self::$receiver->answer( array( 'status' => 500 ) );
		$this->select( array( 'evt_deliver_f' ) );
		$start = $this->now;

		$expected_next = array();
		foreach ( array( 60, 300, 1800, 7200, 21600 ) as $attempt => $wait ) {
			$report = $this->worker()->run( 10 );
			$this->assertSame( 1, $report['retrying'], "attempt $attempt" );
			$next = $this->now + $wait * 1000;
			$this->assertSame(
				array(
					'evt_deliver_f' => array(
						'attempts'        => (string) ( $attempt + 1 ),
						'next_attempt_at' => \Footprints\Events\EventWriter::to_datetime( $next ),
					),
				),
				$this->queue()
			);
			$expected_next[] = $next;
			// A millisecond early: nothing is sent.
			$this->now = $next - 1;
			$this->assertSame( 0, $this->worker()->run( 10 )['retrying'] );
			$this->now = $next;
		}
		$this->assertSame( 1, $this->worker()->run( 10 )['failed'] );

		$this->assertSame( array(), $this->queue() );
		$this->assertCount( 6, self::$receiver->requests() );
		$ids = array_unique( array_map( static fn( $request ) => $request['headers']['webhook-id'], self::$receiver->requests() ) );
		$this->assertCount( 1, $ids, 'Every retry carries the same webhook-id.' );
		$log = $this->log();
		$this->assertSame( array( 'retrying', 'retrying', 'retrying', 'retrying', 'retrying', 'failed' ), array_column( $log, 'status' ) );
		$this->assertSame( array( 1, 2, 3, 4, 5, 6 ), array_column( $log, 'attempt' ) );
		$this->assertSame( array_fill( 0, 6, 500 ), array_column( $log, 'response_code' ) );
		$this->assertSame( 'The receiver answered 500.', $log[5]['error'] );
		$this->assertSame(
			array_merge( array_map( static fn( int $ms ) => str_replace( ' ', 'T', \Footprints\Events\EventWriter::to_datetime( $ms ) ) . 'Z', $expected_next ), array( null ) ),
			array_column( $log, 'next_attempt_at' )
		);
		$this->assertSame( str_replace( ' ', 'T', \Footprints\Events\EventWriter::to_datetime( $start ) ) . 'Z', $log[0]['at'] );
	}

	public function test_nothing_is_lost_or_doubled_while_the_receiver_is_down(): void {
		$rule = $this->webhook();
		self::$receiver->stop();
		try {
			$this->select( array( 'evt_down_1', 'evt_down_2', 'evt_down_3' ) );
			$report = $this->worker()->run( 10 );
			$this->assertSame( 3, $report['retrying'] );
			$this->select( array( 'evt_down_4', 'evt_down_5' ) );
			$this->now += 1000;
			$this->assertSame( 2, $this->worker()->run( 10 )['retrying'] );
		} finally {
			self::$receiver->start();
		}
		self::$receiver->answer( array( 'status' => 204 ) );
		$this->assertSame( 'retrying', $this->log( array( 'status' => 'retrying' ) )[0]['status'] );
		$this->assertNull( $this->log()[0]['response_code'] );

		$this->now += 60 * 1000;
		$report     = $this->worker()->run( 10 );
		$this->assertSame( 5, $report['delivered'] );
		$this->assertSame( 0, $this->worker()->run( 10 )['delivered'] );

		$received = array_map( static fn( $request ) => json_decode( $request['body'], true )['event']['id'], self::$receiver->requests() );
		sort( $received );
		$this->assertSame( array( 'evt_down_1', 'evt_down_2', 'evt_down_3', 'evt_down_4', 'evt_down_5' ), $received );
		foreach ( self::$receiver->requests() as $request ) {
			$this->assertTrue( self::verified( $rule['secret'], $request['headers'], $request['body'], intdiv( $this->now, 1000 ) ) );
		}
		$this->assertSame( array(), $this->queue() );
		$this->assertSame( 0, plugin()->rule_store()->find( $rule['id'] )['consecutive_failures'] );
	}

	public function test_a_rule_is_paused_after_n_failures_in_a_row_with_a_notice_and_resumed(): void {
		plugin()->automation_settings()->save( array( 'pause_after' => 3 ) );
		$rule = $this->webhook();
		self::$receiver->answer( array( 'status' => 503 ) );
		$this->select( array( 'evt_pause_1', 'evt_pause_2', 'evt_pause_3', 'evt_pause_4' ) );

		$report = $this->worker()->run( 10 );

		$this->assertSame( 3, $report['retrying'] );
		$this->assertSame( 1, $report['released'] );
		$this->assertSame( array( $rule['id'] ), $report['paused'] );
		$this->assertCount( 3, self::$receiver->requests() );
		$this->log_in_as( 'administrator' );
		$stored = $this->rest( 'GET', '/footprints/v1/automations/' . $rule['id'] )->get_data();
		$this->assertTrue( $stored['paused'] );
		$this->assertSame( 3, $stored['consecutive_failures'] );
		$this->assertSame(
			array(
				'at'     => $stored['last_delivery']['at'],
				'status' => 'retrying',
			),
			$stored['last_delivery']
		);

		$notice = self::notices();
		$this->assertStringContainsString( 'Footprints paused the automation “To the receiver” after 3 failed delivery attempts in a row', $notice );
		$this->assertStringContainsString( 'href="' . esc_url( admin_url( 'admin.php?page=footprints&tab=automations' ) ) . '"', $notice );
		// The Automations tab shows paused rules itself, with Resume.
		$_GET['page'] = 'footprints';
		$_GET['tab']  = 'automations';
		$on_the_tab   = self::notices();
		unset( $_GET['page'], $_GET['tab'] ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the test's own request.
		$this->assertStringNotContainsString( 'Footprints paused', $on_the_tab );
		$this->log_in_as( 'editor' );
		$this->assertStringNotContainsString( 'Footprints paused', self::notices() );

		// Paused: nothing goes out, however late it is.
		$this->now += DAY_IN_SECONDS * 1000;
		$this->assertSame( 0, $this->worker()->run( 10 )['retrying'] );
		$this->assertCount( 3, self::$receiver->requests() );

		self::$receiver->answer( array( 'status' => 200 ) );
		$this->log_in_as( 'administrator' );
		$resumed = $this->rest( 'POST', '/footprints/v1/automations/' . $rule['id'] . '/resume' )->get_data();
		$this->assertFalse( $resumed['paused'] );
		$this->assertSame( 0, $resumed['consecutive_failures'] );
		$this->assertSame( 4, $this->worker()->run( 10 )['delivered'] );
		$this->assertStringNotContainsString( 'Footprints paused', self::notices() );
	}

	public function test_a_pause_setting_lowered_below_a_rules_run_pauses_it_at_its_next_failure(): void {
		$rule = $this->webhook();
		self::$receiver->answer( array( 'status' => 500 ) );
		$this->select( array( 'evt_low_1', 'evt_low_2', 'evt_low_3', 'evt_low_4' ) );
		$this->assertSame( 4, $this->worker()->run( 10 )['retrying'] );
		plugin()->automation_settings()->save( array( 'pause_after' => 3 ) );
		$this->now += 60 * 1000;

		$report = $this->worker()->run( 10 );

		$this->assertSame( array( 1, 3, array( $rule['id'] ) ), array( $report['retrying'], $report['released'], $report['paused'] ) );
		$this->assertCount( 5, self::$receiver->requests() );
		$this->assertSame( 5, plugin()->rule_store()->find( $rule['id'] )['consecutive_failures'] );
	}

	public function test_a_run_sends_nothing_more_once_its_time_is_up_and_the_rest_waits_for_the_next(): void {
		$this->webhook();
		self::$receiver->answer(
			array(
				'status'   => 200,
				'delay_ms' => 300,
			)
		);
		$this->select( array( 'evt_time_1', 'evt_time_2', 'evt_time_3', 'evt_time_4', 'evt_time_5' ) );

		$first = $this->worker()->run( 0.5 );

		$this->assertGreaterThanOrEqual( 1, $first['delivered'] );
		$this->assertGreaterThanOrEqual( 1, $first['released'] );
		$this->assertSame( 5, $first['delivered'] + $first['released'] );
		$this->assertCount( $first['delivered'], self::$receiver->requests() );
		$this->assertSame( $first['released'], $this->worker()->run( 10 )['delivered'] );
		$this->assertCount( 5, self::$receiver->requests() );
	}

	public function test_the_log_keeps_bodies_only_while_debug_logging_is_on(): void {
		$this->webhook();
		self::$receiver->answer(
			array(
				'status' => 200,
				'body'   => '{"ok":true}',
			)
		);
		$this->select( array( 'evt_body_1' ) );
		$this->worker()->run( 10 );
		plugin()->automation_settings()->save( array( 'log_bodies' => true ) );
		$this->select( array( 'evt_body_2' ) );
		$this->worker()->run( 10 );

		$log = $this->log();
		$this->assertNull( $log[0]['request_body'], 'Logged while debug was off: no body, even when shown later.' );
		$this->assertNull( $log[0]['response_body'] );
		$this->assertSame( self::$receiver->requests()[1]['body'], $log[1]['request_body'] );
		$this->assertSame( '{"ok":true}', $log[1]['response_body'] );

		plugin()->automation_settings()->save( array( 'log_bodies' => false ) );
		$this->assertNull( $this->log()[1]['request_body'], 'Turned off: bodies are no longer shown.' );
	}

	public function test_log_rows_older_than_the_retention_are_purged(): void {
		plugin()->automation_settings()->save( array( 'log_days' => 30 ) );
		$now  = time();
		$rows = array();
		foreach ( array( 31 * 86400, 30 * 86400 + 1, 30 * 86400 - 60, 3600 ) as $i => $age ) {
			$rows[] = array(
				'rule_id'         => 1,
				'rule_name'       => 'Old',
				'event_id'        => "evt_old_$i",
				'code'            => 'plan_selected',
				'attempt'         => 1,
				'status'          => 'delivered',
				'response_code'   => 200,
				'duration_ms'     => 3,
				'error'           => null,
				'at_ms'           => ( $now - $age ) * 1000,
				'next_attempt_ms' => null,
				'test'            => false,
				'request_body'    => null,
				'response_body'   => null,
			);
		}
		plugin()->delivery_log()->record( $rows );

		$this->assertNotFalse( wp_next_scheduled( \Footprints\Automations\AutomationSchedule::PURGE_HOOK ) );
		do_action( \Footprints\Automations\AutomationSchedule::PURGE_HOOK ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own cron hook (footprints_automations_purge), as WP-Cron fires it.

		$this->assertSame( array( 'evt_old_2', 'evt_old_3' ), array_column( $this->log(), 'event_id' ) );
		$this->assertSame( 0, plugin()->delivery_log()->purge( $now ) );
	}

	public function test_slack_gets_a_readable_message_and_crm_its_mapped_fields_with_the_auth_header(): void {
		$this->rule(
			array(
				'type' => 'slack',
				'url'  => self::$receiver->url() . '/services/T1/B2/abcd',
			)
		);
		$this->rule(
			array(
				'type'        => 'crm',
				'url'         => self::$other->url() . '/api/leads',
				'auth_header' => 'X-Api-Key',
				'auth_value'  => 'crm-key-123',
				'fields'      => array(
					'lead_plan' => 'attributes.plan',
					'what'      => 'event.name',
					'when'      => 'event.time',
					'link'      => 'timeline_url',
					'email'     => 'person.email',
				),
			)
		);
		$this->select( array( 'evt_slack_1' ) );

		$this->assertSame( 2, $this->worker()->run( 10 )['delivered'] );

		$slack = self::$receiver->requests();
		$this->assertCount( 1, $slack );
		$this->assertArrayNotHasKey( 'x-api-key', $slack[0]['headers'] );
		$this->assertArrayNotHasKey( 'webhook-signature', $slack[0]['headers'] );
		$message = json_decode( $slack[0]['body'], true );
		// Every device is a person (anonymous until identified): the link is the person's timeline.
		$person = (int) $GLOBALS['wpdb']->get_var( "SELECT person_id FROM {$GLOBALS['wpdb']->prefix}footprints_person_devices WHERE device_id = 'dev_delivery1'" );
		$link   = '<' . admin_url( 'admin.php?page=footprints-insights&view=person&person=' . $person ) . "|Open the lead's timeline>";
		$this->assertSame( 'Footprints: Plan Selected ' . $link, $message['text'] );
		$attachment = $message['attachments'][0];
		$this->assertMatchesRegularExpression( '/^#[0-9a-f]{6}$/i', $attachment['color'] );
		$this->assertSame( 'Plan Selected', $attachment['title'] );
		$this->assertSame(
			array(
				array(
					'title' => 'Page',
					'value' => 'https://shop.example.com/pricing',
					'short' => false,
				),
				array(
					'title' => 'plan',
					'value' => 'pro',
					'short' => true,
				),
				array(
					'title' => 'price',
					'value' => '199',
					'short' => true,
				),
			),
			$attachment['fields']
		);

		$crm = self::$other->requests();
		$this->assertCount( 1, $crm );
		$this->assertSame( 'crm-key-123', $crm[0]['headers']['x-api-key'] );
		$this->assertSame(
			array(
				'lead_plan' => 'pro',
				'what'      => 'Plan Selected',
				'when'      => '2025-11-24T16:00:00.000Z',
				'link'      => admin_url( 'admin.php?page=footprints-insights&view=person&person=' . $person ),
				'email'     => null,
			),
			json_decode( $crm[0]['body'], true )
		);
	}

	public function test_a_redirect_is_not_followed_so_the_auth_value_never_reaches_another_host(): void {
		$this->rule(
			array(
				'type'        => 'crm',
				'url'         => self::$receiver->url() . '/api/leads',
				'auth_header' => 'Authorization',
				'auth_value'  => 'Bearer never-elsewhere',
				'fields'      => array( 'email' => 'person.email' ),
			)
		);
		self::$receiver->answer(
			array(
				'status'  => 307,
				'headers' => array( 'Location' => self::$other->url() . '/steal' ),
			)
		);
		$this->select( array( 'evt_redirect_1' ) );

		$this->assertSame( 1, $this->worker()->run( 10 )['retrying'] );

		$this->assertCount( 1, self::$receiver->requests() );
		$this->assertSame( array(), self::$other->requests() );
		$this->assertSame( 'The receiver answered 307, a redirect to ' . self::$other->url() . '/steal: Footprints does not follow it. Save the new address in the rule.', $this->log()[0]['error'] );
	}

	public function test_send_test_makes_one_attempt_logged_as_a_test(): void {
		$rule = $this->webhook();
		$this->log_in_as( 'administrator' );

		$ok = $this->rest( 'POST', '/footprints/v1/automations/' . $rule['id'] . '/test' )->get_data();

		$this->assertTrue( $ok['ok'] );
		$this->assertSame( 200, $ok['response_code'] );
		$this->assertNull( $ok['error'] );
		$request = self::$receiver->requests()[0];
		$this->assertTrue( self::verified( $rule['secret'], $request['headers'], $request['body'], time() ) );
		$sample = json_decode( $request['body'], true );
		$this->assertSame( 'plan_selected', $sample['event']['code'] );
		$this->assertSame(
			array(
				'plan'  => 'example',
				'price' => 42,
				'trial' => true,
			),
			$sample['event']['attributes']
		);

		self::$receiver->answer( array( 'status' => 404 ) );
		$failed = $this->rest( 'POST', '/footprints/v1/automations/' . $rule['id'] . '/test' )->get_data();
		$this->assertSame( array( false, 404, 'The receiver answered 404.' ), array( $failed['ok'], $failed['response_code'], $failed['error'] ) );

		$log = $this->log();
		$this->assertSame( array( true, true ), array_column( $log, 'test' ) );
		$this->assertSame( array( 'delivered', 'failed' ), array_column( $log, 'status' ) );
		$stored = $this->rest( 'GET', '/footprints/v1/automations/' . $rule['id'] )->get_data();
		$this->assertSame( 0, $stored['consecutive_failures'], 'A test never counts toward pausing.' );
		$this->assertNull( $stored['last_delivery'] );
	}

	public function test_two_workers_never_send_one_delivery_twice_and_a_dead_workers_rows_come_back(): void {
		global $wpdb;
		$this->webhook();
		$this->select( array( 'evt_claim_1', 'evt_claim_2' ) );
		// A worker claimed both and died: the lease holds them.
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->prefix}footprints_automation_deliveries SET claim_token = %s, claimed_until = %s", str_repeat( 'a', 32 ), \Footprints\Events\EventWriter::to_datetime( $this->now + Worker::LEASE_SECONDS * 1000 ) ) );

		$this->assertSame( 0, $this->worker()->run( 10 )['delivered'] );
		$this->assertSame( array(), self::$receiver->requests() );

		$this->now += Worker::LEASE_SECONDS * 1000 + 1;
		$this->assertSame( 2, $this->worker()->run( 10 )['delivered'] );
		$this->assertCount( 2, self::$receiver->requests() );
	}
}
