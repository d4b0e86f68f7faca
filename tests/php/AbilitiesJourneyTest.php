<?php
/**
 * The abilities footprints/get-lead-journey and footprints/get-lead-brief: a seeded
 * lead's events in order with their definitions' descriptions, the
 * person with only the traits the owner mapped, paging, and the errors
 * of a lead that is not named right or does not exist.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Forms\FormSettings;
use function Footprints\plugin;

final class AbilitiesJourneyTest extends TestCase {

	use PeopleEvents;

	protected function setUp(): void {
		parent::setUp();
		foreach ( array(
			'journey_pricing' => array( 'Pricing Viewed', 'The visitor compared plans: they are weighing the cost.', array( 'plan' => 'string' ) ),
			'journey_demo'    => array( 'Demo Booked', 'The visitor asked for a demo: a sales call is expected.', array( 'seats' => 'number' ) ),
		) as $code => list( $name, $description, $attributes ) ) {
			plugin()->definitions()->add_if_missing( compact( 'code', 'name', 'description', 'attributes' ) );
		}
		// The owner mapped a company field on the Forms tab, nothing else.
		update_option( FormSettings::OPTION, array( 'fields' => array( 'company' => array( 'your-company' ) ) + FormSettings::defaults()['fields'] ) + FormSettings::defaults() );
		// Ann: a laptop, then a phone; 40 minutes between the first two events starts a second session.
		$this->collect(
			array(
				$this->event( 'jrny_ann_laptop', 0, 'journey_pricing', array( 'plan' => 'pro' ) ),
				$this->identify(
					'jrny_ann_laptop',
					2400,
					'ann-7',
					array(
						'email'     => 'Ann@Example.com',
						'company'   => 'Acme',
						'phone'     => '+1 555 0100',
						'shoe_size' => '38',
					)
				),
			)
		);
		$this->collect(
			array(
				$this->identify( 'jrny_ann_phone', 2460, 'ann-7' ),
				$this->event( 'jrny_ann_phone', 2500, 'journey_demo', array( 'seats' => '12' ) ),
			)
		);
		$this->collect( array( $this->event( 'jrny_anon_0001', 100, 'journey_pricing', array( 'plan' => 'basic' ) ) ) );
		$this->log_in_as( 'administrator' );
	}

	/**
	 * Runs an ability.
	 *
	 * @param string               $name  Ability name.
	 * @param array<string, mixed> $input Input.
	 * @return mixed
	 */
	private function run_ability( string $name, array $input ): mixed {
		return wp_get_ability( $name )->execute( $input );
	}

	public function test_a_persons_journey_is_in_order_with_descriptions_and_only_mapped_traits(): void {
		$person  = (int) $this->person_of( 'jrny_ann_laptop' )['id'];
		$journey = $this->run_ability( 'footprints/get-lead-journey', array( 'person_id' => $person ) );

		$this->assertSame(
			array(
				array( 'journey_pricing', 'Pricing Viewed', 'The visitor compared plans: they are weighing the cost.', array( 'plan' => 'pro' ), '2025-11-23T12:13:20.000Z', 0, 'jrny_ann_laptop' ),
				array(
					'custom_data_updated',
					'Custom Data Updated',
					plugin()->definitions()->find( 'custom_data_updated' )['description'],
					array(
						'user_id' => 'ann-7',
						'traits'  => array(
							'email'     => 'Ann@Example.com',
							'company'   => 'Acme',
							'phone'     => '+1 555 0100',
							'shoe_size' => '38',
						),
					),
					'2025-11-23T12:53:20.000Z',
					1,
					'jrny_ann_laptop',
				),
				array( 'custom_data_updated', 'Custom Data Updated', plugin()->definitions()->find( 'custom_data_updated' )['description'], array( 'user_id' => 'ann-7' ), '2025-11-23T12:54:20.000Z', 1, 'jrny_ann_phone' ),
				array( 'journey_demo', 'Demo Booked', 'The visitor asked for a demo: a sales call is expected.', array( 'seats' => 12 ), '2025-11-23T12:55:00.000Z', 1, 'jrny_ann_phone' ),
			),
			array_map(
				static fn( array $event ) => array( $event['code'], $event['name'], $event['description'], json_decode( (string) wp_json_encode( $event['attributes'] ), true ), $event['time'], $event['session'], $event['device_id'] ),
				$journey['events']
			)
		);
		$this->assertNotSame( '', plugin()->definitions()->find( 'custom_data_updated' )['description'] );
		$this->assertSame( 'http://example.test/pricing/', $journey['events'][0]['page'] );
		$this->assertSame( 4, $journey['total'] );
		$this->assertSame( array( 'jrny_ann_laptop', 'jrny_ann_phone' ), $journey['devices'] );
		$this->assertSame(
			array(
				'id'           => $person,
				'email'        => 'ann@example.com',
				'user_id'      => 'ann-7',
				'wp_user_id'   => null,
				'display_name' => null,
				'traits'       => array( 'company' => 'Acme' ),
			),
			array_replace( $journey['person'], array( 'traits' => (array) $journey['person']['traits'] ) )
		);
		$this->assertSame( array(), JsonSchemaCheck::problems( json_decode( (string) wp_json_encode( $journey ), true ), wp_get_ability( 'footprints/get-lead-journey' )->get_output_schema() ) );
	}

	public function test_the_same_journey_by_a_device_or_by_email_and_a_page_of_it(): void {
		$person    = (int) $this->person_of( 'jrny_ann_laptop' )['id'];
		$by_device = $this->run_ability( 'footprints/get-lead-journey', array( 'device_id' => 'jrny_ann_phone' ) );
		$by_email  = $this->run_ability( 'footprints/get-lead-journey', array( 'email' => 'ANN@example.com' ) );
		$page_two  = $this->run_ability(
			'footprints/get-lead-journey',
			array(
				'person_id' => $person,
				'per_page'  => 3,
				'page'      => 2,
			)
		);
		$anonymous = $this->run_ability( 'footprints/get-lead-journey', array( 'device_id' => 'jrny_anon_0001' ) );

		$this->assertSame( $person, $by_device['person']['id'] );
		$this->assertSame( 4, count( $by_device['events'] ) );
		$this->assertSame( $person, $by_email['person']['id'] );
		$this->assertSame( array( 'journey_demo' ), array_column( $page_two['events'], 'code' ) );
		$this->assertSame( array( 4, 2, 3 ), array( $page_two['total'], $page_two['page'], $page_two['per_page'] ) );
		$this->assertSame( array( 'journey_pricing' ), array_column( $anonymous['events'], 'code' ) );
		// An anonymous visitor is a person too (of one device), with nothing known of them.
		$this->assertSame( array( (int) $this->person_of( 'jrny_anon_0001' )['id'], null, null ), array( $anonymous['person']['id'], $anonymous['person']['email'], $anonymous['person']['user_id'] ) );
		$this->assertSame( array(), (array) $anonymous['person']['traits'] );
	}

	public function test_a_wordpress_user_shows_with_their_display_name(): void {
		$user = wp_insert_user(
			array(
				'user_login'   => 'journey_' . wp_generate_password( 6, false ),
				'user_pass'    => wp_generate_password(),
				'user_email'   => 'bea@example.com',
				'display_name' => 'Bea Buyer',
			)
		);
		$this->assertIsInt( $user );
		$this->assertIsString(
			footprints_track(
				'journey_demo',
				array( 'seats' => 3 ),
				array(
					'device_id' => 'jrny_bea_0001',
					'wp_user'   => $user,
				)
			)
		);

		$person = $this->run_ability( 'footprints/get-lead-journey', array( 'device_id' => 'jrny_bea_0001' ) )['person'];

		$this->assertSame( array( 'bea@example.com', $user, 'Bea Buyer' ), array( $person['email'], $person['wp_user_id'], $person['display_name'] ) );
	}

	public function test_a_lead_named_twice_never_or_wrongly_is_refused_with_what_to_do(): void {
		$twice   = $this->run_ability(
			'footprints/get-lead-journey',
			array(
				'person_id' => 1,
				'device_id' => 'jrny_ann_phone',
			)
		);
		$never   = $this->run_ability( 'footprints/get-lead-journey', array( 'per_page' => 5 ) );
		$nobody  = $this->run_ability( 'footprints/get-lead-brief', array( 'person_id' => 999999 ) );
		$unknown = $this->run_ability( 'footprints/get-lead-journey', array( 'email' => 'nobody@example.com' ) );
		$bad     = $this->run_ability( 'footprints/get-lead-journey', array( 'device_id' => 'no spaces' ) );

		$this->assertSame( 'Name the lead with exactly one of person_id, device_id or email (given: person_id, device_id).', $twice->get_error_message() );
		$this->assertSame( 'Name the lead with exactly one of person_id, device_id or email (given: none).', $never->get_error_message() );
		$this->assertSame( 400, $never->get_error_data()['status'] );
		$this->assertSame( 'No person has the id 999999: it may have been merged into another when they identified. Ask by their email or a device id instead.', $nobody->get_error_message() );
		$this->assertSame( 404, $nobody->get_error_data()['status'] );
		$this->assertSame( 'footprints_no_person', $unknown->get_error_code() );
		$this->assertSame( 'ability_invalid_input', $bad->get_error_code() );
	}

	public function test_the_brief_is_lead_briefs_own_answer_for_a_person_and_a_device(): void {
		$person = (int) $this->person_of( 'jrny_ann_laptop' )['id'];

		$of_person = $this->run_ability( 'footprints/get-lead-brief', array( 'person_id' => $person ) );
		$of_device = $this->run_ability( 'footprints/get-lead-brief', array( 'device_id' => 'jrny_anon_0001' ) );
		$by_email  = $this->run_ability( 'footprints/get-lead-brief', array( 'email' => 'ann@example.com' ) );

		$this->assertSame( plugin()->lead_brief()->of_person( $person ), $of_person );
		$this->assertSame( plugin()->lead_brief()->of_device( 'jrny_anon_0001' ), $of_device );
		$this->assertSame( $of_person, $by_email );
		$this->assertSame( array( $person, array( 'jrny_ann_laptop', 'jrny_ann_phone' ), 4, false ), array( $of_person['person'], $of_person['devices'], $of_person['events'], $of_person['truncated'] ) );
		$this->assertIsString( $of_person['text'] );
		$this->assertSame( array( 1, false ), array( $of_device['events'], $of_device['truncated'] ) );
	}
}
