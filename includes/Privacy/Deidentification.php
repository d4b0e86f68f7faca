<?php
/**
 * Deidentification.
 *
 * @package Footprints
 */

namespace Footprints\Privacy;

use Footprints\SystemEvents\ServerEvents;
use Footprints\Hookable;

/**
 * The two system events of WordPress' privacy tools, recorded through
 * footprints_track() on a device of the person concerned:
 *
 * - deidentification_requested, when a visitor confirms (the link in the
 *   email) that they want their personal data erased: on the device the
 *   request's email leads to that was used last. Only erasure requests,
 *   and only at the confirmation itself (core's own check: a request still
 *   pending), so a second click on the link adds nothing.
 * - deidentification, when WordPress has run every eraser: on the same
 *   device under its new, anonymous id (PersonalDataEraser notes it on the
 *   request), so the anonymous timeline shows the erasure without saying
 *   whose it was. The note is deleted at once.
 *
 * Disabling either system event in settings turns it off. The page is the
 * site's home: the confirmation URL carries the request's key.
 */
final class Deidentification implements Hookable {

	public const REQUESTED = 'deidentification_requested';
	public const DONE      = 'deidentification';

	/**
	 * Constructor.
	 *
	 * @param PeopleOfEmail $people      Finds the people of an email.
	 * @param ServerEvents  $events Records a system event from a server hook (when it is switched on).
	 */
	public function __construct( private PeopleOfEmail $people, private ServerEvents $events ) {}

	/**
	 * Hooks the confirmation and the end of the erasure.
	 */
	public function hook(): void {
		// Before core (10) marks the request confirmed.
		add_action( 'user_request_action_confirmed', array( $this, 'requested' ), 9 );
		add_action( 'wp_privacy_personal_data_erased', array( $this, 'erased' ) );
	}

	/**
	 * A visitor confirmed a request.
	 *
	 * @param mixed $request_id The request (wp_user_request post).
	 */
	public function requested( mixed $request_id ): void {
		$request = is_numeric( $request_id ) ? wp_get_user_request( (int) $request_id ) : false;
		if ( ! $request || 'remove_personal_data' !== $request->action_name || ! in_array( $request->status, array( 'request-pending', 'request-failed' ), true ) ) {
			return;
		}
		$device = $this->people->latest_device( (string) $request->email );
		if ( null !== $device ) {
			$this->track( self::REQUESTED, $device );
		}
	}

	/**
	 * Every eraser ran for a request.
	 *
	 * @param mixed $request_id The request (wp_user_request post).
	 */
	public function erased( mixed $request_id ): void {
		if ( ! is_numeric( $request_id ) ) {
			return;
		}
		$device = get_post_meta( (int) $request_id, PersonalDataEraser::DEVICE_META, true );
		delete_post_meta( (int) $request_id, PersonalDataEraser::DEVICE_META );
		if ( is_string( $device ) && '' !== $device ) {
			$this->track( self::DONE, $device );
		}
	}

	/**
	 * Records one of the two events on the person's device (the request
	 * comes from an admin's screen or an email link, not the visitor's page).
	 *
	 * @param string $code   Event code.
	 * @param string $device Device id.
	 */
	private function track( string $code, string $device ): void {
		$this->events->record(
			$code,
			array(),
			array(
				'device_id' => $device,
				'page'      => home_url( '/' ),
			)
		);
	}
}
