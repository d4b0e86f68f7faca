<?php
/**
 * The lead brief: the exact text for seeded journeys (order, each event's
 * description at its first mention, site-time dates, repeats collapsed,
 * the paths completed), only the traits the owner mapped, never a
 * personal attribute; a person with two devices, a device no person has,
 * a journey longer than the brief reads; the REST routes for users who
 * view insights.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\People\LeadBrief;

use function Footprints\plugin;

final class LeadBriefTest extends TestCase {

	use FormEvents;

	/**
	 * 2025-11-23 12:13:20 UTC (13:13:20 in Berlin), in milliseconds.
	 *
	 * @var int
	 */
	private const T0 = 1763900000000;

	/**
	 * Ann's brief: her journey below, word for word.
	 */
	private const ANN_BRIEF = 'Lead brief: Ann Example
Who: email: ann@example.com; user id: ann-1; WordPress user: Ann Example; company: Acme Ltd; phone: +49 30 1234567.
Activity: 13 events in 2 sessions on 2 devices, from Sunday 23 November 2025, 13:13 to Monday 24 November 2025, 13:15 (times in Europe/Berlin).
Paths completed: Email Captured, Contact Us.
- Email Captured on Sunday 23 November 2025, 13:38, after 5 events in 25 minutes: Pricing Viewed ×2 → Trial Started → Guide Downloaded → Form Submitted → Email Captured
- Contact Us on Sunday 23 November 2025, 13:38, after 7 events in 25 minutes: Pricing Viewed ×2 → Trial Started → Guide Downloaded → Form Submitted → Email Captured → Custom Data Updated → Contact Us

