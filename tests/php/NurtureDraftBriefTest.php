<?php
/**
 * A draft through the REST route with the real lead brief: the prompt the
 * provider gets carries each step's description, in the order the lead
 * took them, and the owner's instructions.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Tests\AiProvider\TestProvider;

final class NurtureDraftBriefTest extends TestCase {
	use PeopleEvents;
	use WithAiServer;

	private const STEPS = array(
		'pricing_viewed' => 'The visitor compared the plans on the pricing page; they are weighing cost.',
		'demo_requested' => 'The visitor asked for a live demo; follow up within a day with times.',
		'trial_started'  => 'The visitor started a free trial; help them reach their first report.',
	);

	protected function setUp(): void {
		parent::setUp();
		foreach ( self::STEPS as $code => $description ) {
			\Footprints\plugin()->definitions()->add_if_missing(
				array(
					'code'        => $code,
					'name'        => ucwords( str_replace( '_', ' ', $code ) ),
					'description' => $description,
					'attributes'  => array(),
					'enabled'     => true,
				)
			);
		}
		$this->collect(
			array(
				$this->identify( 'drfb_ann_a', 0, 'ann-9', array( 'email' => 'ann9@example.com' ) ),
				$this->event( 'drfb_ann_a', 60, 'pricing_viewed', array() ),
				$this->event( 'drfb_ann_a', 120, 'demo_requested', array() ),
				$this->event( 'drfb_ann_a', 180, 'trial_started', array() ),
			)
		);
		\Footprints\plugin()->ai_settings()->save(
			array(
				'sender' => 'Sam from Acme',
				'offer'  => 'A 20-minute demo call.',
			)
		);
		TestProvider::use_api_key( 'footprints-test-key' );
		self::$server->answer( array( 'content' => '{"subject":"Your demo, Ann","body":"Hi Ann, ..."}' ) );
		$this->log_in_as( 'administrator' );
	}

	public function test_the_prompt_carries_each_steps_description_in_order_and_the_instructions(): void {
		$id = (int) $this->person_of( 'drfb_ann_a' )['id'];

		$response = $this->rest( 'POST', "/footprints/v1/people/$id/draft" );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'Your demo, Ann', $response->get_data()['subject'] );
		$prompt    = self::$server->completions()[0]['messages'][1]['content'][0]['text'];
		$positions = array_map( static fn( string $description ) => strpos( $prompt, $description ), array_values( self::STEPS ) );
		foreach ( $positions as $index => $position ) {
			$this->assertIsInt( $position, 'the description of step ' . ( $index + 1 ) . ' is in the prompt' );
		}
		$sorted = $positions;
		sort( $sorted );
		$this->assertSame( $sorted, $positions, 'the descriptions come in the order the lead took the steps' );
		$this->assertStringContainsString( "Sender name: Sam from Acme\nWhat to offer: A 20-minute demo call.", $prompt );
		$this->assertStringContainsString( 'ann9@example.com', $prompt );
	}
}
