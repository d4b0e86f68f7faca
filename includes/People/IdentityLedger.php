<?php
/**
 * IdentityLedger.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Database\JsonColumn;
use Footprints\Database\QueryFailed;
use Footprints\Events\EventWriter;

/**
 * Keeps people up to date with the events stored now, inside the writer's
 * transaction: every device gets a person (anonymous until identified),
 * device and person totals grow by the events stored now (a retried event
 * adds nothing), and identities link devices to people.
 *
 * - identify(id, traits) arrives as custom_data_updated with user_id (and
 *   traits): the device joins the person of that id; an anonymous person
 *   is merged into it.
 * - alias(newId) sends previous_id and user_id: both ids lead to one
 *   person (the two people are merged; the new id becomes its user id).
 * - An email in traits.email (valid, lowercased) is an identity too: two
 *   devices with one email become one person; so is a form's valid email
 *   (form_submission's, and identity_conversion's that the server derives
 *   from it): a second browser of a known visitor joins them.
 * - Traits without an id (a form's mapped fields, which the server
 *   derives as custom_data_updated with traits only) go to the device's
 *   person as it is.
 * - A WordPress sign-in (the batch's signed cookie, see SignInCookie)
 *   links the device to the person wp:<ID>, with the user's email.
 *
 * A device whose person already has another user id (or, at a sign-in,
 * another WordPress user) is a shared browser: the device moves, with its history, to the
 * person now identified, and the other person keeps its other devices.
 * Traits come only from the traits attribute, merged over the old ones.
 */
final class IdentityLedger {

