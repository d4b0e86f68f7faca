<?php
/**
 * What the server derives from a stored form_submission: identity_conversion
 * once per visitor (it identifies the device), invalid_email and
 * corrected_email in one session, custom_data_updated with the mapped fields
 * only, contact_us for contact forms; a retry derives nothing twice, and a
 * disabled system event is not derived.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class FormDeriverTest extends TestCase {

	use PeopleEvents;
	use FormEvents;

	protected function setUp(): void {
		parent::setUp();
		$this->track_forms( array( 'company' => array( 'company' ) ), array( 'contact' ) );
	}

	public function test_a_valid_email_is_captured_once_per_visitor_and_identifies_the_device(): void {
		$first = $this->submission( 'dev_form0001', 0, 'signup', ' Ann@Example.COM ' );
		$this->assertSame( 1, $this->collect( array( $first ) )['accepted'] );
		$this->assertSame(
			array(
				array(
					'form_submission',
					array(
						'form'  => 'signup',
						'email' => ' Ann@Example.COM ',
					),
				),
				array( 'identity_conversion', array( 'email' => 'ann@example.com' ) ),
			),
			$this->stored( 'dev_form0001' )
		);
		$this->assertSame( 'ann@example.com', $this->person_of( 'dev_form0001' )['email'] );

		// The same batch again: stored already, nothing derived again.
		$this->assertSame( 0, $this->collect( array( $first ) )['accepted'] );
		// A second submit of the same visitor: no second conversion.
		$this->collect( array( $this->submission( 'dev_form0001', 60, 'signup', 'ann@example.com' ) ) );
		$this->assertSame( array( 'form_submission', 'identity_conversion', 'form_submission' ), array_column( $this->stored( 'dev_form0001' ), 0 ) );

		// Another browser of the same person: joins them, no second conversion either.
		$this->collect( array( $this->submission( 'dev_form0002', 120, 'signup', 'ANN@example.com' ) ) );
		$this->assertSame( array( 'form_submission' ), array_column( $this->stored( 'dev_form0002' ), 0 ) );
		$this->assertSame( $this->person_of( 'dev_form0001' )['id'], $this->person_of( 'dev_form0002' )['id'] );
	}

	public function test_a_derived_event_has_an_id_made_from_its_source_and_code(): void {
		$source = $this->submission( 'dev_form0003', 0, 'contact', 'bob@example.com' );
		$this->collect( array( $source ) );
		global $wpdb;
		$ids = $wpdb->get_col( $wpdb->prepare( "SELECT event_id FROM {$wpdb->prefix}footprints_events WHERE device_id = %s AND code <> 'form_submission' ORDER BY code", 'dev_form0003' ) );
		$this->assertSame(
			array(
				substr( hash( 'sha256', $source['id'] . '|contact_us' ), 0, 32 ),
				substr( hash( 'sha256', $source['id'] . '|identity_conversion' ), 0, 32 ),
			),
			$ids
		);
	}

	public function test_an_invalid_email_then_a_valid_one_in_the_same_session_is_a_correction(): void {
		$this->collect( array( $this->submission( 'dev_form0004', 0, 'signup', 'ann@example' ) ) );
		$this->collect( array( $this->submission( 'dev_form0004', 90, 'signup', 'ann@example.com' ) ) );
		// A valid one again: nothing left to correct.
		$this->collect( array( $this->submission( 'dev_form0004', 120, 'signup', 'ann@example.org' ) ) );
		$this->assertSame(
			array(
				array(
					'form_submission',
					array(
						'form'  => 'signup',
						'email' => 'ann@example',
					),
				),
				array( 'invalid_email', array( 'form' => 'signup' ) ),
				array(
					'form_submission',
					array(
						'form'  => 'signup',
						'email' => 'ann@example.com',
					),
				),
				array(
					'corrected_email',
					array(
						'form'  => 'signup',
						'email' => 'ann@example.com',
					),
				),
				array( 'identity_conversion', array( 'email' => 'ann@example.com' ) ),
				array(
					'form_submission',
					array(
						'form'  => 'signup',
						'email' => 'ann@example.org',
					),
				),
			),
			$this->stored( 'dev_form0004' )
		);
	}

	public function test_both_in_one_batch_correct_too_and_a_later_session_does_not(): void {
		$this->collect(
			array(
				$this->submission( 'dev_form0005', 0, 'signup', 'not an email' ),
				$this->submission( 'dev_form0005', 5, 'signup', 'cy@example.com' ),
			)
		);
		$this->assertSame( array( 'form_submission', 'invalid_email', 'form_submission', 'corrected_email', 'identity_conversion' ), array_column( $this->stored( 'dev_form0005' ), 0 ) );

		// 30 minutes and one second later: a new session, nothing to correct.
		$this->collect( array( $this->submission( 'dev_form0006', 0, 'signup', 'dee@' ) ) );
		$this->collect( array( $this->submission( 'dev_form0006', 1801, 'signup', 'dee@example.com' ) ) );
		$this->assertSame( array( 'form_submission', 'invalid_email', 'form_submission', 'identity_conversion' ), array_column( $this->stored( 'dev_form0006' ), 0 ) );

		// A click every 20 minutes keeps the session going.
		$this->collect( array( $this->submission( 'dev_form0007', 0, 'signup', 'eve@' ) ) );
		$this->define_event( 'trial_click' );
		$this->collect( array( $this->click( 'dev_form0007', 1200 ), $this->click( 'dev_form0007', 2400 ) ) );
		$this->collect( array( $this->submission( 'dev_form0007', 3600, 'signup', 'eve@example.com' ) ) );
		$this->assertContains( 'corrected_email', array_column( $this->stored( 'dev_form0007' ), 0 ) );
	}

	public function test_only_mapped_fields_become_traits(): void {
		$this->collect(
			array(
				$this->submission(
					'dev_form0008',
					0,
					'quote',
					'',
					array(
						'company' => ' Acme ',
						'phone'   => '555 0100',
						'message' => 'secret',
					)
				),
			)
		);
		$stored = $this->stored( 'dev_form0008' );
		$this->assertSame( array( 'custom_data_updated', array( 'traits' => array( 'company' => 'Acme' ) ) ), $stored[1] );
		$this->assertCount( 2, $stored, 'an empty email is neither valid nor invalid' );
		$this->assertSame( array( 'company' => 'Acme' ), json_decode( (string) $this->person_of( 'dev_form0008' )['traits'], true ) );
	}

	public function test_a_contact_form_gives_contact_us(): void {
		$this->collect( array( $this->submission( 'dev_form0009', 0, 'contact', '' ), $this->submission( 'dev_form0009', 1, 'newsletter', '' ) ) );
		$this->assertSame(
			array(
				array( 'form_submission', array( 'form' => 'contact' ) ),
				array( 'contact_us', array( 'form' => 'contact' ) ),
				array( 'form_submission', array( 'form' => 'newsletter' ) ),
			),
			$this->stored( 'dev_form0009' )
		);
	}

	public function test_a_disabled_system_event_is_not_derived(): void {
		plugin()->definition_service()->set_enabled( 'identity_conversion', false );
		plugin()->definition_service()->set_enabled( 'contact_us', false );
		$this->collect( array( $this->submission( 'dev_form0010', 0, 'contact', 'fay@example.com' ) ) );
		$this->assertSame( array( 'form_submission' ), array_column( $this->stored( 'dev_form0010' ), 0 ) );
		$this->assertSame( 'fay@example.com', $this->person_of( 'dev_form0010' )['email'], 'the email still identifies the visitor: only the event is off' );
	}

	public function test_without_a_device_an_invalid_email_is_noted_and_nobody_is_identified(): void {
		$invalid = $this->submission( 'dev_nobody1', 0, 'nodevice', 'x@' );
		$valid   = $this->submission( 'dev_nobody1', 1, 'nodevice', 'gus@example.com' );
		unset( $invalid['device_id'], $valid['device_id'] );
		$this->assertSame( 2, $this->collect( array( $invalid, $valid ) )['accepted'] );
		$this->assertSame( 1, $this->count_of( 'invalid_email', 'nodevice' ) );
		$this->assertSame( 0, $this->count_of( 'identity_conversion', 'gus@example.com' ) );
		$this->assertSame( 0, $this->count_of( 'corrected_email', 'nodevice' ) );
	}

	/**
	 * A form_submission as the client sends it.
	 *
	 * @param string               $device  Device id.
	 * @param int                  $seconds Seconds after T0.
	 * @param string               $form    Form id.
	 * @param string               $email   The email field ('' none).
	 * @param array<string, mixed> $fields  Mapped fields.
	 * @return array<string, mixed>
	 */
	private function submission( string $device, int $seconds, string $form, string $email, array $fields = array() ): array {
		return $this->event( $device, $seconds, 'form_submission', array_filter( compact( 'form', 'email', 'fields' ) ) );
	}

	/**
	 * How many events of a code, whose attributes hold a text, are stored without a device.
	 *
	 * @param string $code Event code.
	 * @param string $text Text in its attributes.
	 */
	private function count_of( string $code, string $text ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}footprints_events WHERE code = %s AND device_id IS NULL AND attributes LIKE %s", $code, '%' . $wpdb->esc_like( $text ) . '%' ) );
	}

	/**
	 * The person row of a device.
	 *
	 * @param string $device Device id.
	 * @return array<string, mixed>
	 */
	private function person_of( string $device ): array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT p.* FROM {$wpdb->prefix}footprints_people p JOIN {$wpdb->prefix}footprints_person_devices d ON d.person_id = p.id WHERE d.device_id = %s", $device ), ARRAY_A );
		$this->assertIsArray( $row, "device $device has a person" );
		return $row;
	}
}
