<?php
/**
 * PeopleOfEmail.
 *
 * @package Footprints
 */

namespace Footprints\Privacy;

use Footprints\People\IdentityLedger;

/**
 * The people an email address leads to, on every site this one keeps
 * people for (a hub keeps each site's apart): the ids that lead to a
 * person (footprints_person_ids) of kind email (lowercased, as stored),
 * of kind user when identify() was given the email itself, and of kind wp
 * for the WordPress user with that email; then every device linked to
 * them. The email must be valid: anything else leads to nobody.
 */
final class PeopleOfEmail {

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * Person ids, ascending.
	 *
	 * @param string $email Email address.
	 * @return list<int>
	 */
	public function people( string $email ): array {
		$lower = IdentityLedger::email( $email );
		if ( null === $lower ) {
			return array();
		}
		$wpdb  = $this->wpdb;
		$where = array(
			(string) $wpdb->prepare( '(kind = %s AND value = %s)', 'email', $lower ),
			(string) $wpdb->prepare( '(kind = %s AND value IN (%s, %s))', 'user', trim( $email ), $lower ),
		);
		$user  = get_user_by( 'email', $lower );
		if ( $user ) {
			$where[] = (string) $wpdb->prepare( '(kind = %s AND value = %s)', 'wp', (string) $user->ID );
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and conditions prepared above.
		$ids = array_map( 'intval', (array) $wpdb->get_col( "SELECT DISTINCT person_id FROM {$this->table( 'person_ids' )} WHERE " . implode( ' OR ', $where ) . ' ORDER BY person_id' ) );
		return array_values( array_unique( $ids ) );
	}

	/**
	 * The people's rows, with the ids that lead to each.
	 *
	 * @param int[] $people Person ids.
	 * @return list<array<string, mixed>> Rows of footprints_people, each with 'ids' (list of kind:value).
	 */
	public function rows( array $people ): array {
		if ( ! $people ) {
			return array();
		}
		$wpdb = $this->wpdb;
		$in   = implode( ',', array_map( 'intval', $people ) );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names and integer ids.
		$rows = (array) $wpdb->get_results( "SELECT id, app_id, user_id, email, wp_user_id, traits, first_seen, last_seen, events FROM {$this->table( 'people' )} WHERE id IN ($in) ORDER BY id", ARRAY_A );
		$ids  = (array) $wpdb->get_results( "SELECT person_id, kind, value FROM {$this->table( 'person_ids' )} WHERE person_id IN ($in) ORDER BY kind, value", ARRAY_A );
		// phpcs:enable
		$leads = array();
		foreach ( $ids as $id ) {
			$leads[ (int) $id['person_id'] ][] = $id['kind'] . ':' . $id['value'];
		}
		foreach ( $rows as $key => $row ) {
			$rows[ $key ]['ids'] = $leads[ (int) $row['id'] ] ?? array();
		}
		return $rows;
	}

	/**
	 * The people's devices, the one seen last first.
	 *
	 * @param int[] $people Person ids.
	 * @return list<array{device_id: string, person_id: int, app_id: string, first_seen: string, last_seen: string, events: int}>
	 */
	public function devices( array $people ): array {
		if ( ! $people ) {
			return array();
		}
		$in = implode( ',', array_map( 'intval', $people ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and integer ids.
		$rows = (array) $this->wpdb->get_results( "SELECT device_id, person_id, app_id, first_seen, last_seen, events FROM {$this->table( 'person_devices' )} WHERE person_id IN ($in) ORDER BY last_seen DESC, device_id", ARRAY_A );
		return array_map(
			static fn( array $row ) => array(
				'device_id'  => (string) $row['device_id'],
				'person_id'  => (int) $row['person_id'],
				'app_id'     => (string) $row['app_id'],
				'first_seen' => (string) $row['first_seen'],
				'last_seen'  => (string) $row['last_seen'],
				'events'     => (int) $row['events'],
			),
			$rows
		);
	}

	/**
	 * The device the email's people used last, or null.
	 *
	 * @param string $email Email address.
	 */
	public function latest_device( string $email ): ?string {
		$devices = $this->devices( $this->people( $email ) );
		return $devices ? $devices[0]['device_id'] : null;
	}

	/**
	 * A table's full name.
	 *
	 * @param string $name people, person_devices or person_ids.
	 */
	private function table( string $name ): string {
		return $this->wpdb->prefix . 'footprints_' . $name;
	}
}
