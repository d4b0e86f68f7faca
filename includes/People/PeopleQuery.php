<?php
/**
 * PeopleQuery.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Database\JsonColumn;

/**
 * Reads people for the People screen, its export and the timeline: a page
 * of people by last seen, a search by email, user id or device id (each a
 * prefix range on a primary key, never a scan), one person with its
 * devices and ids.
 */
final class PeopleQuery {

	/**
	 * The most people a search finds (the list says when there are more).
	 */
	public const MAX_MATCHES = 1000;

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * The list's arguments (the REST route's and the export's): search and site.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function args(): array {
		return array(
			'search' => array(
				'description' => __( 'The start of an email, a user id or a device id.', 'footprints' ),
				'type'        => 'string',
				'maxLength'   => 191,
			),
			'site'   => array(
				'description' => __( 'Only people of this app ID (a site connected to this hub, or this site).', 'footprints' ),
				'type'        => 'string',
				'pattern'     => '^app_[a-z0-9]{1,60}$',
			),
		);
	}

	/**
	 * A page of people, last seen first.
	 *
	 * @param array{search?: string, site?: string, per_page?: int, page?: int} $query Search, app ID and paging.
	 * @return array{items: list<array<string, mixed>>, total: int}
	 */
	public function list( array $query ): array {
		$wpdb     = $this->wpdb;
		$per_page = max( 1, (int) ( $query['per_page'] ?? 20 ) );
		$offset   = ( max( 1, (int) ( $query['page'] ?? 1 ) ) - 1 ) * $per_page;
		$filter   = $this->filter( $query );
		if ( null === $filter ) {
			return array(
				'items' => array(),
				'total' => 0,
			);
		}
		list( $where, $params ) = $filter;
		// phpcs:disable WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name and fixed clauses; one placeholder per value; ids are integers.
		$count = "SELECT COUNT(*) FROM {$this->table( 'people' )} WHERE $where";
		$total = (int) $wpdb->get_var( $params ? $wpdb->prepare( $count, $params ) : $count );
		$rows  = (array) $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$this->table( 'people' )} WHERE $where ORDER BY last_seen DESC, id DESC LIMIT %d OFFSET %d", array_merge( $params, array( $per_page, $offset ) ) ), ARRAY_A );
		// phpcs:enable
		return array(
			'items' => $this->people( $rows ),
			'total' => $total,
		);
	}

	/**
	 * People in the list's order after a point (keyset: last seen, then
	 * id, both descending), for an export read a chunk at a time.
	 *
	 * @param array{search?: string, site?: string}  $query Search and app ID.
	 * @param array{last_seen: string, id: int}|null $after The last person of the chunk before (stored last_seen), or null.
	 * @param int                                    $limit People in the chunk.
	 * @return list<array<string, mixed>> People as list() gives them, with 'stored_last_seen'.
	 */
	public function chunk( array $query, ?array $after, int $limit ): array {
		$filter = $this->filter( $query );
		if ( null === $filter ) {
			return array();
		}
		list( $where, $params ) = $filter;
		if ( null !== $after ) {
			$where .= ' AND (last_seen < %s OR (last_seen = %s AND id < %d))';
			array_push( $params, $after['last_seen'], $after['last_seen'], $after['id'] );
		}
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name and fixed clauses; one placeholder per value.
		$rows   = (array) $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$this->table( 'people' )} WHERE $where ORDER BY last_seen DESC, id DESC LIMIT %d", array_merge( $params, array( $limit ) ) ), ARRAY_A );
		$people = $this->people( $rows );
		foreach ( $rows as $key => $row ) {
			$people[ $key ]['stored_last_seen'] = (string) $row['last_seen'];
		}
		return $people;
	}

	/**
	 * The WHERE clause of a list or an export, with its values; null when a search finds nobody.
	 *
	 * @param array{search?: string, site?: string} $query Search and app ID.
	 * @return array{0: string, 1: list<string>}|null
	 */
	private function filter( array $query ): ?array {
		$site   = (string) ( $query['site'] ?? '' );
		$search = trim( (string) ( $query['search'] ?? '' ) );
		$where  = '1=1';
		$params = array();
		if ( '' !== $site ) {
			$where   .= ' AND app_id = %s';
			$params[] = $site;
		}
		if ( '' !== $search ) {
			$ids = $this->search( $search, $site );
			if ( ! $ids ) {
				return null;
			}
			$where .= ' AND id IN (' . implode( ',', $ids ) . ')';
		}
		return array( $where, $params );
	}

	/**
	 * People rows as the API shows them, with their devices.
	 *
	 * @param array<int, array<string, mixed>> $rows Table rows.
	 * @return list<array<string, mixed>>
	 */
	private function people( array $rows ): array {
		$devices = $this->devices_of( array_map( static fn( array $row ) => (int) $row['id'], $rows ) );
		$items   = array();
		foreach ( $rows as $row ) {
			$items[] = self::person( $row, $devices[ (int) $row['id'] ] ?? array() );
		}
		return $items;
	}

	/**
	 * One person with its devices (and their totals) and the ids that lead to it; null when there is none.
	 *
	 * @param int $id Person id.
	 * @return array<string, mixed>|null
	 */
	public function find( int $id ): ?array {
		$wpdb = $this->wpdb;
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names only.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$this->table( 'people' )} WHERE id = %d", $id ), ARRAY_A );
		if ( ! is_array( $row ) ) {
			return null;
		}
		$devices = (array) $wpdb->get_results( $wpdb->prepare( "SELECT device_id, first_seen, last_seen, events FROM {$this->table( 'person_devices' )} WHERE person_id = %d ORDER BY last_seen DESC", $id ), ARRAY_A );
		$ids     = (array) $wpdb->get_results( $wpdb->prepare( "SELECT kind, value FROM {$this->table( 'person_ids' )} WHERE person_id = %d ORDER BY kind, value", $id ), ARRAY_A );
		// phpcs:enable
		$person                   = self::person( $row, array_map( static fn( array $device ) => (string) $device['device_id'], $devices ) );
		$person['device_details'] = array_map(
			static fn( array $device ) => array(
				'device_id'  => (string) $device['device_id'],
				'first_seen' => self::iso( (string) $device['first_seen'] ),
				'last_seen'  => self::iso( (string) $device['last_seen'] ),
				'events'     => (int) $device['events'],
			),
			$devices
		);
		$person['ids']            = array_map(
			static fn( array $one ) => array(
				'kind'  => (string) $one['kind'],
				'value' => (string) $one['value'],
			),
			$ids
		);
		return $person;
	}

	/**
	 * The devices of a person, oldest link first.
	 *
	 * @param int $id Person id.
	 * @return list<string>
	 */
	public function device_ids( int $id ): array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		return array_map( 'strval', (array) $wpdb->get_col( $wpdb->prepare( "SELECT device_id FROM {$this->table( 'person_devices' )} WHERE person_id = %d", $id ) ) );
	}

	/**
	 * The person a device belongs to, or null.
	 *
	 * @param string $device Device id.
	 */
	public function person_of_device( string $device ): ?int {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$id = $wpdb->get_var( $wpdb->prepare( "SELECT person_id FROM {$this->table( 'person_devices' )} WHERE device_id = %s", $device ) );
		return null === $id ? null : (int) $id;
	}

	/**
	 * People whose email or user id, or one of whose devices, starts with
	 * the term: three range reads on primary keys.
	 *
	 * @param string $term Search term.
	 * @param string $site App ID, or '' for every site.
	 * @return list<int>
	 */
	private function search( string $term, string $site ): array {
		$wpdb   = $this->wpdb;
		$prefix = $wpdb->esc_like( $term ) . '%';
		$lower  = $wpdb->esc_like( strtolower( $term ) ) . '%';
		$app    = '' === $site ? '' : (string) $wpdb->prepare( ' AND app_id = %s', $site );
		$limit  = self::MAX_MATCHES;
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names and a clause prepared above.
		$reads = array(
			(string) $wpdb->prepare( "(SELECT person_id FROM {$this->table( 'person_ids' )} WHERE kind = 'user' AND value LIKE %s$app LIMIT $limit)", $prefix ),
			(string) $wpdb->prepare( "(SELECT person_id FROM {$this->table( 'person_ids' )} WHERE kind = 'email' AND value LIKE %s$app LIMIT $limit)", $lower ),
		);
		// Device ids are ASCII letters, digits, _ and -: another term cannot start one (and the ASCII column would refuse it).
		if ( preg_match( '/^[A-Za-z0-9_-]{1,64}$/D', $term ) ) {
			$reads[] = (string) $wpdb->prepare( "(SELECT person_id FROM {$this->table( 'person_devices' )} WHERE device_id LIKE %s$app LIMIT $limit)", $prefix );
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- each part prepared above.
		$found = (array) $wpdb->get_col( implode( ' UNION ', $reads ) );
		// phpcs:enable
		return array_slice( array_values( array_unique( array_map( 'intval', $found ) ) ), 0, self::MAX_MATCHES );
	}

	/**
	 * The device ids of these people.
	 *
	 * @param int[] $people Person ids.
	 * @return array<int, list<string>>
	 */
	private function devices_of( array $people ): array {
		if ( ! $people ) {
			return array();
		}
		$wpdb         = $this->wpdb;
		$placeholders = implode( ',', array_fill( 0, count( $people ), '%d' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table name; one %d per person.
		$rows    = (array) $wpdb->get_results( $wpdb->prepare( "SELECT person_id, device_id FROM {$this->table( 'person_devices' )} WHERE person_id IN ($placeholders) ORDER BY last_seen DESC", $people ), ARRAY_A );
		$devices = array();
		foreach ( $rows as $row ) {
			$devices[ (int) $row['person_id'] ][] = (string) $row['device_id'];
		}
		return $devices;
	}

	/**
	 * A person as the API shows it.
	 *
	 * @param array<string, mixed> $row     Table row.
	 * @param string[]             $devices Its device ids.
	 * @return array<string, mixed>
	 */
	private static function person( array $row, array $devices ): array {
		$traits = JsonColumn::decode( (string) ( $row['traits'] ?? '' ) );
		$wp     = null === $row['wp_user_id'] ? null : (int) $row['wp_user_id'];
		return array(
			'id'         => (int) $row['id'],
			'app_id'     => (string) $row['app_id'],
			'name'       => self::name( $traits, $wp ),
			'user_id'    => null === $row['user_id'] ? null : (string) $row['user_id'],
			'email'      => null === $row['email'] ? null : (string) $row['email'],
			'wp_user_id' => $wp,
			'identified' => null !== $row['user_id'] || null !== $row['email'] || null !== $wp,
			'traits'     => (object) $traits,
			'first_seen' => self::iso( (string) $row['first_seen'] ),
			'last_seen'  => self::iso( (string) $row['last_seen'] ),
			'events'     => (int) $row['events'],
			'devices'    => $devices,
		);
	}

	/**
	 * What to call a person: traits name, first and last name, or the WordPress user's display name.
	 *
	 * @param array<string, mixed> $traits Traits.
	 * @param int|null             $wp     WordPress user ID.
	 */
	private static function name( array $traits, ?int $wp ): ?string {
		if ( is_string( $traits['name'] ?? null ) && '' !== trim( $traits['name'] ) ) {
			return trim( $traits['name'] );
		}
		$parts = array_filter( array( $traits['first_name'] ?? null, $traits['last_name'] ?? null ), 'is_string' );
		if ( $parts ) {
			return trim( implode( ' ', $parts ) );
		}
		$user = $wp ? get_userdata( $wp ) : false;
		return $user ? (string) $user->display_name : null;
	}

	/**
	 * A stored UTC DATETIME(3) as ISO 8601, milliseconds kept.
	 *
	 * @param string $mysql_time Stored time.
	 */
	public static function iso( string $mysql_time ): string {
		return str_replace( ' ', 'T', $mysql_time ) . 'Z';
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
