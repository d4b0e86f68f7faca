<?php
/**
 * FormDeriver.
 *
 * @package Footprints
 */

namespace Footprints\Forms;

use Footprints\Database\QueryFailed;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Events\EventDeriver;
use Footprints\Events\EventWriter;
use Footprints\People\IdentityLedger;
use Footprints\People\Sessions;

/**
 * The system events a stored form_submission implies, in the writer's
 * transaction (people are kept already, so a device's person is known):
 *
 * - a valid email: identity_conversion, once per visitor (not when the
 *   device's person, or the person the email already names, has one);
 * - an email that is not valid: invalid_email; a valid one from the same
 *   device in the same session (no gap over 30 minutes, Sessions) after an
 *   invalid one, with no valid one between: corrected_email;
 * - mapped fields (company, phone, job title): custom_data_updated with
 *   them as traits, which the person gets;
 * - a form the owner marked as a contact form: contact_us.
 *
 * A derived event's id comes from its source's id and its code, so a retry
 * never doubles it; a code whose definition is disabled is not derived
 * (that is how an owner switches a system event off).
 */
final class FormDeriver implements EventDeriver {

	public const IDENTITY  = 'identity_conversion';
	public const INVALID   = 'invalid_email';
	public const CORRECTED = 'corrected_email';
	public const PROFILE   = IdentityLedger::PROFILE_EVENT;
	public const CONTACT   = 'contact_us';

	/** How many of a device's latest events are searched for an invalid email to correct. */
	private const SESSION_EVENTS = 500;

	/**
	 * Identities given in this batch: person ids and emails.
	 *
	 * @var array<string, true>
	 */
	private array $identified = array();

	/**
	 * Constructor.
	 *
	 * @param \wpdb                $wpdb        WordPress' database connection (in the writer's transaction).
	 * @param FormSettings         $settings    Field mapping and contact forms.
	 * @param DefinitionRepository $definitions Which system events are enabled.
	 */
	public function __construct( private \wpdb $wpdb, private FormSettings $settings, private DefinitionRepository $definitions ) {}

	/**
	 * Events derived from the form submissions stored now.
	 *
	 * @param list<array<string, mixed>> $stored Events stored now.
	 * @return list<array<string, mixed>>
	 */
	public function derive( array $stored ): array {
		$forms = array_values( array_filter( $stored, static fn( array $event ) => ClientForms::EVENT === $event['event'] ) );
		if ( ! $forms ) {
			return array();
		}
		usort( $forms, static fn( array $a, array $b ) => (int) $a['time'] <=> (int) $b['time'] );
		$enabled          = $this->enabled_codes();
		$corrections      = $this->corrections( $forms );
		$this->identified = array();
		$derived          = array();
		foreach ( $forms as $source ) {
			$attributes = (array) $source['attributes'];
			$form       = is_string( $attributes['form'] ?? null ) ? $attributes['form'] : '';
			$sent       = is_string( $attributes['email'] ?? null ) ? trim( $attributes['email'] ) : '';
			$email      = IdentityLedger::email( $sent );
			$events     = array();
			if ( '' !== $sent && null === $email ) {
				$events[ self::INVALID ] = array( 'form' => $form );
			}
			if ( null !== $email && isset( $corrections[ $source['id'] ] ) ) {
				$events[ self::CORRECTED ] = array(
					'form'  => $form,
					'email' => $email,
				);
			}
			if ( null !== $email && $this->first_identity( $source, $email ) ) {
				$events[ self::IDENTITY ] = array( 'email' => $email );
			}
			$traits = $this->mapped_traits( $attributes['fields'] ?? null );
			if ( $traits ) {
				$events[ self::PROFILE ] = array( 'traits' => $traits );
			}
			if ( $this->settings->is_contact_form( $form ) ) {
				$events[ self::CONTACT ] = array( 'form' => $form );
			}
			foreach ( array_intersect_key( $events, $enabled ) as $code => $derived_attributes ) {
				$derived[] = self::derived( $source, $code, $derived_attributes );
			}
		}//end foreach
		return $derived;
	}