Journey, oldest first (after the first mention of each event, a dash gives what it means):
Session 1, from Sunday 23 November 2025, 13:13 to 13:38, 9 events, on device brief_ann_laptop, arriving from news.example.org:
- 13:13–13:14 Pricing Viewed ×2 on /pricing/ (plan: pro) — The visitor reached the pricing table; they are comparing plans and prices.
- 13:15 Trial Started on /pricing/ (plan: pro) — The visitor clicked "Start free trial": strong buying intent, follow up within a day.
- 13:25 Guide Downloaded on /guides/onboarding/
- 13:38 Form Submitted on /demo/ (form: demo-request) — A visitor submitted a form successfully (a form plugin\'s or any other form of the site, not a search).
- 13:38 Email Captured on /demo/ — A visitor gave their email address for the first time (in a form); sent once per visitor, and it identifies their device.
- 13:38 Custom Data Updated on /demo/ (company: Acme Ltd) — Custom data about a visitor changed: identify(), alias() or group() in the page\'s code, or a form\'s mapped fields (company, phone, job title).
- 13:38 Contact Us on /demo/ (form: demo-request) — A visitor asked to be contacted: they submitted a form the site owner marked as a contact form.
- 13:38 Custom Data Updated on /demo/thanks/ (phone: +49 30 1234567)
Session 2, from Monday 24 November 2025, 13:13 to 13:15, 4 events, on device brief_ann_phone:
- 13:13 Custom Data Updated on /
- 13:14–13:15 Pricing Viewed ×3 on /pricing/ (plan: team)';

	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'Europe/Berlin' );
		$this->define( 'brief_pricing_viewed', 'Pricing Viewed', 'The visitor reached the pricing table; they are comparing plans and prices.' );
		$this->define( 'brief_trial_started', 'Trial Started', 'The visitor clicked "Start free trial": strong buying intent, follow up within a day.' );
		$this->define( 'brief_guide_downloaded', 'Guide Downloaded', '' );
		// Company and phone mapped; a job title is not.
		$this->track_forms(
			array(
				'company' => array( 'company' ),
				'phone'   => array( 'phone' ),
			),
			array( 'demo-request' )
		);
	}

	public function test_a_persons_brief_tells_who_when_what_in_order_and_the_paths_completed(): void {
		$this->ann_journey();
		$brief = plugin()->lead_brief()->of_person( $this->person_of( 'brief_ann_laptop' ) );

		$this->assertIsArray( $brief );
		$this->assertSame( self::ANN_BRIEF, $brief['text'] );
		$this->assertSame( array( 'brief_ann_laptop', 'brief_ann_phone' ), $this->sorted( $brief['devices'] ) );
		$this->assertSame( array( 13, 13, false, 2 ), array( $brief['events'], $brief['total'], $brief['truncated'], $brief['sessions'] ) );
		$this->assertSame( array( 'identity_conversion', 'contact_us' ), array_column( $brief['paths'], 'code' ) );
		$this->assertSame( array( 5, 7 ), array_column( $brief['paths'], 'events' ) );
		$this->assertSame( array( 1500, 1500 ), array_column( $brief['paths'], 'seconds' ) );
		$this->assertSame( array( 2, 1, 1, 1, 1, 1, 1, 1, 1, 3 ), array_column( $brief['steps'], 'count' ) );
		$this->assertSame( 'Europe/Berlin', $brief['timezone'] );
	}

	public function test_the_brief_names_only_mapped_traits_and_no_personal_attribute(): void {
		$this->ann_journey();
		$brief = plugin()->lead_brief()->of_person( $this->person_of( 'brief_ann_laptop' ) );
		$all   = (string) wp_json_encode( $brief, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );

		// identify()'s name and job title (not mapped), the form's unmapped field, the email in a page's query.
		foreach ( array( 'Ann Secretname', 'Head of Growth', 'job_title', 'secret-budget-42', 'budget', 'ann%40example.com', 'utm_source', 'issue/42' ) as $never ) {
			$this->assertStringNotContainsString( $never, $all, "the brief (text or fields) holds $never" );
		}
		$this->assertSame(
			array(
				'company' => 'Acme Ltd',
				'phone'   => '+49 30 1234567',
			),
			$brief['who']['traits']
		);
		// Unmapping the phone takes it out of who and of the events.
		$this->track_forms( array( 'company' => array( 'company' ) ), array( 'demo-request' ) );
		$this->assertStringNotContainsString( '1234567', (string) wp_json_encode( plugin()->lead_brief()->of_person( $this->person_of( 'brief_ann_laptop' ) ) ) );
	}

	public function test_a_devices_brief_is_its_persons_and_a_device_without_a_person_has_its_own(): void {
		$this->ann_journey();
		$this->assertSame( self::ANN_BRIEF, plugin()->lead_brief()->of_device( 'brief_ann_phone' )['text'] );
		$this->assertSame( $this->person_of( 'brief_ann_phone' ), plugin()->lead_brief()->of_device( 'brief_ann_phone' )['person'] );

		// Events stored before people were kept: the device has no person.
		$this->collect(
			array(
				$this->event( 'brief_old_device', 7200, 'brief_guide_downloaded', '/guides/onboarding/', array( 'format' => 'pdf' ) ),
				$this->event( 'brief_old_device', 7260, 'brief_trial_started', '/pricing/', array( 'plan' => 'basic' ) ),
			)
		);
		global $wpdb;
		$wpdb->delete( $wpdb->prefix . 'footprints_person_devices', array( 'device_id' => 'brief_old_device' ) );
		$brief = plugin()->lead_brief()->of_device( 'brief_old_device' );
		$this->assertNull( $brief['person'] );
		$this->assertSame(
			implode(
				"\n",
				array(
					'Lead brief: an anonymous visitor',
					'Who: an anonymous visitor on device brief_old_device, not linked to any person yet (no email, user id or sign-in).',
					'Activity: 2 events in 1 session on 1 device, from Sunday 23 November 2025, 15:13 to 15:14 (times in Europe/Berlin).',
					'Paths completed: none yet (no conversion reached, such as giving an email or asking to be contacted).',
					'',
					'Journey, oldest first (after the first mention of each event, a dash gives what it means):',
					'Session 1, from Sunday 23 November 2025, 15:13 to 15:14, 2 events:',
					'- 15:13 Guide Downloaded on /guides/onboarding/ (format: pdf)',
					'- 15:14 Trial Started on /pricing/ (plan: basic) — The visitor clicked "Start free trial": strong buying intent, follow up within a day.',
				)
			),
			$brief['text']
		);

		$never_seen = plugin()->lead_brief()->of_device( 'brief_never_seen' );
		$this->assertSame( "Lead brief: an anonymous visitor\nWho: an anonymous visitor on device brief_never_seen, not linked to any person yet (no email, user id or sign-in).\nActivity: no events stored yet.", $never_seen['text'] );
		$this->assertSame( array( 0, false ), array( $never_seen['events'], $never_seen['truncated'] ) );
	}

	public function test_a_site_adds_its_own_conversions_and_a_long_path_shows_its_latest_steps(): void {
		$events = array();
		for ( $step = 0; $step < 10; $step++ ) {
			$events[] = $this->event( 'brief_long_path', 60 * $step, 'brief_guide_downloaded', "/guides/$step/", array() );
		}
		$events[] = $this->event( 'brief_long_path', 3000, 'brief_trial_started', '/pricing/', array() );
		$this->collect( $events );
		$this->assertSame( array(), plugin()->lead_brief()->of_device( 'brief_long_path' )['paths'], 'a trial is no conversion by default' );

		$add   = static fn( array $codes ) => array_merge( $codes, array( 'brief_trial_started' ) );
		add_filter( 'footprints_brief_conversions', $add );
		$brief = plugin()->lead_brief()->of_device( 'brief_long_path' );
		remove_filter( 'footprints_brief_conversions', $add );

		$this->assertSame(
			array(
				'Paths completed: Trial Started.',
				'- Trial Started on Sunday 23 November 2025, 14:03, after 10 events in 50 minutes: … 3 earlier steps → Guide Downloaded → Guide Downloaded → Guide Downloaded → Guide Downloaded → Guide Downloaded → Guide Downloaded → Guide Downloaded → Trial Started',
			),
			array_slice( explode( "\n", $brief['text'] ), 3, 2 )
		);
	}

	public function test_times_are_absolute_in_the_sites_time_zone_named_as_a_reader_knows_it(): void {
		$this->collect( array( $this->event( 'brief_zone_device', 0, 'brief_guide_downloaded', '/guides/', array() ) ) );
		$activity = static fn() => explode( "\n", plugin()->lead_brief()->of_device( 'brief_zone_device' )['text'] )[2];

		update_option( 'timezone_string', '' );
		update_option( 'gmt_offset', 0 );
		$this->assertSame( 'Activity: 1 event in 1 session on 1 device, on Sunday 23 November 2025, 12:13 (times in UTC).', $activity() );
		update_option( 'gmt_offset', -5.5 );
		$this->assertSame( 'Activity: 1 event in 1 session on 1 device, on Sunday 23 November 2025, 06:43 (times in UTC-05:30).', $activity() );
		update_option( 'timezone_string', 'America/New_York' );
		$this->assertSame( 'Activity: 1 event in 1 session on 1 device, on Sunday 23 November 2025, 07:13 (times in America/New_York).', $activity() );
	}

	public function test_a_long_journey_is_read_up_to_its_latest_events_and_the_brief_says_so(): void {
		$events = array();
		for ( $second = 0; $second < LeadBrief::MAX_EVENTS + 3; $second++ ) {
			$events[] = $this->event( 'brief_busy_device', $second, 'brief_pricing_viewed', '/pricing/', array( 'plan' => 'pro' ) );
		}
		foreach ( array_chunk( $events, 50 ) as $batch ) {
			$this->assertSame( count( $batch ), $this->collect( $batch )['accepted'] );
		}
		$brief = plugin()->lead_brief()->of_device( 'brief_busy_device' );

		$this->assertSame( array( 500, 503, true ), array( $brief['events'], $brief['total'], $brief['truncated'] ) );
		$this->assertSame(
			implode(
				"\n",
				array(
					'Lead brief: an anonymous visitor',
					'Who: an anonymous visitor, not identified yet (no email, user id or sign-in).',
					'Activity: 500 events in 1 session on 1 device, from Sunday 23 November 2025, 13:13 to 13:21 (times in Europe/Berlin).',
					'Only the latest 500 of 503 events are in this brief: the earlier ones are left out, and the counts and paths below cover these only.',
					'Paths completed: none yet (no conversion reached, such as giving an email or asking to be contacted).',
					'',
					'Journey, oldest first (after the first mention of each event, a dash gives what it means):',
					'Session 1, from Sunday 23 November 2025, 13:13 to 13:21, 500 events (it began before the events in this brief):',
					'- 13:13–13:21 Pricing Viewed ×500 on /pricing/ (plan: pro) — The visitor reached the pricing table; they are comparing plans and prices.',
				)
			),
			$brief['text']
		);
		$this->assertSame( gmdate( 'Y-m-d\TH:i:s.000\Z', intdiv( self::T0, 1000 ) + 3 ), $brief['steps'][0]['time'], 'the first three events are the ones left out' );
	}

	public function test_the_rest_routes_answer_the_brief_for_users_who_view_insights(): void {
		$this->ann_journey();
		$person = $this->person_of( 'brief_ann_laptop' );
		$this->log_in_as( 'administrator' );

		$response = $this->rest( 'GET', "/footprints/v1/people/$person/brief" );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( self::ANN_BRIEF, $response->get_data()['text'] );
		$schema = JsonSchemaCheck::resolve( array( '$ref' => '#/components/schemas/LeadBrief' ), FOOTPRINTS_DIR . '/docs/openapi.json' );
		$this->assertSame( array(), JsonSchemaCheck::problems( json_decode( (string) wp_json_encode( $response->get_data() ), true ), $schema ) );
		// Guide Downloaded has no attributes: an empty map is a JSON object.
		$this->assertStringContainsString( '"page":"/guides/onboarding/","from":"","attributes":{}', (string) wp_json_encode( $response->get_data(), JSON_UNESCAPED_SLASHES ) );

		$device = $this->rest( 'GET', '/footprints/v1/devices/brief_ann_phone/brief' )->get_data();
		$this->assertSame( array( $person, self::ANN_BRIEF ), array( $device['person'], $device['text'] ) );

		$unknown  = $this->rest( 'GET', '/footprints/v1/people/999999999/brief' );
		$timeline = $this->rest( 'GET', '/footprints/v1/people/999999999/timeline' );
		$this->assertSame( 404, $unknown->get_status() );
		$this->assertSame( $timeline->get_data()['message'], $unknown->get_data()['message'] );
		$this->assertStringStartsWith( 'No person has this id', $unknown->get_data()['message'] );

		$this->log_in_as( 'subscriber' );
		foreach ( array( "/people/$person/brief", '/devices/brief_ann_phone/brief' ) as $route ) {
			$this->assertSame( 403, $this->rest( 'GET', '/footprints/v1' . $route )->get_status(), $route );
		}
	}

	/**
	 * Ann: pricing twice, a trial, a guide, then the demo request form
	 * (email, company, an unmapped budget field) on her laptop; identify()
	 * with unmapped traits; a day later on her phone.
	 */
	private function ann_journey(): void {
		$laptop = 'brief_ann_laptop';
		$this->collect(
			array(
				array( 'referrer' => 'https://News.Example.org/issue/42?reader=ann%40example.com' ) + $this->event( $laptop, 0, 'brief_pricing_viewed', '/pricing/?utm_source=newsletter', array( 'plan' => 'pro' ) ),
				// Pages of the site name no other site.
				array( 'referrer' => 'http://example.test/' ) + $this->event( $laptop, 45, 'brief_pricing_viewed', '/pricing/', array( 'plan' => 'pro' ) ),
				$this->event( $laptop, 130, 'brief_trial_started', '/pricing/', array( 'plan' => 'pro' ) ),
				$this->event( $laptop, 700, 'brief_guide_downloaded', '/guides/onboarding/', array() ),
				$this->event(
					$laptop,
					1500,
					'form_submission',
					'/demo/?email=ann%40example.com',
					array(
						'form'   => 'demo-request',
						'email'  => 'Ann@Example.com',
						'fields' => array(
							'company' => 'Acme Ltd',
							'budget'  => 'secret-budget-42',
						),
					)
				),
				$this->event(
					$laptop,
					1510,
					'custom_data_updated',
					'/demo/thanks/',
					array(
						'user_id' => 'ann-1',
						'traits'  => array(
							'name'      => 'Ann Secretname',
							'job_title' => 'Head of Growth',
							'phone'     => '+49 30 1234567',
						),
					)
				),
			)
		);
		$phone = 'brief_ann_phone';
		$this->collect(
			array(
				$this->event( $phone, 86400, 'custom_data_updated', '/', array( 'user_id' => 'ann-1' ) ),
				$this->event( $phone, 86460, 'brief_pricing_viewed', '/pricing/', array( 'plan' => 'team' ) ),
				$this->event( $phone, 86500, 'brief_pricing_viewed', '/pricing/', array( 'plan' => 'team' ) ),
				$this->event( $phone, 86520, 'brief_pricing_viewed', '/pricing/', array( 'plan' => 'team' ) ),
			)
		);
		// She signed up on the site too: her WordPress account's display name is the brief's title.
		$user = wp_insert_user(
			array(
				'user_login'   => 'brief_ann_' . wp_generate_password( 6, false ),
				'user_pass'    => wp_generate_password(),
				'display_name' => 'Ann Example',
			)
		);
		$this->assertIsInt( $user );
		global $wpdb;
		$wpdb->update( $wpdb->prefix . 'footprints_people', array( 'wp_user_id' => $user ), array( 'id' => $this->person_of( $laptop ) ) );
	}

	/**
	 * Adds a definition with a description.
	 *
	 * @param string $code        Code.
	 * @param string $name        Name.
	 * @param string $description Description.
	 */
	private function define( string $code, string $name, string $description ): void {
		plugin()->definitions()->add_if_missing( compact( 'code', 'name', 'description' ) );
	}

	/**
	 * An event as the client sends it.
	 *
	 * @param string               $device     Device id.
	 * @param int                  $seconds    Seconds after T0.
	 * @param string               $code       Event code.
	 * @param string               $path       Page path.
	 * @param array<string, mixed> $attributes Attributes.
	 * @return array<string, mixed>
	 */
	private function event( string $device, int $seconds, string $code, string $path, array $attributes ): array {
		return array(
			'id'         => 'evt_' . md5( $device . $seconds . $code ),
			'event'      => $code,
			'attributes' => (object) $attributes,
			'time'       => self::T0 + $seconds * 1000,
			'page'       => 'http://example.test' . $path,
			'device_id'  => $device,
		);
	}

	/**
	 * The person id of a device.
	 *
	 * @param string $device Device id.
	 */
	private function person_of( string $device ): int {
		$person = plugin()->people_query()->person_of_device( $device );
		$this->assertIsInt( $person, "device $device has a person" );
		return $person;
	}

	/**
	 * A list, sorted.
	 *
	 * @param list<string> $values Values.
	 * @return list<string>
	 */
	private function sorted( array $values ): array {
		sort( $values );
		return $values;
	}
}