	public const PROFILE_EVENT = 'custom_data_updated';
	// The server derives it from a form's valid email (Forms\FormDeriver).
	public const EMAIL_EVENT = 'identity_conversion';
	// A form's email identifies its sender even when the conversion was given before, on another device.
	public const FORM_EVENT = 'form_submission';
	private const MAX_ID    = 191;
	// A person's traits: at most this many names and bytes of JSON.
	private const MAX_TRAITS       = 50;
	private const MAX_TRAITS_BYTES = 16384;

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection (in the writer's transaction).
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * Records events stored now. Events without a device are nobody's.
	 *
	 * @param list<array<string, mixed>> $events Events stored now (validated; 'wp_user' when the batch came signed in).
	 * @throws QueryFailed When a query failed; the writer rolls back.
	 */
	public function record( array $events ): void {
		$devices = array();
		foreach ( $events as $event ) {
			if ( null === ( $event['device_id'] ?? null ) ) {
				continue;
			}
			$time                        = EventWriter::to_datetime( (int) $event['time'] );
			$device                      = (string) $event['device_id'];
			$devices[ $device ]        ??= array(
				'app_id' => (string) $event['app_id'],
				'first'  => $time,
				'last'   => $time,
				'events' => 0,
			);
			$devices[ $device ]['first'] = min( $devices[ $device ]['first'], $time );
			$devices[ $device ]['last']  = max( $devices[ $device ]['last'], $time );
			++$devices[ $device ]['events'];
		}
		if ( ! $devices ) {
			return;
		}
		$this->count( $devices );
		$this->identities( $events );
	}

	/**
	 * Links devices by the identities these events carry (identify,
	 * alias, an email, a signed-in batch), oldest first. Their devices
	 * have people already (count()).
	 *
	 * @param list<array<string, mixed>> $events Events.
	 */
	public function identities( array $events ): void {
		usort( $events, static fn( array $a, array $b ) => (int) $a['time'] <=> (int) $b['time'] );
		$signed_in = array();
		foreach ( $events as $event ) {
			if ( null === ( $event['device_id'] ?? null ) ) {
				continue;
			}
			$wp_user = (int) ( $event['wp_user'] ?? 0 );
			if ( $wp_user > 0 && ! isset( $signed_in[ $event['device_id'] ][ $wp_user ] ) ) {
				$signed_in[ $event['device_id'] ][ $wp_user ] = true;
				$this->sign_in( (string) $event['device_id'], (string) $event['app_id'], $wp_user );
			}
			if ( self::PROFILE_EVENT === $event['event'] ) {
				$this->profile( (string) $event['device_id'], (string) $event['app_id'], (array) $event['attributes'] );
			}
			if ( self::EMAIL_EVENT === $event['event'] || self::FORM_EVENT === $event['event'] ) {
				$this->email_captured( (string) $event['device_id'], (string) $event['app_id'], (array) $event['attributes'] );
			}
		}
	}

	/**
	 * Adds the devices' new events to their totals and their people's,
	 * creating a person for each device seen for the first time.
	 *
	 * @param array<string, array{app_id: string, first: string, last: string, events: int}> $devices By device id (first and last as DATETIME(3)).
	 */
	public function count( array $devices ): void {
		if ( ! $devices ) {
			return;
		}
		// One order for every writer, so two never lock the same rows crosswise.
		ksort( $devices, SORT_STRING );
		$wpdb         = $this->wpdb;
		$ids          = array_map( 'strval', array_keys( $devices ) );
		$placeholders = implode( ',', array_fill( 0, count( $ids ), '%s' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table name and one %s per device.
		$known   = $this->rows( $wpdb->prepare( "SELECT device_id, person_id FROM {$this->table( 'person_devices' )} WHERE device_id IN ($placeholders) FOR UPDATE", $ids ) );
		$persons = array_column( $known, 'person_id', 'device_id' ) + $this->new_people( array_diff_key( $devices, array_column( $known, 'person_id', 'device_id' ) ) );
		$rows    = array();
		$totals  = array();
		foreach ( $devices as $device => $seen ) {
			$person                       = (int) $persons[ $device ];
			$rows[]                       = $wpdb->prepare( '(%s, %d, %s, %s, %s, %d)', (string) $device, $person, $seen['app_id'], $seen['first'], $seen['last'], $seen['events'] );
			$totals[ $person ]          ??= array(
				'first'  => $seen['first'],
				'last'   => $seen['last'],
				'events' => 0,
			);
			$totals[ $person ]['first']   = min( $totals[ $person ]['first'], $seen['first'] );
			$totals[ $person ]['last']    = max( $totals[ $person ]['last'], $seen['last'] );
			$totals[ $person ]['events'] += $seen['events'];
		}
		QueryFailed::run(
			$wpdb,
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and rows prepared above.
			"INSERT INTO {$this->table( 'person_devices' )} (device_id, person_id, app_id, first_seen, last_seen, events) VALUES " . implode( ',', $rows ) . '
			ON DUPLICATE KEY UPDATE events = events + VALUES(events), first_seen = LEAST(first_seen, VALUES(first_seen)), last_seen = GREATEST(last_seen, VALUES(last_seen))'
		);
		ksort( $totals );
		// One statement for all of them: a drain meets thousands of people at once.
		$rows = array();
		foreach ( $totals as $person => $seen ) {
			$rows[] = (string) $wpdb->prepare( 'SELECT %d AS id, %d AS added, %s AS first, %s AS last', $person, $seen['events'], $seen['first'], $seen['last'] );
		}
		QueryFailed::run(
			$wpdb,
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and rows prepared above.
			"UPDATE {$this->table( 'people' )} p JOIN (" . implode( ' UNION ALL ', $rows ) . ') t ON t.id = p.id
			SET p.events = p.events + t.added, p.first_seen = LEAST(p.first_seen, t.first), p.last_seen = GREATEST(p.last_seen, t.last)'
		);
	}

	/**
	 * New anonymous people for devices seen for the first time (their
	 * totals are added by count(), like everybody's), 500 a statement.
	 * Each row carries a seed, the statement's random token and the row's
	 * place in it, and one indexed read maps the seeds back to ids: the
	 * ids of one multi-row INSERT need not follow each other
	 * (innodb_autoinc_lock_mode 2, MySQL 8's default). Seeds are cleared
	 * again in the same transaction.
	 *
	 * @param array<string, array{app_id: string, first: string, last: string, events: int}> $devices By device id.
	 * @return array<string, int> Person id by device id.
	 * @throws QueryFailed When a query failed or a new person was not found again.
	 */
	private function new_people( array $devices ): array {
		$wpdb   = $this->wpdb;
		$people = array();
		foreach ( array_chunk( $devices, 500, true ) as $chunk ) {
			$token  = bin2hex( random_bytes( 8 ) );
			$rows   = array();
			$seeds  = array();
			$number = 0;
			foreach ( $chunk as $device => $seen ) {
				$seed           = $token . sprintf( '%05d', $number++ );
				$seeds[ $seed ] = (string) $device;
				$rows[]         = (string) $wpdb->prepare( '(%s, %s, %s, 0, %s)', $seen['app_id'], $seen['first'], $seen['first'], $seed );
			}
			// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and rows prepared above.
			QueryFailed::run( $wpdb, "INSERT INTO {$this->table( 'people' )} (app_id, first_seen, last_seen, events, seed) VALUES " . implode( ',', $rows ) );
			$range = (string) $wpdb->prepare( 'seed BETWEEN %s AND %s', $token . '00000', $token . '99999' );
			$found = $this->rows( "SELECT id, seed FROM {$this->table( 'people' )} WHERE $range" );
			if ( count( $found ) !== count( $chunk ) ) {
				throw new QueryFailed( 'New people could not be read back by their seeds.' );
			}
			foreach ( $found as $row ) {
				$people[ $seeds[ (string) $row['seed'] ] ] = (int) $row['id'];
			}
			QueryFailed::run( $wpdb, "UPDATE {$this->table( 'people' )} SET seed = NULL WHERE $range" );
			// phpcs:enable
		}//end foreach
		return $people;
	}

	/**
	 * A new anonymous person for a device seen for the first time (its
	 * totals are added by count(), like everybody's).
	 *
	 * @param string $app_id App ID.
	 * @param string $seen   When the device was first seen.
	 */
	private function new_person( string $app_id, string $seen ): int {
		QueryFailed::check(
			$this->wpdb,
			$this->wpdb->insert(
				$this->table( 'people' ),
				array(
					'app_id'     => $app_id,
					'first_seen' => $seen,
					'last_seen'  => $seen,
					'events'     => 0,
				),
				array( '%s', '%s', '%s', '%d' )
			)
		);
		return (int) $this->wpdb->insert_id;
	}

	/**
	 * An identify() or alias() call: custom_data_updated's user_id,
	 * previous_id and traits (its group() calls carry group_id and change
	 * nobody).
	 *
	 * @param string               $device     Device id.
	 * @param string               $app_id     App ID.
	 * @param array<string, mixed> $attributes The event's attributes.
	 */
	private function profile( string $device, string $app_id, array $attributes ): void {
		$user_id  = self::id_value( $attributes['user_id'] ?? null );
		$previous = self::id_value( $attributes['previous_id'] ?? null );
		$traits   = is_array( $attributes['traits'] ?? null ) && ! array_is_list( $attributes['traits'] ) ? $attributes['traits'] : array();
		$email    = self::email( $traits['email'] ?? null );
		if ( isset( $attributes['group_id'] ) ) {
			return;
		}
		if ( null === $user_id && null === $email ) {
			if ( $traits ) {
				$this->update_person( $this->device_person( $device ), array(), $traits );
			}
			return;
		}
		$ids = array();
		foreach ( array_filter( array( $previous, $user_id ) ) as $value ) {
			$ids[] = array( 'user', $value );
		}
		if ( null !== $email ) {
			$ids[] = array( 'email', $email );
		}
		$this->link(
			$device,
			$app_id,
			$ids,
			array_filter(
				array(
					'user_id' => $user_id,
					'email'   => $email,
				)
			),
			$traits
		);
	}

	/**
	 * An email captured by a form (form_submission, identity_conversion):
	 * the device joins the person of that email; an invalid one names nobody.
	 *
	 * @param string               $device     Device id.
	 * @param string               $app_id     App ID.
	 * @param array<string, mixed> $attributes The event's attributes.
	 */
	private function email_captured( string $device, string $app_id, array $attributes ): void {
		$email = self::email( $attributes['email'] ?? null );
		if ( null !== $email ) {
			$this->link( $device, $app_id, array( array( 'email', $email ) ), array( 'email' => $email ), array() );
		}
	}

	/**
	 * A batch sent by a signed-in WordPress user: the device joins the
	 * person wp:<ID>, with the user's email.
	 *
	 * @param string $device  Device id.
	 * @param string $app_id  App ID.
	 * @param int    $wp_user WordPress user ID.
	 */
	private function sign_in( string $device, string $app_id, int $wp_user ): void {
		$user = get_userdata( $wp_user );
		if ( ! $user ) {
			return;
		}
		$email = self::email( $user->user_email );
		// Every batch a signed-in visitor sends names them: once the device's
		// person is this user with this email, there is nothing to link.
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names only.
		$now = $this->rows( $this->wpdb->prepare( "SELECT p.wp_user_id, p.email FROM {$this->table( 'person_devices' )} d JOIN {$this->table( 'people' )} p ON p.id = d.person_id WHERE d.device_id = %s", $device ) )[0] ?? null;
		if ( $now && (int) $now['wp_user_id'] === $wp_user && $now['email'] === $email ) {
			return;
		}
		$ids = array( array( 'wp', (string) $wp_user ) );
		if ( null !== $email ) {
			$ids[] = array( 'email', $email );
		}
		$this->link(
			$device,
			$app_id,
			$ids,
			array_filter(
				array(
					'wp_user_id' => $wp_user,
					'email'      => $email,
				)
			),
			array()
		);
	}

	/**
	 * Links a device to the person these ids lead to: the people they
	 * lead to become one (the oldest keeps its id), the device's person
	 * joins it when it is anonymous or the same user, else the device moves
	 * to it; then the ids lead there and its columns and traits are set.
	 *
	 * @param string                     $device  Device id.
	 * @param string                     $app_id  App ID.
	 * @param list<array{string,string}> $ids     Identities, as (kind, value).
	 * @param array<string, string|int>  $columns Columns to set on the person (user_id, email, wp_user_id).
	 * @param array<string, mixed>       $traits  Traits to merge.
	 */
	private function link( string $device, string $app_id, array $ids, array $columns, array $traits ): void {
		$found  = $this->people_of( $app_id, $ids );
		$target = $found ? min( $found ) : null;
		foreach ( $found as $person ) {
			if ( $person !== $target ) {
				$this->merge( $person, (int) $target );
			}
		}
		// Read after the merges: the device's person may have been one of them.
		$own = $this->device_person( $device );
		if ( null === $target ) {
			$target = $this->fits( $own, $ids ) ? $own : $this->new_person( $app_id, $this->device_first_seen( $device ) );
		}
		if ( $target !== $own ) {
			if ( $this->fits( $own, $ids ) ) {
				$this->merge( $own, $target );
			} else {
				$this->move( $device, $own, $target );
			}
		}
		$this->claim( $app_id, $ids, $target );
		$this->update_person( $target, $columns, $traits );
	}

	/**
	 * Whether a person may simply become the one these ids name: its user
	 * id and its WordPress user are unset, the same, or not named by them.
	 *
	 * @param int                        $person Person id.
	 * @param list<array{string,string}> $ids    Identities, as (kind, value).
	 */
	private function fits( int $person, array $ids ): bool {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$row = $this->rows( $wpdb->prepare( "SELECT user_id, wp_user_id FROM {$this->table( 'people' )} WHERE id = %d", $person ) )[0] ?? null;
		if ( ! $row ) {
			return false;
		}
		$named = array(
			'user' => array(),
			'wp'   => array(),
		);
		foreach ( $ids as $id ) {
			$named[ $id[0] ][] = $id[1];
		}
		// Only an id of the same kind can contradict: identify() on a signed-in person's device is that person.
		$user_fits = null === $row['user_id'] || ! $named['user'] || in_array( (string) $row['user_id'], $named['user'], true );
		$wp_fits   = null === $row['wp_user_id'] || ! $named['wp'] || in_array( (string) $row['wp_user_id'], $named['wp'], true );
		return $user_fits && $wp_fits;
	}

	/**
	 * The people these ids lead to, locked.
	 *
	 * @param string                     $app_id App ID.
	 * @param list<array{string,string}> $ids    Identities, as (kind, value).
	 * @return list<int>
	 */
	private function people_of( string $app_id, array $ids ): array {
		$wpdb  = $this->wpdb;
		$where = array();
		foreach ( $ids as $id ) {
			$where[] = (string) $wpdb->prepare( '(kind = %s AND value = %s AND app_id = %s)', $id[0], $id[1], $app_id );
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and conditions prepared above.
		$rows = $this->rows( "SELECT DISTINCT person_id FROM {$this->table( 'person_ids' )} WHERE " . implode( ' OR ', $where ) . ' FOR UPDATE' );
		return array_values( array_unique( array_map( static fn( array $row ) => (int) $row['person_id'], $rows ) ) );
	}

	/**
	 * Makes the ids lead to a person.
	 *
	 * @param string                     $app_id App ID.
	 * @param list<array{string,string}> $ids    Identities, as (kind, value).
	 * @param int                        $person Person id.
	 */
	private function claim( string $app_id, array $ids, int $person ): void {
		$wpdb = $this->wpdb;
		$rows = array();
		foreach ( $ids as $id ) {
			$rows[] = (string) $wpdb->prepare( '(%s, %s, %s, %d)', $id[0], $id[1], $app_id, $person );
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and rows prepared above.
		QueryFailed::run( $wpdb, "INSERT INTO {$this->table( 'person_ids' )} (kind, value, app_id, person_id) VALUES " . implode( ',', $rows ) . ' ON DUPLICATE KEY UPDATE person_id = VALUES(person_id)' );
	}

	/**
	 * Merges one person into another: devices, ids, totals, and what
	 * identified it where the other has nothing; then it is gone.
	 *
	 * @param int $from Person merged away.
	 * @param int $into Person kept.
	 */
	private function merge( int $from, int $into ): void {
		$wpdb   = $this->wpdb;
		$people = $this->table( 'people' );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names only.
		$gone = $this->rows( $wpdb->prepare( "SELECT user_id, email, wp_user_id, traits FROM $people WHERE id = %d FOR UPDATE", $from ) )[0] ?? null;
		$kept = $this->rows( $wpdb->prepare( "SELECT traits FROM $people WHERE id = %d FOR UPDATE", $into ) )[0] ?? null;
		if ( ! $gone || ! $kept ) {
			return;
		}
		QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE {$this->table( 'person_devices' )} SET person_id = %d WHERE person_id = %d", $into, $from ) );
		QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE {$this->table( 'person_ids' )} SET person_id = %d WHERE person_id = %d", $into, $from ) );
		QueryFailed::run(
			$wpdb,
			$wpdb->prepare(
				"UPDATE $people SET user_id = COALESCE(user_id, NULLIF(%s, '')), email = COALESCE(email, NULLIF(%s, '')), wp_user_id = COALESCE(wp_user_id, NULLIF(%d, 0)), traits = %s WHERE id = %d",
				(string) $gone['user_id'],
				(string) $gone['email'],
				(int) $gone['wp_user_id'],
				self::merged_traits( JsonColumn::decode( (string) $gone['traits'] ), JsonColumn::decode( (string) $kept['traits'] ) ),
				$into
			)
		);
		QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM $people WHERE id = %d", $from ) );
		// phpcs:enable
		$this->recount( $into );
	}

	/**
	 * Moves one device, with its history, to another person; the person it
	 * leaves keeps its other devices, or goes when it has nothing left.
	 *
	 * @param string $device Device id.
	 * @param int    $from   Person it leaves.
	 * @param int    $into   Person it joins.
	 */
	private function move( string $device, int $from, int $into ): void {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE {$this->table( 'person_devices' )} SET person_id = %d WHERE device_id = %s", $into, $device ) );
		$this->recount( $into );
		$this->recount( $from );
	}

	/**
	 * Sets a person's totals from its devices' (after a merge or a move);
	 * a person left with no device and no id is removed.
	 *
	 * @param int $person Person id.
	 */
	private function recount( int $person ): void {
		$wpdb = $this->wpdb;
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names only.
		$devices = $this->rows( $wpdb->prepare( "SELECT MIN(first_seen) AS first_seen, MAX(last_seen) AS last_seen, COALESCE(SUM(events), 0) AS events, COUNT(*) AS devices FROM {$this->table( 'person_devices' )} WHERE person_id = %d", $person ) )[0];
		if ( (int) $devices['devices'] > 0 ) {
			QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE {$this->table( 'people' )} SET first_seen = %s, last_seen = %s, events = %d WHERE id = %d", $devices['first_seen'], $devices['last_seen'], (int) $devices['events'], $person ) );
		} elseif ( ! $this->rows( $wpdb->prepare( "SELECT person_id FROM {$this->table( 'person_ids' )} WHERE person_id = %d LIMIT 1", $person ) ) ) {
			QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM {$this->table( 'people' )} WHERE id = %d", $person ) );
		} else {
			QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE {$this->table( 'people' )} SET events = 0 WHERE id = %d", $person ) );
		}
		// phpcs:enable
	}

	/**
	 * Sets what identified a person and merges traits over its old ones.
	 *
	 * @param int                       $person  Person id.
	 * @param array<string, string|int> $columns user_id, email, wp_user_id.
	 * @param array<string, mixed>      $traits  Traits.
	 */
	private function update_person( int $person, array $columns, array $traits ): void {
		$wpdb = $this->wpdb;
		if ( $traits ) {
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
			$old               = (string) ( $this->rows( $wpdb->prepare( "SELECT traits FROM {$this->table( 'people' )} WHERE id = %d", $person ) )[0]['traits'] ?? '' );
			$columns['traits'] = self::merged_traits( JsonColumn::decode( $old ), $traits );
		}
		if ( $columns ) {
			// Formats spelled out: wpdb would take user_id for a number (core's usermeta column).
			$formats = array_map( static fn( $value ) => is_int( $value ) ? '%d' : '%s', $columns );
			QueryFailed::check( $wpdb, $wpdb->update( $this->table( 'people' ), $columns, array( 'id' => $person ), array_values( $formats ), array( '%d' ) ) );
		}
	}

	/**
	 * The person a device belongs to (count() made sure it has one).
	 *
	 * @param string $device Device id.
	 */
	private function device_person( string $device ): int {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		return (int) ( $this->rows( $this->wpdb->prepare( "SELECT person_id FROM {$this->table( 'person_devices' )} WHERE device_id = %s", $device ) )[0]['person_id'] ?? 0 );
	}

	/**
	 * When a device was first seen.
	 *
	 * @param string $device Device id.
	 */
	private function device_first_seen( string $device ): string {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		return (string) ( $this->rows( $this->wpdb->prepare( "SELECT first_seen FROM {$this->table( 'person_devices' )} WHERE device_id = %s", $device ) )[0]['first_seen'] ?? gmdate( 'Y-m-d H:i:s' ) );
	}

	/**
	 * Rows of a read that must work.
	 *
	 * @param string|null $sql Prepared statement.
	 * @return list<array<string, mixed>>
	 * @throws QueryFailed When it failed.
	 */
	private function rows( ?string $sql ): array {
		if ( null === $sql ) {
			throw new QueryFailed( 'A statement could not be prepared.' );
		}
		$rows = $this->wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared by the caller.
		if ( '' !== $this->wpdb->last_error || ! is_array( $rows ) ) {
			throw new QueryFailed( esc_html( $this->wpdb->last_error ) );
		}
		return $rows;
	}

	/**
	 * A table's full name.
	 *
	 * @param string $name people, person_devices or person_ids.
	 */
	private function table( string $name ): string {
		return $this->wpdb->prefix . 'footprints_' . $name;
	}

	/**
	 * A user id as sent: a non-empty string (or number) of 191 characters at most; else null.
	 *
	 * @param mixed $value Attribute value.
	 */
	private static function id_value( mixed $value ): ?string {
		if ( is_int( $value ) ) {
			$value = (string) $value;
		}
		if ( ! is_string( $value ) ) {
			return null;
		}
		$value = trim( $value );
		return '' === $value || mb_strlen( $value ) > self::MAX_ID ? null : $value;
	}

	/**
	 * A valid email, lowercased; else null.
	 *
	 * @param mixed $value Trait value.
	 */
	public static function email( mixed $value ): ?string {
		if ( ! is_string( $value ) ) {
			return null;
		}
		$email = strtolower( trim( $value ) );
		return strlen( $email ) <= self::MAX_ID && is_email( $email ) ? $email : null;
	}

	/**
	 * Old traits with new ones over them, as stored: at most MAX_TRAITS
	 * names and MAX_TRAITS_BYTES of JSON, the names set longest ago
	 * dropped first. Any page may call identify() with ever new trait
	 * names; a person must not grow without bound.
	 *
	 * @param array<string, mixed> $old Traits kept so far.
	 * @param array<string, mixed> $new Traits that win.
	 */
	private static function merged_traits( array $old, array $new ): string {
		// Union, not array_merge: a name like "42" stays a name.
		$traits = array_slice( array_diff_key( $old, $new ) + $new, -self::MAX_TRAITS, null, true );
		$json   = self::json( $traits );
		$size   = strlen( $json );
		while ( $size > self::MAX_TRAITS_BYTES ) {
			unset( $traits[ array_key_first( $traits ) ] );
			$json = self::json( $traits );
			$size = strlen( $json );
		}
		return $json;
	}

	/**
	 * Traits as stored.
	 *
	 * @param array<string, mixed> $traits Traits.
	 */
	private static function json( array $traits ): string {
		return (string) wp_json_encode( (object) $traits, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
	}
}
