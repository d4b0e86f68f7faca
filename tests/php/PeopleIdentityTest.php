<?php
/**
 * Every device seen is a person (anonymous until identified); identify(),
 * alias(), an email and a WordPress sign-in link devices to one person,
 * whose totals count each stored event once.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\People\SignInCookie;
use Footprints\People\SignInLink;
use Footprints\Events\EventWriter;
use function Footprints\plugin;

final class PeopleIdentityTest extends FastCollectorTestCase {

	use PeopleEvents;

	/**
	 * People stored before the test (other tests' drains commit theirs).
	 *
	 * @var int
	 */
	private int $people_before = 0;

	protected function setUp(): void {
		parent::setUp();
		$this->define_event( 'trial_click' );
		unset( $_SERVER['HTTP_COOKIE'] );
		$this->people_before = $this->people_count();
	}

	protected function tearDown(): void {
		unset( $_SERVER['HTTP_COOKIE'] );
		parent::tearDown();
	}

	public function test_a_device_is_a_person_whose_totals_count_each_stored_event_once(): void {
		$first = array( $this->click( 'dev_aaaa1', 0 ), $this->click( 'dev_aaaa1', 60 ) );
		$this->assertSame( 2, $this->collect( $first )['accepted'] );
		$this->collect( $first );
		$this->assertSame( 1, $this->collect( array( $this->click( 'dev_aaaa1', 120 ) ) )['accepted'] );

		$person = $this->person_of( 'dev_aaaa1' );
		$this->assertSame( 3, (int) $person['events'], 'a retried batch adds nothing' );
		$this->assertSame( '2025-11-23 12:13:20.000', $person['first_seen'] );
		$this->assertSame( '2025-11-23 12:15:20.000', $person['last_seen'] );
		$this->assertNull( $person['user_id'] );
		$this->assertSame( 1, $this->people_count() );
	}

	public function test_a_write_of_many_new_devices_gives_each_its_own_person(): void {
		// 1,201 devices: three INSERTs of up to 500 people, each read back by its seeds.
		$events = array();
		for ( $i = 0; $i < 1201; $i++ ) {
			// As the validator hands them to the writer.
			$events[] = array_merge(
				$this->click( sprintf( 'dev_many%05d', $i ), $i ),
				array(
					'attributes' => array(),
					'app_id'     => (string) get_option( 'footprints_site_app_id' ),
					'referrer'   => '',
				)
			);
		}
		$writer = new EventWriter( $GLOBALS['wpdb'], plugin()->trigger_counter() );
		$this->assertCount( 1201, array_filter( $writer->write( $events, self::$t0 )['stored'] ) );

		$this->assertSame( 1201, $this->people_count() );
		foreach ( array( 0, 499, 500, 999, 1000, 1200 ) as $i ) {
			$person = $this->person_of( sprintf( 'dev_many%05d', $i ) );
			$this->assertSame( 1, (int) $person['events'], "device $i" );
			$this->assertSame( EventWriter::to_datetime( self::$t0 + $i * 1000 ), $person['first_seen'], "device $i's person is its own" );
			$this->assertNull( $person['seed'], 'the seed is cleared' );
		}
	}

	public function test_events_without_a_device_make_no_person(): void {
		$event = $this->click( 'unused00', 0 );
		unset( $event['device_id'] );
		$this->assertSame( 1, $this->collect( array( $event ) )['accepted'] );
		$this->assertSame( 0, $this->people_count() );
	}

	public function test_identify_on_two_devices_makes_one_person_with_both_timelines(): void {
		$this->collect( array( $this->click( 'dev_aaaa1', 0 ), $this->click( 'dev_aaaa1', 10 ), $this->click( 'dev_bbbb2', 20 ) ) );
		$this->assertSame( 2, $this->people_count() );
		$this->collect( array( $this->identify( 'dev_aaaa1', 30, 'user-42', array( 'name' => 'Ann' ) ) ) );
		$this->collect( array( $this->identify( 'dev_bbbb2', 40, 'user-42', array( 'plan' => 'pro' ) ) ) );

		$this->assertSame( 1, $this->people_count() );
		$person = $this->person_of( 'dev_bbbb2' );
		$this->assertSame( $person['id'], $this->person_of( 'dev_aaaa1' )['id'] );
		$this->assertSame( 'user-42', $person['user_id'] );
		$this->assertSame( 5, (int) $person['events'] );
		$this->assertSame( '2025-11-23 12:13:20.000', $person['first_seen'] );
		$this->assertSame( '2025-11-23 12:14:00.000', $person['last_seen'] );
		$this->assertSame(
			array(
				'name' => 'Ann',
				'plan' => 'pro',
			),
			json_decode( (string) $person['traits'], true )
		);
	}

	public function test_alias_makes_both_ids_lead_to_one_person(): void {
		$this->collect( array( $this->identify( 'dev_aaaa1', 0, 'anon-7' ) ) );
		$this->collect( array( $this->identify( 'dev_bbbb2', 10, 'ann@work' ) ) );
		$this->assertSame( 2, $this->people_count() );
		$this->collect(
			array(
				$this->event(
					'dev_aaaa1',
					20,
					'custom_data_updated',
					array(
						'previous_id' => 'anon-7',
						'user_id'     => 'ann@work',
					)
				),
			)
		);

		$this->assertSame( 1, $this->people_count() );
		$person = $this->person_of( 'dev_aaaa1' );
		$this->assertSame( 'ann@work', $person['user_id'] );
		$this->assertSame( 3, (int) $person['events'] );
		$this->assertSame( array( 'ann@work', 'anon-7' ), $this->ids( (int) $person['id'], 'user' ) );
		// A later identify with the old id still finds the person.
		$this->collect( array( $this->identify( 'dev_cccc3', 30, 'anon-7' ) ) );
		$this->assertSame( $person['id'], $this->person_of( 'dev_cccc3' )['id'] );
	}

	public function test_one_email_on_two_devices_makes_one_person_and_a_bad_email_is_no_identity(): void {
		$this->collect( array( $this->identify( 'dev_aaaa1', 0, 'a-1', array( 'email' => ' Ann@Example.COM ' ) ) ) );
		$this->collect( array( $this->identify( 'dev_bbbb2', 10, 'b-2', array( 'email' => 'ann@example.com' ) ) ) );
		$this->collect( array( $this->identify( 'dev_cccc3', 20, 'c-3', array( 'email' => 'not an email' ) ) ) );

		$this->assertSame( 2, $this->people_count() );
		$person = $this->person_of( 'dev_bbbb2' );
		$this->assertSame( $person['id'], $this->person_of( 'dev_aaaa1' )['id'] );
		$this->assertSame( 'ann@example.com', $person['email'] );
		$this->assertSame( array( 'ann@example.com' ), $this->ids( (int) $person['id'], 'email' ) );
		$this->assertNull( $this->person_of( 'dev_cccc3' )['email'] );
	}

	public function test_ids_and_traits_in_any_script_are_kept_and_found(): void {
		$this->collect( array( $this->identify( 'dev_zoe0001', 0, 'zoë-çelik', array( 'name' => 'Zoë Çelik 日本' ) ) ) );

		$person = $this->person_of( 'dev_zoe0001' );
		$this->assertSame( 'zoë-çelik', $person['user_id'] );
		$this->assertSame( array( 'name' => 'Zoë Çelik 日本' ), json_decode( (string) $person['traits'], true ) );
		$this->log_in_as( 'administrator' );
		$found = $this->rest( 'GET', '/footprints/v1/people', array( 'search' => 'zoë-ç' ) )->get_data();
		$this->assertSame( array( 'Zoë Çelik 日本' ), array_column( $found, 'name' ) );
	}

	public function test_a_person_keeps_the_newest_50_traits_and_at_most_16_kb_of_them(): void {
		// A page may call identify() with ever new trait names: 60 names in two calls.
		$first  = array();
		$second = array();
		for ( $i = 0; $i < 30; $i++ ) {
			$first[ "a$i" ]  = $i;
			$second[ "b$i" ] = $i;
		}
		$this->collect( array( $this->identify( 'dev_trait01', 0, 'tina', $first + array( 'plan' => 'free' ) ) ) );
		$this->collect( array( $this->identify( 'dev_trait01', 60, 'tina', $second + array( 'plan' => 'pro' ) ) ) );

		$traits = json_decode( (string) $this->person_of( 'dev_trait01' )['traits'], true );
		$this->assertCount( 50, $traits );
		$this->assertArrayNotHasKey( 'a10', $traits, 'the names set longest ago go first' );
		$this->assertSame( 11, $traits['a11'] );
		$this->assertSame( 'pro', $traits['plan'] );

		// Long values: 20 of 1,000 characters are 20 KB; the oldest go until 16 KB fit.
		$long = array();
		for ( $i = 0; $i < 20; $i++ ) {
			$long[ "long$i" ] = str_repeat( 'x', 1000 );
		}
		$this->collect( array( $this->identify( 'dev_trait01', 120, 'tina', $long ) ) );
		$traits = json_decode( (string) $this->person_of( 'dev_trait01' )['traits'], true );
		$this->assertLessThanOrEqual( 16384, strlen( (string) $this->person_of( 'dev_trait01' )['traits'] ) );
		// long4..long19: 6 × 1,010 + 10 × 1,011 bytes, commas and braces, 16,187 B; with long3 17,198 B.
		$this->assertSame( array_map( static fn( int $i ) => "long$i", range( 4, 19 ) ), array_keys( $traits ), 'whole values kept, the oldest dropped' );
	}

	public function test_a_shared_device_moves_with_its_history_to_the_user_now_identified(): void {
		$this->collect( array( $this->identify( 'dev_aaaa1', 0, 'ann' ), $this->click( 'dev_bbbb2', 5 ) ) );
		$this->collect( array( $this->identify( 'dev_bbbb2', 10, 'ann' ) ) );
		$this->collect( array( $this->identify( 'dev_aaaa1', 20, 'bob' ) ) );

		$bob = $this->person_of( 'dev_aaaa1' );
		$ann = $this->person_of( 'dev_bbbb2' );
		$this->assertSame( 'bob', $bob['user_id'] );
		$this->assertSame( 'ann', $ann['user_id'] );
		$this->assertSame( 2, (int) $bob['events'], 'the device took its two events along' );
		$this->assertSame( 2, (int) $ann['events'] );
		$this->assertSame( 2, $this->people_count() );
	}

	public function test_a_signed_in_batch_links_the_device_to_the_wordpress_user_and_their_email(): void {
		$user = $this->user( 'Lead@Example.com' );
		$this->sign_in_cookie( $user, time() + 3600 );
		$this->collect( array( $this->click( 'dev_aaaa1', 0 ) ) );
		unset( $_SERVER['HTTP_COOKIE'] );
		$this->collect( array( $this->identify( 'dev_bbbb2', 10, 'crm-9', array( 'email' => 'lead@example.com' ) ) ) );

		$this->assertSame( 1, $this->people_count() );
		$person = $this->person_of( 'dev_aaaa1' );
		$this->assertSame( $user, (int) $person['wp_user_id'] );
		$this->assertSame( 'lead@example.com', $person['email'] );
		$this->assertSame( 'crm-9', $person['user_id'] );
		$this->assertSame( $person['id'], $this->person_of( 'dev_bbbb2' )['id'] );
	}

	public function test_identify_on_a_signed_in_device_names_the_same_person_and_another_sign_in_moves_the_device(): void {
		$ann = $this->user( 'ann@example.com' );
		$bob = $this->user( 'bob@example.com' );
		$this->sign_in_cookie( $ann, time() + 3600 );
		$this->collect( array( $this->click( 'dev_aaaa1', 0 ) ) );
		$this->collect( array( $this->identify( 'dev_aaaa1', 10, 'crm-ann' ) ) );
		$person = $this->person_of( 'dev_aaaa1' );
		$this->assertSame( 'crm-ann', $person['user_id'] );
		$this->assertSame( $ann, (int) $person['wp_user_id'] );
		$this->assertSame( 1, $this->people_count() );

		$this->sign_in_cookie( $bob, time() + 3600 );
		$this->collect( array( $this->click( 'dev_aaaa1', 20 ) ) );
		$this->assertSame( $bob, (int) $this->person_of( 'dev_aaaa1' )['wp_user_id'] );
		$this->assertSame( 2, $this->people_count(), 'Ann keeps her person (her ids), without the device' );
	}

	public function test_a_forged_or_expired_cookie_links_nothing(): void {
		$user                   = $this->user( 'someone@example.com' );
		$_SERVER['HTTP_COOKIE'] = SignInCookie::NAME . '=' . SignInCookie::value( $user, time() + 3600, 'a guessed secret' );
		$this->collect( array( $this->click( 'dev_aaaa1', 0 ) ) );
		$this->sign_in_cookie( $user, time() - 1 );
		$this->collect( array( $this->click( 'dev_aaaa1', 10 ) ) );
		$_SERVER['HTTP_COOKIE'] = SignInCookie::NAME . '=' . $user . '.' . ( time() + 3600 ) . '.' . str_repeat( '0', 64 );
		$this->collect( array( $this->click( 'dev_aaaa1', 20 ) ) );

		$person = $this->person_of( 'dev_aaaa1' );
		$this->assertNull( $person['wp_user_id'] );
		$this->assertNull( $person['email'] );
		$this->assertSame( 3, (int) $person['events'] );
	}

	public function test_the_fast_collector_carries_the_signed_in_user_to_the_drain(): void {
		$user   = $this->user( 'fast@example.com' );
		$cookie = $this->sign_in_cookie( $user, time() + 3600 );
		plugin()->collector_config()->write();
		$answer = FastCollector::post( (string) wp_json_encode( array( 'events' => array( $this->click( 'dev_fast0001', 0 ) ) ) ), 'text/plain;charset=UTF-8', array( 'Cookie: other=1; ' . $cookie ) );
		$this->assertSame( 200, $answer['status'] );
		$forged = FastCollector::post( (string) wp_json_encode( array( 'events' => array( $this->click( 'dev_fast0002', 0 ) ) ) ), 'text/plain;charset=UTF-8', array( 'Cookie: ' . SignInCookie::NAME . '=' . SignInCookie::value( $user, time() + 3600, 'wrong' ) ) );
		$this->assertSame( 200, $forged['status'] );
		plugin()->drainer()->drain();

		$this->assertSame( $user, (int) $this->person_of( 'dev_fast0001' )['wp_user_id'] );
		$this->assertSame( 'fast@example.com', $this->person_of( 'dev_fast0001' )['email'] );
		$this->assertNull( $this->person_of( 'dev_fast0002' )['wp_user_id'] );
	}

	/**
	 * A WordPress user with this email.
	 *
	 * @param string $email Email.
	 */
	private function user( string $email ): int {
		$user = wp_insert_user(
			array(
				'user_login' => 'lead_' . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
				'user_email' => $email,
			)
		);
		$this->assertIsInt( $user );
		return $user;
	}

	/**
	 * Puts a valid sign-in cookie on the next REST requests; returns it as "name=value".
	 *
	 * @param int $user    User ID.
	 * @param int $expires Expiry.
	 */
	private function sign_in_cookie( int $user, int $expires ): string {
		if ( '' === SignInLink::secret() ) {
			update_option( SignInLink::SECRET_OPTION, 'secret-for-the-test-' . wp_generate_password( 20, false ) );
		}
		$cookie                 = SignInCookie::NAME . '=' . SignInCookie::value( $user, $expires, SignInLink::secret() );
		$_SERVER['HTTP_COOKIE'] = $cookie;
		return $cookie;
	}

	/**
	 * How many people this test added.
	 */
	private function people_count(): int {
		global $wpdb;
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}footprints_people" ) - $this->people_before;
	}

	/**
	 * The ids of a kind that lead to a person, sorted.
	 *
	 * @param int    $person Person id.
	 * @param string $kind   user, email or wp.
	 * @return list<string>
	 */
	private function ids( int $person, string $kind ): array {
		global $wpdb;
		$ids = array_map( 'strval', $wpdb->get_col( $wpdb->prepare( "SELECT value FROM {$wpdb->prefix}footprints_person_ids WHERE person_id = %d AND kind = %s", $person, $kind ) ) );
		sort( $ids );
		return $ids;
	}
}