	/**
	 * The derivable codes whose definitions exist and are enabled.
	 *
	 * @return array<string, true>
	 */
	private function enabled_codes(): array {
		$codes = array( self::IDENTITY, self::INVALID, self::CORRECTED, self::PROFILE, self::CONTACT );
		$found = array_filter( $this->definitions->find_many( $codes ), static fn( array $definition ) => (bool) $definition['enabled'] );
		return array_fill_keys( array_map( 'strval', array_keys( $found ) ), true );
	}

	/**
	 * An event derived from a form submission: same device, app, page and
	 * time, an id from the source's id and the code.
	 *
	 * @param array<string, mixed> $source     The stored form_submission.
	 * @param string               $code       Derived code.
	 * @param array<string, mixed> $attributes Its attributes.
	 * @return array<string, mixed>
	 */
	private static function derived( array $source, string $code, array $attributes ): array {
		return array(
			'id'         => substr( hash( 'sha256', $source['id'] . '|' . $code ), 0, 32 ),
			'event'      => $code,
			'app_id'     => $source['app_id'],
			'device_id'  => $source['device_id'] ?? null,
			'attributes' => $attributes,
			'page'       => $source['page'] ?? '',
			'referrer'   => $source['referrer'] ?? '',
			'time'       => (int) $source['time'],
		);
	}

	/**
	 * The mapped fields a submission carries, by trait name: only traits
	 * the owner mapped, only non-empty text.
	 *
	 * @param mixed $fields The submission's `fields` attribute.
	 * @return array<string, string>
	 */
	private function mapped_traits( mixed $fields ): array {
		if ( ! is_array( $fields ) ) {
			return array();
		}
		$traits = array();
		foreach ( array_keys( $this->settings->mapped_fields() ) as $trait ) {
			$value = $fields[ $trait ] ?? null;
			if ( is_string( $value ) && '' !== trim( $value ) ) {
				$traits[ $trait ] = mb_substr( trim( $value ), 0, 200 );
			}
		}
		return $traits;
	}

	/**
	 * Whether this email is the visitor's first: a device is needed (a
	 * submission without one names no visitor), and neither the device's
	 * person nor the person the email leads to may have an
	 * identity_conversion yet, stored or derived in this batch.
	 *
	 * @param array<string, mixed> $source The form submission.
	 * @param string               $email  Its valid email.
	 */
	private function first_identity( array $source, string $email ): bool {
		$device = $source['device_id'] ?? null;
		if ( null === $device ) {
			return false;
		}
		$wpdb   = $this->wpdb;
		$people = $wpdb->prefix . 'footprints_';
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names only.
		$persons = array_map(
			'intval',
			$this->column(
				$wpdb->prepare(
					"SELECT person_id FROM {$people}person_devices WHERE device_id = %s
					UNION SELECT person_id FROM {$people}person_ids WHERE kind = 'email' AND value = %s AND app_id = %s",
					(string) $device,
					$email,
					(string) $source['app_id']
				)
			)
		);
		$keys    = array_merge( array( 'email:' . $email ), array_map( static fn( int $person ) => 'person:' . $person, $persons ) );
		if ( array_intersect_key( $this->identified, array_flip( $keys ) ) ) {
			return false;
		}
		$in = implode( ',', array_fill( 0, count( $persons ), '%d' ) );
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders -- one %d per person.
		$sql   = $wpdb->prepare( "SELECT 1 FROM {$people}person_devices d JOIN {$wpdb->prefix}footprints_events e ON e.code = %s AND e.device_id = d.device_id WHERE d.person_id IN ($in) LIMIT 1", self::IDENTITY, ...$persons );
		$given = array() !== $persons && array() !== $this->column( $sql );
		// phpcs:enable
		$this->identified += array_fill_keys( $keys, true );
		return ! $given;
	}

