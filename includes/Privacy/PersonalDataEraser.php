<?php
/**
 * PersonalDataEraser.
 *
 * @package Footprints
 */

namespace Footprints\Privacy;

use Footprints\Database\Transaction;
use Footprints\Definitions\PendingEvents;
use Footprints\Hookable;
use Footprints\People\IdentityLedger;

/**
 * Tools → Erase Personal Data: the people an email leads to lose their
 * identity and what is personal in their events, and keep what they did as
 * anonymous counts. Each page takes up to 500 of their devices' events
 * and removes personal attributes (data/privacy.json) and the email
 * wherever else it appears; the last page, with ingest held still and the
 * buffer drained (events still on their way are erased too), sweeps what
 * arrived meanwhile and deidentifies the people and their devices
 * (Deidentifier: new random device ids). Events without a device that
 * carry the email (a form sent without consent to a device id) lose it too. Pages need no state between them:
 * until the last, the email still leads to the same people.
 *
 * Bodies of automation deliveries logged for debugging that name them are
 * dropped (DeliveryBodies); what automations already sent elsewhere is
 * named in the answer, for the site owner to erase there.
 *
 * Events, daily totals and unique-device counts stay as they were, and the
 * answer says so (items_retained). The new id of the device used last is
 * remembered with the request, so the deidentification event lands on the
 * now anonymous timeline (Deidentification).
 */
final class PersonalDataEraser implements Hookable {

	public const KEY         = 'footprints';
	public const DEVICE_META = '_footprints_deidentified_device';

	/**
	 * New id of the device used last, by the email erased in this request.
	 *
	 * @var array<string, string>
	 */
	private array $last_devices = array();

	/**
	 * Constructor.
	 *
	 * @param \wpdb          $wpdb         WordPress' database connection.
	 * @param PeopleOfEmail  $people       Finds the people of an email.
	 * @param PersonalEvents $events       Their events.
	 * @param Deidentifier   $deidentifier Takes their identity away.
	 * @param DeliveryBodies $deliveries   Logged automation bodies that name them.
	 * @param PendingEvents  $pending      Holds ingest still with the buffer drained.
	 */
	public function __construct(
		private \wpdb $wpdb,
		private PeopleOfEmail $people,
		private PersonalEvents $events,
		private Deidentifier $deidentifier,
		private DeliveryBodies $deliveries,
		private PendingEvents $pending
	) {}

	/**
	 * Registers the eraser, and notes its last device on the request.
	 */
	public function hook(): void {
		add_filter( 'wp_privacy_personal_data_erasers', array( $this, 'register' ) );
		// Before core's handler (10), which may fire wp_privacy_personal_data_erased.
		add_filter( 'wp_privacy_personal_data_erasure_page', array( $this, 'remember_device' ), 9, 6 );
	}

	/**
	 * Adds the eraser to WordPress' list.
	 *
	 * @param mixed $erasers Erasers by key.
	 * @return array<string, mixed>
	 */
	public function register( mixed $erasers ): array {
		$erasers              = is_array( $erasers ) ? $erasers : array();
		$erasers[ self::KEY ] = array(
			'eraser_friendly_name' => __( 'Footprints (event tracking)', 'footprints' ),
			'callback'             => array( $this, 'erase' ),
		);
		return $erasers;
	}

	/**
	 * One page of the erasure.
	 *
	 * @param string $email Email address of the request.
	 * @param int    $page  Page, from 1.
	 * @return array{items_removed: bool, items_retained: bool, messages: list<string>, done: bool}
	 * @throws \Footprints\Database\QueryFailed When a write failed (WordPress shows the error; the request can be run again).
	 * @throws \Footprints\Events\StoreFailed When the buffered events could not be stored first.
	 */
	public function erase( string $email, int $page = 1 ): array {
		$page     = max( 1, $page );
		$per_page = PersonalAttributes::per_page();
		$people   = $this->people->people( $email );
		$answer   = array(
			'items_removed'  => false,
			'items_retained' => false,
			'messages'       => array(),
			'done'           => true,
		);
		if ( ! $people ) {
			$scrubbed = $this->scrub_loose( $email );
			if ( $scrubbed > 0 ) {
				$answer['items_removed']  = true;
				$answer['items_retained'] = true;
				$answer['messages'][]     = sprintf(
					/* translators: %s: number of events. */
					_n( 'Footprints removed this email from %s event sent without a device id and kept the event as an anonymous count.', 'Footprints removed this email from %s events sent without a device id and kept the events as anonymous counts.', $scrubbed, 'footprints' ),
					number_format_i18n( $scrubbed )
				);
			}
			return $answer;
		}
		$emails                  = array_values( array_unique( array( trim( $email ), (string) IdentityLedger::email( $email ) ) ) );
		$ids                     = array_column( $this->people->devices( $people ), 'device_id' );
		$answer['items_removed'] = $this->events->scrub( $this->events->read( $ids, ( $page - 1 ) * $per_page, $per_page ), $emails ) > 0;
		if ( $page * $per_page < $this->events->count( $ids ) ) {
			$answer['done'] = false;
			return $answer;
		}
		$devices = $this->finish( $people, $email, $emails, $page * $per_page );
		if ( $devices ) {
			$this->last_devices[ strtolower( trim( $email ) ) ] = $devices[0]['device_id'];
		}
		$kept                     = $this->events->count( array_column( $devices, 'device_id' ) );
		$answer['items_removed']  = true;
		$answer['items_retained'] = $kept > 0;
		$answer['messages'][]     = self::kept( $kept, count( $devices ) );
		if ( $this->deliveries->rules_exist() ) {
			$answer['messages'][] = __( 'Footprints automations may have sent this person\'s events to webhooks, Slack or a CRM (Footprints → Settings → Automations): erase them there too.', 'footprints' );
		}
		return $answer;
	}

