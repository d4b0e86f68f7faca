<?php
/**
 * The automation action "draft with AI, then send", through WordPress'
 * real AI client with the test provider `footprints-test` and its loopback
 * OpenAI-compatible server (AiServer, FOOTPRINTS_AI_PORT), delivering to
 * the loopback receiver (FOOTPRINTS_RECEIVER_PORT): the receiver gets the
 * server's subject and body, drafted from the lead's brief; a provider
 * error fails the attempt with its message and is retried; without a
 * provider the rule cannot be saved and a saved rule's attempt says why;
 * a rule without the option sends nothing to the provider.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Automations\DeliveryHttp;
use Footprints\Automations\Worker;
use Footprints\Tests\AiProvider\TestProvider;
use function Footprints\plugin;

final class AutomationAiDraftTest extends TestCase {

	use AutomationFixtures;
	use PeopleEvents;

	private const DRAFT = array(
		'subject' => 'Your demo agenda, Ann',
		'body'    => "Hi Ann,\nthanks for booking a demo. Here is a short agenda.\nSam",
	);

	private const NO_PROVIDER = 'No AI provider is connected, so this rule cannot draft with AI. Connect one under Settings → Connectors, or turn off "Draft with AI" in the rule.';

	private static AiServer $ai;

	private static LoopbackServer $receiver;

	/**
	 * The worker's clock, ms since 1970.
	 *
	 * @var int
	 */
	private int $now = 0;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$ai = new AiServer();
		self::$ai->start();
		self::$receiver = new LoopbackServer( 'FOOTPRINTS_RECEIVER_PORT', 8893 );
		self::$receiver->start();
	}

	public static function tearDownAfterClass(): void {
		self::$receiver->stop();
		self::$ai->stop();
		TestProvider::use_api_key( '' );
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		$this->define_plan_selected();
		$this->define_event( 'trial_click' );
		TestProvider::use_api_key( 'footprints-test-key' );
		self::$ai->answer( array( 'content' => (string) wp_json_encode( self::DRAFT ) ) );
		self::$receiver->answer( array( 'status' => 200 ) );
		// A second ahead of the queue's own clock, so what was queued now is due.
		$this->now = (int) floor( microtime( true ) * 1000 ) + 1000;
	}

	protected function tearDown(): void {
		remove_all_filters( 'wp_supports_ai' );
		parent::tearDown();
	}

	/**
	 * Runs the worker on the test's clock.
	 *
	 * @return array{delivered: int, retrying: int, failed: int, released: int, paused: list<int>}
	 */
	private function run_worker(): array {
		global $wpdb;
		return ( new Worker( $wpdb, plugin()->rule_store(), plugin()->automation_payloads(), new DeliveryHttp(), plugin()->delivery_log(), plugin()->automation_settings(), plugin()->payload_additions(), fn(): int => $this->now ) )->run( 10 );
	}

	/**
	 * Ann's journey on device dev_draft_ann: identified, a trial click, a plan chosen.
	 */
	private function ann_selects_a_plan(): void {
		$events = array(
			$this->identify( 'dev_draft_ann', 0, 'ann-9', array( 'email' => 'ann@example.com' ) ),
			$this->click( 'dev_draft_ann', 30 ),
			$this->event( 'dev_draft_ann', 60, 'plan_selected', array( 'plan' => 'team' ) ),
		);
		$this->assertSame( 3, $this->collect( $events )['accepted'] ?? null );
	}

	/**
	 * A drafting webhook rule on plan_selected to the receiver.
	 *
	 * @return array<string, mixed>
	 */
	private function drafting_webhook(): array {
		return $this->add_rule(
			'plan_selected',
			array(
				'type'     => 'webhook',
				'url'      => self::$receiver->url() . '/hook',
				'ai_draft' => true,
			)
		);
	}

	/**
	 * The bodies the receiver got, decoded.
	 *
	 * @return list<array<string, mixed>>
	 */
	private static function received(): array {
		return array_map( static fn( array $request ) => (array) json_decode( $request['body'], true ), self::$receiver->requests() );
	}

	/**
	 * The text of the user message of a chat completion the AI server got.
	 *
	 * @param array<string, mixed> $completion The completion's body.
	 */
	private static function prompt_of( array $completion ): string {
		foreach ( (array) $completion['messages'] as $message ) {
			if ( 'user' === $message['role'] ) {
				return implode( '', array_column( (array) $message['content'], 'text' ) );
			}
		}
		return '';
	}

	/**
	 * The delivery log through REST, oldest first.
	 *
	 * @return list<array<string, mixed>>
	 */
	private function log(): array {
		$this->log_in_as( 'administrator' );
		return array_reverse( $this->rest( 'GET', '/footprints/v1/automations/log', array( 'per_page' => 100 ) )->get_data() );
	}

	public function test_a_drafting_webhook_sends_the_servers_subject_and_body_drafted_from_the_leads_brief(): void {
		$this->drafting_webhook();
		$this->ann_selects_a_plan();

		$this->assertSame( 1, $this->run_worker()['delivered'] );

		$bodies = self::received();
		$this->assertCount( 1, $bodies );
		$this->assertSame( self::DRAFT, $bodies[0]['draft'] );
		$this->assertArrayNotHasKey( 'brief', $bodies[0], 'The brief goes to the provider, not the receiver, unless asked.' );
		$completions = self::$ai->completions();
		$this->assertCount( 1, $completions );
		$brief = plugin()->lead_brief()->of_device( 'dev_draft_ann' )['text'];
		$this->assertStringContainsString( 'Plan Selected', $brief );
		$this->assertStringContainsString( $brief, self::prompt_of( $completions[0] ) );
	}

	public function test_a_crm_rule_maps_the_draft_and_a_lead_is_drafted_once_per_run(): void {
		$this->add_rule(
			'plan_selected',
			array(
				'type'     => 'crm',
				'url'      => self::$receiver->url() . '/crm',
				'ai_draft' => true,
				'fields'   => array(
					'email'   => 'person.email',
					'subject' => 'draft.subject',
					'body'    => 'draft.body',
				),
			)
		);
		$this->drafting_webhook();
		$this->ann_selects_a_plan();

		$this->assertSame( 2, $this->run_worker()['delivered'] );

		$crm = array_values( array_filter( self::$receiver->requests(), static fn( array $request ) => '/crm' === $request['uri'] ) );
		$this->assertSame(
			array(
				'email'   => 'ann@example.com',
				'subject' => self::DRAFT['subject'],
				'body'    => self::DRAFT['body'],
			),
			json_decode( $crm[0]['body'], true )
		);
		$this->assertCount( 1, self::$ai->completions(), 'Two rules on one lead\'s event: one draft.' );
	}

	public function test_a_provider_error_fails_the_attempt_with_its_message_and_is_retried(): void {
		$this->drafting_webhook();
		self::$ai->answer(
			array(
				'status' => 500,
				'error'  => 'Upstream model overloaded.',
			)
		);
		$this->ann_selects_a_plan();

		$this->assertSame( 1, $this->run_worker()['retrying'] );

		$this->assertSame( array(), self::$receiver->requests(), 'Nothing is sent without its draft.' );
		$log = $this->log();
		$this->assertCount( 1, $log );
		$this->assertSame( 'retrying', $log[0]['status'] );
		$this->assertNull( $log[0]['response_code'] );
		$this->assertSame( 'The AI provider did not draft the email: Internal Server Error (500) - Upstream model overloaded. Nothing was sent.', (string) $log[0]['error'] );

		// The backoff's first wait, then the provider answers.
		self::$ai->answer( array( 'content' => (string) wp_json_encode( self::DRAFT ) ) );
		$this->now += 60 * 1000 - 1;
		$this->assertSame( 0, $this->run_worker()['delivered'], 'Not before its next attempt.' );
		$this->now += 1;
		$this->assertSame( 1, $this->run_worker()['delivered'] );
		$this->assertSame( self::DRAFT, self::received()[0]['draft'] );
		$this->assertSame( array( 1, 2 ), array_column( $this->log(), 'attempt' ) );
	}

	public function test_without_a_provider_the_rule_cannot_be_saved_and_a_saved_rules_attempt_says_why(): void {
		TestProvider::use_api_key( '' );
		$refused = $this->post_rule(
			array(
				'type'     => 'webhook',
				'url'      => self::$receiver->url() . '/hook',
				'ai_draft' => true,
			),
			'Drafts'
		);
		$this->assertSame( 400, $refused->get_status() );
		$this->assertSame( 'action.ai_draft: ' . self::NO_PROVIDER, $refused->as_error()->get_error_message() );
		$this->assertSame( 'action.ai_draft', $refused->as_error()->get_error_data()['field'] );
		$this->assertSame( array(), $this->rest( 'GET', '/footprints/v1/automations' )->get_data() );

		// Saved while a provider was connected, which is gone since.
		TestProvider::use_api_key( 'footprints-test-key' );
		$saved = $this->add_rule(
			'plan_selected',
			array(
				'type'     => 'webhook',
				'url'      => self::$receiver->url() . '/hook',
				'ai_draft' => true,
			),
			array(),
			'Démos → drafts'
		);
		TestProvider::use_api_key( '' );
		$this->ann_selects_a_plan();

		$this->assertSame( 1, $this->run_worker()['retrying'] );

		$log = $this->log();
		$this->assertSame( 'Démos → drafts', $log[0]['rule_name'] );
		$this->assertSame( self::NO_PROVIDER, $log[0]['error'] );
		$this->assertSame( array(), self::$receiver->requests() );
		$this->assertSame( array(), self::$ai->completions() );

		// The owner can always switch such a rule off (it then drafts nothing), not on again.
		$rule = array(
			'name'   => 'Démos → drafts',
			'event'  => 'plan_selected',
			'action' => array(
				'type'     => 'webhook',
				'url'      => self::$receiver->url() . '/hook',
				'ai_draft' => true,
			),
		);
		$off  = $this->rest( 'PUT', '/footprints/v1/automations/' . $saved['id'], $rule + array( 'enabled' => false ) );
		$this->assertSame( 200, $off->get_status() );
		$this->assertFalse( $off->get_data()['enabled'] );
		$this->assertTrue( $off->get_data()['action']['ai_draft'] );
		$on = $this->rest( 'PUT', '/footprints/v1/automations/' . $saved['id'], $rule + array( 'enabled' => true ) );
		$this->assertSame( 400, $on->get_status() );
		$this->assertSame( 'action.ai_draft: ' . self::NO_PROVIDER, $on->as_error()->get_error_message() );
	}

	public function test_with_ai_switched_off_the_rule_cannot_be_saved(): void {
		add_filter( 'wp_supports_ai', '__return_false' );

		$refused = $this->post_rule(
			array(
				'type'     => 'crm',
				'url'      => self::$receiver->url() . '/crm',
				'ai_draft' => true,
				'fields'   => array( 'body' => 'draft.body' ),
			),
			'Drafts'
		);

		$this->assertSame( 400, $refused->get_status() );
		$this->assertSame( 'action.ai_draft: AI features are turned off on this site (wp_supports_ai() is false), so this rule cannot draft with AI. Turn off "Draft with AI" in the rule.', $refused->as_error()->get_error_message() );
		$this->assertSame( array(), self::$ai->requests() );
	}

	public function test_a_crm_mapping_of_the_draft_needs_ai_draft_and_ai_draft_needs_a_mapping(): void {
		$crm = fn( array $action ) => $this->post_rule(
			array(
				'type' => 'crm',
				'url'  => self::$receiver->url() . '/crm',
			) + $action,
			'CRM'
		)->as_error()->get_error_message();

		$this->assertSame(
			'action.fields.body: the AI draft is only made when "Draft with AI" is on (ai_draft: true); turn it on, or map another source.',
			$crm( array( 'fields' => array( 'body' => 'draft.body' ) ) )
		);
		$this->assertSame(
			'action.fields: map draft.subject or draft.body to a CRM field, so the AI draft goes somewhere; or turn off "Draft with AI".',
			$crm(
				array(
					'ai_draft' => true,
					'fields'   => array( 'email' => 'person.email' ),
				)
			)
		);
	}

	public function test_rules_without_the_option_send_nothing_to_the_provider(): void {
		$this->add_rule(
			'plan_selected',
			array(
				'type'          => 'webhook',
				'url'           => self::$receiver->url() . '/hook',
				'include_brief' => true,
			)
		);
		$this->add_rule(
			'plan_selected',
			array(
				'type'   => 'crm',
				'url'    => self::$receiver->url() . '/crm',
				'fields' => array( 'notes' => 'brief' ),
			)
		);
		$this->ann_selects_a_plan();

		$this->assertSame( 2, $this->run_worker()['delivered'] );

		$this->assertSame( array(), self::$ai->requests() );
		foreach ( self::received() as $body ) {
			$this->assertArrayNotHasKey( 'draft', $body );
		}
	}

	public function test_send_test_drafts_from_the_sample_event(): void {
		$rule = $this->drafting_webhook();
		$this->log_in_as( 'administrator' );

		$result = $this->rest( 'POST', '/footprints/v1/automations/' . $rule['id'] . '/test' )->get_data();

		$this->assertTrue( $result['ok'] );
		$this->assertSame( self::DRAFT, self::received()[0]['draft'] );
		$prompt = self::prompt_of( self::$ai->completions()[0] );
		$this->assertStringContainsString( 'Test lead: Test Person <test@example.com> (a sample: Send test uses no real person).', $prompt );
		$this->assertStringContainsString( '1. Plan Selected', $prompt );

		// A provider error is the test's answer, in the provider's words.
		self::$ai->answer(
			array(
				'status' => 401,
				'error'  => 'Incorrect API key provided.',
			)
		);
		$failed = $this->rest( 'POST', '/footprints/v1/automations/' . $rule['id'] . '/test' )->get_data();
		$this->assertFalse( $failed['ok'] );
		$this->assertStringContainsString( 'Incorrect API key provided.', (string) $failed['error'] );
		$this->assertCount( 1, self::$receiver->requests() );
	}
}