	/**
	 * The form submissions of this batch that correct an invalid email: a
	 * valid email after an invalid one from the same device, in the same
	 * session, with no valid email between. The device's latest events
	 * (stored ones, this batch's among them) are read from the newest of
	 * this batch backwards, so an earlier invalid email and the gaps
	 * between are seen.
	 *
	 * @param list<array<string, mixed>> $forms This batch's form submissions, oldest first.
	 * @return array<string, true> Ids of the correcting submissions.
	 */
	private function corrections( array $forms ): array {
		$devices = array();
		foreach ( $forms as $form ) {
			if ( null !== ( $form['device_id'] ?? null ) ) {
				$devices[ (string) $form['device_id'] ][ (string) $form['id'] ] = (int) $form['time'];
			}
		}
		$corrections = array();
		foreach ( $devices as $device => $batch ) {
			if ( ! $this->may_correct( $device, $forms ) ) {
				continue;
			}
			$pending = null;
			$last    = null;
			foreach ( $this->recent_events( $device, max( $batch ) ) as $row ) {
				$time = EventWriter::to_ms( (string) $row['occurred_at'] );
				if ( null !== $last && $time - $last > Sessions::GAP_SECONDS * 1000 ) {
					$pending = null;
				}
				$last = $time;
				if ( self::INVALID === $row['code'] ) {
					$pending = $time;
				} elseif ( ClientForms::EVENT === $row['code'] ) {
					$attributes = json_decode( (string) $row['attributes'], true );
					$sent       = is_array( $attributes ) && is_string( $attributes['email'] ?? null ) ? trim( $attributes['email'] ) : '';
					if ( '' === $sent ) {
						continue;
					}
					if ( null === IdentityLedger::email( $sent ) ) {
						$pending = $time;
						continue;
					}
					if ( null !== $pending && isset( $batch[ (string) $row['event_id'] ] ) ) {
						$corrections[ (string) $row['event_id'] ] = true;
					}
					$pending = null;
				}
			}//end foreach
		}//end foreach
		return $corrections;
	}

	/**
	 * Whether a correction is possible at all: this batch holds an invalid
	 * email of the device, or an earlier one was stored (one indexed read).
	 *
	 * @param string                     $device Device id.
	 * @param list<array<string, mixed>> $forms  This batch's form submissions.
	 */
	private function may_correct( string $device, array $forms ): bool {
		foreach ( $forms as $form ) {
			$sent = ( (array) $form['attributes'] )['email'] ?? null;
			if ( ( $form['device_id'] ?? null ) === $device && is_string( $sent ) && '' !== trim( $sent ) && null === IdentityLedger::email( $sent ) ) {
				return true;
			}
		}
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		return (bool) $this->column( $wpdb->prepare( "SELECT 1 FROM {$wpdb->prefix}footprints_events WHERE code = %s AND device_id = %s LIMIT 1", self::INVALID, $device ) );
	}

	/**
	 * A device's latest events up to a time, oldest first.
	 *
	 * @param string $device Device id.
	 * @param int    $until  Time (ms) of the newest.
	 * @return list<array<string, mixed>>
	 * @throws QueryFailed When the read failed.
	 */
	private function recent_events( string $device, int $until ): array {
		$wpdb = $this->wpdb;
		$sql  = $wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
			"SELECT event_id, code, occurred_at, IF(code = %s, attributes, NULL) AS attributes FROM {$wpdb->prefix}footprints_events WHERE device_id = %s AND occurred_at <= %s ORDER BY occurred_at DESC, event_id DESC LIMIT %d",
			ClientForms::EVENT,
			$device,
			EventWriter::to_datetime( $until ),
			self::SESSION_EVENTS
		);
		$rows = $wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared above.
		if ( '' !== $wpdb->last_error || ! is_array( $rows ) ) {
			throw new QueryFailed( esc_html( $wpdb->last_error ) );
		}
		return array_reverse( $rows );
	}

	/**
	 * The first column of a read that must work.
	 *
	 * @param string|null $sql Prepared statement.
	 * @return list<string>
	 * @throws QueryFailed When it failed.
	 */
	private function column( ?string $sql ): array {
		if ( null === $sql ) {
			throw new QueryFailed( 'A statement could not be prepared.' );
		}
		$values = $this->wpdb->get_col( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared by the caller.
		if ( '' !== $this->wpdb->last_error ) {
			throw new QueryFailed( esc_html( $this->wpdb->last_error ) );
		}
		return array_map( 'strval', $values );
	}
}