	/**
	 * The last page's work, with ingest held still and the buffer drained,
	 * in one transaction: the events that arrived since the pages began,
	 * the device-less ones, logged delivery bodies, then identity and
	 * device ids. Returns the devices under their new ids, used last first.
	 *
	 * @param int[]    $people Person ids the email led to.
	 * @param string   $email  Email address of the request.
	 * @param string[] $emails The email as given and lowercased.
	 * @param int      $offset Events the earlier pages took.
	 * @return list<array{device_id: string, person_id: int, app_id: string, first_seen: string, last_seen: string, events: int}>
	 */
	private function finish( array $people, string $email, array $emails, int $offset ): array {
		return $this->pending->hold(
			function () use ( $people, $email, $emails, $offset ): array {
				$devices = array();
				( new Transaction( $this->wpdb ) )->run(
					function () use ( $people, $email, $emails, $offset, &$devices ): void {
						// Read again: the drain may have brought events, devices, even a merge.
						$people   = array_values( array_unique( array_merge( $people, $this->people->people( $email ) ) ) );
						$devices  = $this->people->devices( $people );
						$ids      = array_column( $devices, 'device_id' );
						$per_page = PersonalAttributes::per_page();
						do {
							$late    = $this->events->read( $ids, $offset, $per_page );
							$read    = count( $late );
							$offset += $read;
							$this->events->scrub( $late, $emails );
						} while ( $per_page === $read );
						$this->events->scrub_personal_codes( $ids, $emails );
						$this->scrub_loose( $email );
						$this->deliveries->drop( $emails, $ids );
						$renamed = $this->deidentifier->deidentify( $people, $devices );
						foreach ( $devices as $key => $device ) {
							$devices[ $key ]['device_id'] = $renamed[ $device['device_id'] ];
						}
					}
				);
				return $devices;
			}
		);
	}

	/**
	 * What the answer says was kept, and why.
	 *
	 * @param int $kept    Events kept.
	 * @param int $devices Devices they belong to.
	 */
	private static function kept( int $kept, int $devices ): string {
		if ( 0 === $kept ) {
			return __( 'Footprints removed this person\'s email, user ids, WordPress sign-in link and traits; it had no events of theirs.', 'footprints' );
		}
		return sprintf(
			/* translators: 1: a number of events (e.g. 3 events), 2: a number of devices (e.g. 2 devices). */
			__( 'Footprints removed this person\'s email, user ids, WordPress sign-in link, traits and personal event attributes, and gave their devices new random ids. It kept %1$s of %2$s without identity, so the site\'s visit and event counts stay accurate; nothing left links them to this person.', 'footprints' ),
			/* translators: %s: number of events. */
			sprintf( _n( '%s event', '%s events', $kept, 'footprints' ), number_format_i18n( $kept ) ),
			/* translators: %s: number of devices. */
			sprintf( _n( '%s device', '%s devices', $devices, 'footprints' ), number_format_i18n( $devices ) )
		);
	}

	/**
	 * Removes what is personal from the events without a device that carry
	 * the email (they drop out of the match once scrubbed: read by row id).
	 *
	 * @param string $email Email address.
	 * @return int Events changed.
	 */
	private function scrub_loose( string $email ): int {
		$emails  = array_values( array_unique( array( trim( $email ), (string) IdentityLedger::email( $email ) ) ) );
		$changed = 0;
		$after   = 0;
		do {
			$events   = $this->events->read_loose( $email, $after, 0, PersonalAttributes::per_page() );
			$changed += $this->events->scrub( $events, $emails );
			$after    = $events ? (int) end( $events )['id'] : $after;
		} while ( $events );
		return $changed;
	}

	/**
	 * WordPress processed a page of an eraser: when it was this one's
	 * last, the new id of the device used last goes with the request, for
	 * the deidentification event once every eraser is done.
	 *
	 * @param mixed $response     The eraser's answer.
	 * @param mixed $eraser_index Eraser index, from 1.
	 * @param mixed $email        Email address.
	 * @param mixed $page         Page.
	 * @param mixed $request_id   The request (wp_user_request post).
	 * @param mixed $eraser_key   The eraser's key.
	 * @return mixed The answer, unchanged.
	 */
	public function remember_device( mixed $response, mixed $eraser_index, mixed $email, mixed $page, mixed $request_id, mixed $eraser_key ): mixed {
		unset( $eraser_index, $page );
		$device = is_string( $email ) ? ( $this->last_devices[ strtolower( trim( $email ) ) ] ?? null ) : null;
		if ( self::KEY === $eraser_key && is_array( $response ) && ! empty( $response['done'] ) && null !== $device && is_numeric( $request_id ) ) {
			update_post_meta( (int) $request_id, self::DEVICE_META, $device );
			unset( $this->last_devices[ strtolower( trim( $email ) ) ] );
		}
		return $response;
	}
}
