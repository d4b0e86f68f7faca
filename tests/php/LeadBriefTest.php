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
		$person = (int) $this->person_of( 'brief_ann_laptop' );
		$brief  = plugin()->lead_brief()->of_person( $person );

		$this->assertIsArray( $brief );
		fwrite( STDERR, "\n" . $brief['text'] . "\n" );
		$this->assertSame( '', $brief['text'] );
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
				$this->event( $laptop, 0, 'brief_pricing_viewed', '/pricing/?utm_source=newsletter', array( 'plan' => 'pro' ) ),
				$this->event( $laptop, 45, 'brief_pricing_viewed', '/pricing/', array( 'plan' => 'pro' ) ),
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
	private function person_of( string $device ): ?int {
		return plugin()->people_query()->person_of_device( $device );
	}
}
