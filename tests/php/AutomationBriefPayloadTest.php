<?php
/**
 * The lead brief in automation payloads, against the real loopback
 * receiver (tests/php/receiver, FOOTPRINTS_RECEIVER_PORT): a rule with
 * include_brief sends `brief`, the text People\LeadBrief gives for the
 * event's person, read at send time and once per lead per run; a CRM field
 * mapped to `brief` gets the same; a rule without it gets no `brief` key
 * and never reads the lead's timeline.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Automations\DeliveryHttp;
use Footprints\Automations\Worker;
use function Footprints\plugin;

final class AutomationBriefPayloadTest extends TestCase {

	use AutomationFixtures;
	use PeopleEvents;
	use WithReceiver;

	/**
	 * Queries of the last run that read the events table other than to load
	 * the payloads (those name the events by ID): the lead's timeline.
	 *
	 * @var list<string>
	 */
	private array $timeline_reads = array();

	protected function setUp(): void {
		parent::setUp();
		$this->define_plan_selected();
		$this->define_event( 'trial_click' );
		self::$receiver->answer( array( 'status' => 200 ) );
	}

	/**
	 * Runs the worker (a second ahead, so what was queued now is due),
	 * noting the queries that read a timeline.
	 *
	 * @return array{delivered: int, retrying: int, failed: int, released: int, paused: list<int>}
	 */
	private function run_worker(): array {
		global $wpdb;
		$this->timeline_reads = array();
		$events               = $wpdb->prefix . 'footprints_events';
		$watch                = function ( string $query ) use ( $events ): string {
			if ( str_contains( $query, $events ) && ! str_contains( $query, 'e.event_id IN' ) ) {
				$this->timeline_reads[] = $query;
			}
			return $query;
		};
		add_filter( 'query', $watch );
		try {
			$now    = (int) floor( microtime( true ) * 1000 ) + 1000;
			$worker = new Worker( $wpdb, plugin()->rule_store(), plugin()->automation_payloads(), new DeliveryHttp(), plugin()->delivery_log(), plugin()->automation_settings(), plugin()->payload_additions(), static fn(): int => $now );
			return $worker->run( 10 );
		} finally {
			remove_filter( 'query', $watch );
		}
	}

	/**
	 * A webhook rule on plan_selected to the receiver.
	 *
	 * @param array<string, mixed> $options Action options (include_brief…).
	 * @param string               $path    Path on the receiver.
	 * @param string               $name    Rule name.
	 */
	private function webhook( array $options, string $path = '/hook', string $name = 'To the receiver' ): void {
		$this->add_rule(
			'plan_selected',
			array(
				'type' => 'webhook',
				'url'  => self::$receiver->url() . $path,
			) + $options,
			array(),
			$name
		);
	}

	/**
	 * A lead's journey: an identify, a trial click, then plan_selected events.
	 *
	 * @param string $device Device.
	 * @param int    $plans  How many plan_selected events.
	 */
	private function journey( string $device, int $plans ): void {
		$events = array(
			$this->identify( $device, 0, 'lead-' . $device, array( 'email' => $device . '@example.com' ) ),
			$this->click( $device, 30 ),
		);
		for ( $i = 0; $i < $plans; $i++ ) {
			$events[] = $this->event( $device, 60 + $i, 'plan_selected', array( 'plan' => 'pro' ) );
		}
		$this->assertSame( count( $events ), $this->collect( $events )['accepted'] ?? null );
	}

	/**
	 * The bodies the receiver got on a path, decoded.
	 *
	 * @param string $path Path.
	 * @return list<array<string, mixed>>
	 */
	private static function received( string $path ): array {
		$bodies = array();
		foreach ( self::$receiver->requests() as $request ) {
			if ( $path === $request['uri'] ) {
				$bodies[] = (array) json_decode( $request['body'], true );
			}
		}
		return $bodies;
	}

	public function test_a_webhook_with_include_brief_gets_the_lead_brief_of_the_events_person(): void {
		$this->webhook( array( 'include_brief' => true ) );
		$this->journey( 'dev_brief_a', 1 );

		$this->assertSame( 1, $this->run_worker()['delivered'] );

		$bodies = self::received( '/hook' );
		$this->assertCount( 1, $bodies );
		$person = $bodies[0]['person']['id'];
		$this->assertIsInt( $person );
		$this->assertArrayHasKey( 'brief', $bodies[0] );
		$this->assertNotSame( '', $bodies[0]['brief'] );
		$this->assertStringContainsString( 'Plan Selected', $bodies[0]['brief'] );
		$this->assertSame( plugin()->lead_brief()->of_person( $person )['text'], $bodies[0]['brief'] );
		$this->assertSame( plugin()->lead_brief()->of_device( 'dev_brief_a' )['text'], $bodies[0]['brief'] );
		$this->assertNotEmpty( $this->timeline_reads, 'The brief is read from the lead\'s timeline.' );
	}

	public function test_a_rule_without_the_option_gets_no_brief_and_reads_no_timeline(): void {
		$this->webhook( array() );
		// A name beyond ASCII is stored and logged as written.
		$this->webhook( array( 'include_brief' => false ), '/hook-off', 'Démos → sans brief' );
		$this->journey( 'dev_brief_b', 2 );

		$this->assertSame( 4, $this->run_worker()['delivered'] );

		$bodies = array_merge( self::received( '/hook' ), self::received( '/hook-off' ) );
		$this->assertCount( 4, $bodies );
		foreach ( $bodies as $body ) {
			$this->assertArrayNotHasKey( 'brief', $body );
			$this->assertArrayNotHasKey( 'draft', $body );
		}
		$this->assertSame( array(), $this->timeline_reads );
		$this->log_in_as( 'administrator' );
		$names = array_column( $this->rest( 'GET', '/footprints/v1/automations/log', array( 'per_page' => 10 ) )->get_data(), 'rule_name' );
		sort( $names );
		$this->assertSame( array( 'Démos → sans brief', 'Démos → sans brief', 'To the receiver', 'To the receiver' ), $names );
	}

	public function test_a_leads_brief_is_read_once_per_run_however_many_events_and_rules(): void {
		$this->webhook( array( 'include_brief' => true ) );
		$this->journey( 'dev_brief_c', 1 );
		$this->run_worker();
		$one_delivery = count( $this->timeline_reads );
		$this->assertGreaterThan( 0, $one_delivery );

		$this->webhook( array( 'include_brief' => true ), '/second' );
		$this->collect(
			array(
				$this->event( 'dev_brief_c', 120, 'plan_selected', array( 'plan' => 'team' ) ),
				$this->event( 'dev_brief_c', 121, 'plan_selected', array( 'plan' => 'max' ) ),
			)
		);
		self::$receiver->answer( array( 'status' => 200 ) );

		$this->assertSame( 4, $this->run_worker()['delivered'] );

		$this->assertSame( $one_delivery, count( $this->timeline_reads ), 'Four deliveries of one lead read its timeline as often as one.' );
		$bodies = array_merge( self::received( '/hook' ), self::received( '/second' ) );
		$this->assertCount( 4, $bodies );
		$brief = plugin()->lead_brief()->of_device( 'dev_brief_c' )['text'];
		$this->assertSame( array_fill( 0, 4, $brief ), array_column( $bodies, 'brief' ) );
	}

	public function test_a_crm_field_mapped_to_brief_gets_it_and_slack_shows_it_when_asked(): void {
		$this->add_rule(
			'plan_selected',
			array(
				'type'   => 'crm',
				'url'    => self::$receiver->url() . '/crm',
				'fields' => array(
					'email' => 'person.email',
					'notes' => 'brief',
				),
			)
		);
		$this->add_rule(
			'plan_selected',
			array(
				'type'          => 'slack',
				'url'           => self::$receiver->url() . '/slack',
				'include_brief' => true,
			)
		);
		$this->journey( 'dev_brief_d', 1 );

		$this->assertSame( 2, $this->run_worker()['delivered'] );

		$brief = plugin()->lead_brief()->of_device( 'dev_brief_d' )['text'];
		$this->assertSame(
			array(
				array(
					'email' => 'dev_brief_d@example.com',
					'notes' => $brief,
				),
			),
			self::received( '/crm' )
		);
		$slack  = self::received( '/slack' );
		$fields = array_column( $slack[0]['attachments'][0]['fields'], 'value', 'title' );
		$this->assertNotSame( '', $brief );
		$this->assertSame( $brief, $fields['Lead brief'] ?? null );
	}

	public function test_include_brief_on_a_crm_action_and_ai_draft_on_slack_are_refused_naming_the_field(): void {
		$crm = $this->post_rule(
			array(
				'type'          => 'crm',
				'url'           => 'https://crm.example.com/x',
				'fields'        => array( 'email' => 'person.email' ),
				'include_brief' => true,
			),
			'CRM'
		);
		$this->assertSame( 400, $crm->get_status() );
		$this->assertSame( 'action.include_brief: a CRM action gets the lead brief by mapping a field to the source "brief"; leave include_brief out.', $crm->as_error()->get_error_message() );

		$slack = $this->post_rule(
			array(
				'type'     => 'slack',
				'url'      => 'https://hooks.slack.com/services/T/B/X',
				'ai_draft' => true,
			),
			'Slack'
		);
		$this->assertSame( 400, $slack->get_status() );
		$this->assertSame( 'action.ai_draft: only webhook and crm actions can draft with AI; leave ai_draft out.', $slack->as_error()->get_error_message() );
		$this->assertSame( array(), $this->rest( 'GET', '/footprints/v1/automations' )->get_data() );
	}
}
