<?php
/**
 * Nurture drafts through WordPress' real AI client, with the test provider
 * `footprints-test` and its loopback OpenAI-compatible server: what is sent,
 * what comes back, and when nothing is sent at all.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Ai\DraftPrompt;
use Footprints\Ai\NurtureDraft;
use Footprints\Tests\AiProvider\TestProvider;

final class NurtureDraftTest extends TestCase {
	use PeopleEvents;
	use WithAiServer;

	private const DRAFT = array(
		'subject' => 'Your Team plan demo, Ann',
		'body'    => "Hi Ann,\nyou compared the plans and asked for a demo of the Team plan.\nReply with a time that suits you.\nSam",
	);

	private const INSTRUCTIONS = array(
		'tone'         => 'Warm and brief.',
		'product'      => 'Acme Analytics, a dashboard for small shops.',
		'sender'       => 'Sam from Acme',
		'offer'        => 'A 20-minute demo call.',
		'instructions' => 'Never mention prices.',
	);

	protected function setUp(): void {
		parent::setUp();
		$this->define_event( 'trial_click' );
		$this->collect(
			array(
				$this->click( 'drft_ann_a', 0 ),
				$this->identify( 'drft_ann_a', 60, 'ann-7', array( 'email' => 'ann@example.com' ) ),
				$this->click( 'drft_ann_a', 120 ),
			)
		);
		\Footprints\plugin()->ai_settings()->save( self::INSTRUCTIONS );
		TestProvider::use_api_key( 'footprints-test-key' );
		self::$server->answer( array( 'content' => (string) wp_json_encode( self::DRAFT ) ) );
		$this->log_in_as( 'administrator' );
	}

	protected function tearDown(): void {
		remove_all_filters( 'wp_supports_ai' );
		parent::tearDown();
	}

	public function test_the_prompt_carries_the_instructions_and_each_step_of_the_brief_in_order_and_the_draft_is_the_servers_answer(): void {
		$brief = array(
			'text'      => implode(
				"\n",
				array(
					'Lead: ann@example.com',
					'1. 2025-11-23 12:13 Pricing Viewed: compared the Team and Shop plans on the pricing page.',
					'2. 2025-11-23 12:15 Demo Requested: asked for a live demo of the Team plan.',
					'3. 2025-11-23 12:20 Trial Started: started a 14-day trial without a card.',
				)
			),
			'person'    => 1,
			'devices'   => array( 'drft_ann_a' ),
			'events'    => 3,
			'truncated' => false,
		);

		$draft = \Footprints\plugin()->nurture_draft()->draft( $brief );

		$this->assertSame( self::DRAFT, $draft );
		$completions = self::$server->completions();
		$this->assertCount( 1, $completions, 'one completion per draft' );
		$this->assertSame( 'system', $completions[0]['messages'][0]['role'] );
		$this->assertSame( DraftPrompt::system_instruction(), $completions[0]['messages'][0]['content'][0]['text'] );
		$this->assertStringContainsString( 'Use only the facts in the lead brief', DraftPrompt::system_instruction() );
		$prompt = $completions[0]['messages'][1]['content'][0]['text'];
		$this->assertSame(
			"Site owner's instructions:\nTone: Warm and brief.\nProduct: Acme Analytics, a dashboard for small shops.\nSender name: Sam from Acme\nWhat to offer: A 20-minute demo call.\nOther instructions: Never mention prices.\n\nWhat is known of the lead and their steps (the lead brief):\n" . $brief['text'],
			$prompt
		);
		$positions = array_map(
			static fn( string $description ) => strpos( $prompt, $description ),
			array( 'compared the Team and Shop plans', 'asked for a live demo', 'started a 14-day trial' )
		);
		$this->assertSame( $positions, array_values( array_filter( $positions, 'is_int' ) ), 'every description is in the prompt' );
		$sorted = $positions;
		sort( $sorted );
		$this->assertSame( $sorted, $positions, 'the descriptions come in the order the lead took the steps' );
		$this->assertSame( 'json_schema', $completions[0]['response_format']['type'] );
		$this->assertSame( DraftPrompt::schema(), $completions[0]['response_format']['json_schema'] );
		$this->assertSame( 1200, $completions[0]['max_tokens'] );
	}

	public function test_the_person_route_sends_the_persons_brief_and_answers_the_draft(): void {
		$id    = (int) $this->person_of( 'drft_ann_a' )['id'];
		$brief = \Footprints\plugin()->lead_brief()->of_person( $id );
		$this->assertIsArray( $brief );

		$response = $this->rest( 'POST', "/footprints/v1/people/$id/draft" );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( self::DRAFT, $response->get_data() );
		$documented = JsonSchemaCheck::file( FOOTPRINTS_DIR . '/docs/openapi.json' )['components']['schemas']['NurtureDraft'];
		$this->assertSame( array(), JsonSchemaCheck::problems( $response->get_data(), $documented ), 'the answer is as docs/openapi.json says' );
		$prompt = self::$server->completions()[0]['messages'][1]['content'][0]['text'];
		$this->assertStringEndsWith( "What is known of the lead and their steps (the lead brief):\n" . ( '' !== $brief['text'] ? $brief['text'] : '(no brief available)' ), $prompt );
		$this->assertStringContainsString( 'Sender name: Sam from Acme', $prompt );
	}

	public function test_the_device_route_drafts_from_its_persons_brief_and_an_unknown_person_or_a_lead_without_events_is_404(): void {
		$response = $this->rest( 'POST', '/footprints/v1/devices/drft_ann_a/draft' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( self::DRAFT, $response->get_data() );
		$this->assertSame( 404, $this->rest( 'POST', '/footprints/v1/people/999999/draft' )->get_status() );
		$empty = $this->rest( 'POST', '/footprints/v1/devices/drft_never_seen/draft' );
		$this->assertSame( 404, $empty->get_status() );
		$this->assertSame( 'No events are stored for this lead, so there is nothing to write an email from.', $empty->get_data()['message'] );
		$this->assertCount( 1, self::$server->completions(), 'the provider is not asked about a lead without events' );
	}

	public function test_a_fenced_json_answer_is_read_and_an_answer_without_a_draft_is_a_502_quoting_it(): void {
		self::$server->answer( array( 'content' => "Here it is:\n```json\n" . wp_json_encode( self::DRAFT ) . "\n```" ), array( 'content' => 'Sorry, I cannot help with that.' ) );

		$this->assertSame( self::DRAFT, $this->rest( 'POST', '/footprints/v1/devices/drft_ann_a/draft' )->get_data() );
		$refused = $this->rest( 'POST', '/footprints/v1/devices/drft_ann_a/draft' );
		$this->assertSame( 502, $refused->get_status() );
		$this->assertSame( 'The AI provider answered, but not with a subject and a body. Try again. Its answer began: Sorry, I cannot help with that.', $refused->get_data()['message'] );
	}

	public function test_a_provider_error_is_a_502_with_the_providers_own_message(): void {
		self::$server->answer(
			array(
				'status' => 500,
				'error'  => 'The model is overloaded, try again in a minute.',
			)
		);

		$response = $this->rest( 'POST', '/footprints/v1/devices/drft_ann_a/draft' );

		$this->assertSame( 502, $response->get_status() );
		$this->assertSame( 'footprints_ai_provider_error', $response->get_data()['code'] );
		$this->assertSame( 'The AI provider did not draft the email: Internal Server Error (500) - The model is overloaded, try again in a minute.', $response->get_data()['message'] );
		$this->assertSame( 500, $response->get_data()['data']['provider_status'] );
	}

	public function test_a_provider_that_refuses_json_mode_is_asked_once_more_without_it_and_a_refused_plain_prompt_is_not_retried(): void {
		self::$server->answer(
			array(
				'status' => 400,
				'error'  => "Invalid schema for response_format 'json_schema': missing 'name'.",
			),
			array( 'content' => (string) wp_json_encode( self::DRAFT ) )
		);

		$this->assertSame( self::DRAFT, $this->rest( 'POST', '/footprints/v1/devices/drft_ann_a/draft' )->get_data() );
		$completions = self::$server->completions();
		$this->assertCount( 2, $completions );
		$this->assertSame( 'json_schema', $completions[0]['response_format']['type'] );
		$this->assertArrayNotHasKey( 'response_format', $completions[1] );
		$this->assertSame( $completions[0]['messages'], $completions[1]['messages'], 'the same prompt, only without JSON mode' );

		// Both refused: the second refusal is the answer, and no third request.
		self::$server->answer(
			array(
				'status' => 400,
				'error'  => 'Bad request.',
			)
		);
		$refused = $this->rest( 'POST', '/footprints/v1/devices/drft_ann_a/draft' );
		$this->assertSame( 502, $refused->get_status() );
		$this->assertSame( 'The AI provider did not draft the email: Bad Request (400) - Bad request.', $refused->get_data()['message'] );
		$this->assertCount( 2, self::$server->completions() );
	}

	public function test_without_a_provider_the_answer_explains_connectors_and_nothing_is_sent(): void {
		TestProvider::use_api_key( '' );

		$this->assertSame( 'no_provider', \Footprints\plugin()->nurture_draft()->availability() );
		$response = $this->rest( 'POST', '/footprints/v1/devices/drft_ann_a/draft' );

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'footprints_ai_no_provider', $response->get_data()['code'] );
		$this->assertSame( 'No AI provider is connected. Connect one under Settings → Connectors, then draft again; nothing is sent anywhere until you do.', $response->get_data()['message'] );
		$this->assertSame( admin_url( 'options-connectors.php' ), $response->get_data()['data']['connectors_url'] );
		$this->assertSame( array(), self::$server->requests() );
	}

	public function test_when_the_site_disables_ai_drafting_is_hidden_and_nothing_is_sent(): void {
		add_filter( 'wp_supports_ai', '__return_false' );

		$this->assertSame( 'hidden', \Footprints\plugin()->nurture_draft()->availability() );
		$response = $this->rest( 'POST', '/footprints/v1/people/' . $this->person_of( 'drft_ann_a' )['id'] . '/draft' );

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'footprints_ai_hidden', $response->get_data()['code'] );
		$this->assertSame( array(), self::$server->requests() );
	}

	public function test_availability_asks_the_provider_once_for_the_same_credentials(): void {
		delete_transient( NurtureDraft::READY_CACHE );
		$drafts = \Footprints\plugin()->nurture_draft();

		$this->assertSame( 'ready', $drafts->availability() );
		wp_cache_flush(); // A new request: the AI client's own models cache is gone.
		$this->assertSame( 'ready', $drafts->availability() );
		$this->assertSame( array( 'GET /v1/models' ), array_map( static fn( $request ) => $request['method'] . ' ' . $request['uri'], self::$server->requests() ) );

		$this->assertEqualsWithDelta( 600, (int) get_option( '_transient_timeout_' . NurtureDraft::READY_CACHE ) - time(), 2, '"ready" is kept 10 minutes' );

		TestProvider::use_api_key( 'another-key' );
		$this->assertSame( 'ready', $drafts->availability() );
		$this->assertCount( 2, self::$server->requests(), 'a new key is checked again' );

		TestProvider::use_api_key( '' );
		$this->assertSame( 'no_provider', $drafts->availability() );
		$this->assertEqualsWithDelta( 60, (int) get_option( '_transient_timeout_' . NurtureDraft::READY_CACHE ) - time(), 2, '"no" is kept a minute' );
	}

	public function test_only_who_may_read_timelines_may_draft_and_only_admins_change_the_instructions(): void {
		$id = (int) $this->person_of( 'drft_ann_a' )['id'];
		$this->log_in_as( 'subscriber' );
		$this->assertSame( 403, $this->rest( 'POST', "/footprints/v1/people/$id/draft" )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', '/footprints/v1/devices/drft_ann_a/draft' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1/ai/settings' )->get_status() );
		$this->log_in_as( 'editor' );
		$this->assertSame( 403, $this->rest( 'PUT', '/footprints/v1/ai/settings', array( 'tone' => 'Loud.' ) )->get_status() );
		$this->assertSame( array(), self::$server->requests() );
	}

	public function test_the_instructions_are_saved_within_their_lengths_and_a_too_long_one_is_refused_by_name(): void {
		$saved = $this->rest(
			'PUT',
			'/footprints/v1/ai/settings',
			array(
				'tone'   => 'Friendly',
				'sender' => 'Jo',
			)
		);
		$this->assertSame( 200, $saved->get_status() );
		$this->assertSame( array( 'Friendly', 'Acme Analytics, a dashboard for small shops.', 'Jo' ), array_values( array_slice( $saved->get_data()['settings'], 0, 3 ) ) );
		$this->assertSame( 'ready', $saved->get_data()['availability'] );

		$refused = $this->rest( 'PUT', '/footprints/v1/ai/settings', array( 'sender' => str_repeat( 'x', 101 ) ) );
		$this->assertSame( 400, $refused->get_status() );
		$this->assertSame( 'rest_invalid_param', $refused->get_data()['code'] );
		$this->assertSame( 'sender must be at most 100 characters long.', $refused->get_data()['data']['params']['sender'] );
		$this->assertSame( 'Jo', $this->rest( 'GET', '/footprints/v1/ai/settings' )->get_data()['settings']['sender'] );
	}
}
