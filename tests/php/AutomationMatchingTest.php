<?php
/**
 * Rule matching: every event stored now queues one delivery per active
 * rule of its code whose conditions hold, in the writer's transaction;
 * a retried event queues nothing twice; paused and disabled rules queue
 * nothing; an event whose code no rule names costs no query.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class AutomationMatchingTest extends TestCase {

	use AutomationFixtures;

	protected function setUp(): void {
		parent::setUp();
		$this->define_plan_selected();
	}

	/**
	 * Adds a webhook rule on plan_selected; returns its ID.
	 *
	 * @param list<array<string, mixed>> $conditions Conditions.
	 * @param string                     $event      Event code.
	 */
	private function rule( array $conditions, string $event = 'plan_selected' ): int {
		return (int) $this->add_rule(
			$event,
			array(
				'type' => 'webhook',
				'url'  => 'https://hooks.example.com/in',
			),
			$conditions,
			'Rule ' . wp_generate_password( 4, false )
		)['id'];
	}

	/**
	 * Collects one plan_selected event.
	 *
	 * @param string               $id         Event ID.
	 * @param array<string, mixed> $attributes Attributes.
	 * @param string               $expect     How the collector counts it: accepted, or duplicates (a retry).
	 */
	private function select( string $id, array $attributes, string $expect = 'accepted' ): void {
		$answer = $this->collect(
			array(
				array(
					'id'         => $id,
					'event'      => 'plan_selected',
					'device_id'  => 'dev_matching1',
					'attributes' => $attributes,
				),
			)
		);
		$this->assertSame( 1, $answer[ $expect ] ?? null, (string) wp_json_encode( $answer ) );
	}

	/**
	 * The queued deliveries as "rule:event" pairs.
	 *
	 * @return list<string>
	 */
	private function queued(): array {
		global $wpdb;
		return $wpdb->get_col( "SELECT CONCAT(rule_id, ':', event_id) FROM {$wpdb->prefix}footprints_automation_deliveries ORDER BY rule_id, event_id" );
	}

	/**
	 * Conditions and the attributes that meet them or not.
	 *
	 * @return array<string, array{array<string, mixed>, array<string, mixed>, bool}>
	 */
	public static function conditions(): array {
		return array(
			'equals text'                  => array( array( 'plan', 'equals', 'pro' ), array( 'plan' => 'pro' ), true ),
			'equals is exact'              => array( array( 'plan', 'equals', 'pro' ), array( 'plan' => 'Pro' ), false ),
			'equals a number as text'      => array( array( 'price', 'equals', '199' ), array( 'price' => 199 ), true ),
			'equals a boolean'             => array( array( 'trial', 'equals', true ), array( 'trial' => 'true' ), true ),
			'equals a false boolean'       => array( array( 'trial', 'equals', false ), array( 'trial' => true ), false ),
			'equals, attribute missing'    => array( array( 'plan', 'equals', 'pro' ), array(), false ),
			'not_equals'                   => array( array( 'plan', 'not_equals', 'free' ), array( 'plan' => 'pro' ), true ),
			'not_equals, same'             => array( array( 'plan', 'not_equals', 'free' ), array( 'plan' => 'free' ), false ),
			'not_equals, missing'          => array( array( 'plan', 'not_equals', 'free' ), array(), true ),
			'contains, any case'           => array( array( 'plan', 'contains', 'PRO' ), array( 'plan' => 'team-pro-2' ), true ),
			'contains, absent'             => array( array( 'plan', 'contains', 'max' ), array( 'plan' => 'team-pro-2' ), false ),
			'exists'                       => array( array( 'plan', 'exists', null ), array( 'plan' => 'free' ), true ),
			'exists, missing'              => array( array( 'plan', 'exists', null ), array( 'price' => 1 ), false ),
			'greater_than'                 => array( array( 'price', 'greater_than', 100 ), array( 'price' => 100.5 ), true ),
			'greater_than, equal'          => array( array( 'price', 'greater_than', 100 ), array( 'price' => 100 ), false ),
			'less_than'                    => array( array( 'price', 'less_than', '50' ), array( 'price' => 49 ), true ),
			'less_than, text'              => array( array( 'plan', 'less_than', 50 ), array( 'plan' => 'cheap' ), false ),
			'two conditions, both hold'    => array(
				array( 'plan', 'equals', 'pro', 'price', 'greater_than', 100 ),
				array(
					'plan'  => 'pro',
					'price' => 199,
				),
				true,
			),
			'two conditions, second fails' => array(
				array( 'plan', 'equals', 'pro', 'price', 'greater_than', 100 ),
				array(
					'plan'  => 'pro',
					'price' => 99,
				),
				false,
			),
		);
	}

	/**
	 * @dataProvider conditions
	 *
	 * @param list<mixed>          $flat       attribute, operator, value (repeated).
	 * @param array<string, mixed> $attributes The event's attributes.
	 * @param bool                 $queued     Whether a delivery is queued.
	 */
	public function test_a_delivery_is_queued_only_when_the_conditions_hold( array $flat, array $attributes, bool $queued ): void {
		$conditions = array();
		foreach ( array_chunk( $flat, 3 ) as list( $attribute, $operator, $value ) ) {
			$conditions[] = array(
				'attribute' => $attribute,
				'operator'  => $operator,
			) + ( null === $value ? array() : array( 'value' => $value ) );
		}
		$rule = $this->rule( $conditions );

		$this->select( 'evt_match_1', $attributes );

		$this->assertSame( $queued ? array( "$rule:evt_match_1" ) : array(), $this->queued() );
	}

	public function test_each_matching_rule_queues_one_delivery_and_a_retry_queues_nothing_more(): void {
		$any   = $this->rule( array() );
		$pro   = $this->rule(
			array(
				array(
					'attribute' => 'plan',
					'operator'  => 'equals',
					'value'     => 'pro',
				),
			)
		);
		$other = $this->rule( array(), 'trial_click' );

		$this->select( 'evt_match_a', array( 'plan' => 'pro' ) );
		$this->select( 'evt_match_b', array( 'plan' => 'free' ) );
		// The client retries a batch whose answer it missed.
		$this->select( 'evt_match_a', array( 'plan' => 'pro' ), 'duplicates' );

		$this->assertSame( array( "$any:evt_match_a", "$any:evt_match_b", "$pro:evt_match_a" ), $this->queued() );
		$this->assertNotContains( $other, array_map( 'intval', $this->queued() ) );
	}

	public function test_paused_and_disabled_rules_queue_nothing_and_a_resumed_one_does_again(): void {
		global $wpdb;
		$paused   = $this->rule( array() );
		$disabled = plugin()->automation_rules()->create(
			array(
				'name'    => 'Off',
				'event'   => 'plan_selected',
				'enabled' => false,
				'action'  => array(
					'type' => 'webhook',
					'url'  => 'https://hooks.example.com/off',
				),
			)
		);
		$this->assertIsArray( $disabled );
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->prefix}footprints_automation_rules SET paused_at = %s WHERE id = %d", gmdate( 'Y-m-d H:i:s' ), $paused ) );
		plugin()->rule_store()->refresh_index();

		$this->select( 'evt_match_p1', array() );
		$this->assertSame( array(), $this->queued() );

		plugin()->automation_rules()->resume( $paused );
		$this->select( 'evt_match_p2', array() );
		$this->assertSame( array( "$paused:evt_match_p2" ), $this->queued() );
	}

	public function test_a_rolled_back_write_leaves_no_delivery(): void {
		$this->rule( array() );
		$writer = plugin()->event_writer();
		$events = array(
			array(
				'id'         => 'evt_match_rb',
				'event'      => 'plan_selected',
				'app_id'     => 'app_test',
				'device_id'  => null,
				'attributes' => array(),
				'page'       => '',
				'referrer'   => '',
				'time'       => 1764000000000,
			),
		);
		// A failing listener after ours: the whole write rolls back.
		$failing = new class() implements \Footprints\Events\StoredEventsListener {
			public function stored( array $events ): void {
				throw new \RuntimeException( 'disk full' );
			}
		};
		global $wpdb;
		$broken = new \Footprints\Events\EventWriter( $wpdb, plugin()->trigger_counter(), null, array(), array( new \Footprints\Automations\QueueListener( $wpdb, plugin()->rule_store(), plugin()->run_kick() ), $failing ) );

		try {
			$broken->write( $events, 1764000000000, false );
			$this->fail( 'The write should have failed.' );
		} catch ( \Footprints\Events\StoreFailed $failure ) {
			$this->assertSame( 'disk full', $failure->getMessage() );
		}

		$this->assertSame( array(), $this->queued() );
		$writer->write( $events, 1764000000000, false );
		$this->assertCount( 1, $this->queued() );
	}

	public function test_an_event_no_rule_names_costs_no_query(): void {
		global $wpdb;
		$this->rule( array(), 'trial_click' );
		$listener = new \Footprints\Automations\QueueListener( $wpdb, plugin()->rule_store(), plugin()->run_kick() );
		$events   = array_map(
			static fn( int $i ) => array(
				'id'         => "evt_match_q$i",
				'event'      => 'plan_selected',
				'attributes' => array( 'plan' => 'pro' ),
			),
			range( 1, 100 )
		);
		// A site where the index is missing builds it once, autoloaded.
		delete_option( \Footprints\Automations\RuleStore::INDEX_OPTION );
		$listener->stored( $events );
		$this->assertContains( $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", \Footprints\Automations\RuleStore::INDEX_OPTION ) ), array( 'yes', 'on' ) );

		$before = $wpdb->num_queries;
		$listener->stored( $events );

		$this->assertSame( $before, $wpdb->num_queries );
	}
}
