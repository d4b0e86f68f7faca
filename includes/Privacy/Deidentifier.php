<?php
/**
 * Deidentifier.
 *
 * @package Footprints
 */

namespace Footprints\Privacy;

use Footprints\Database\QueryFailed;
use Footprints\Definitions\DefinitionTable;

/**
 * Takes the identity away from people, keeping what they did as anonymous
 * counts: their email, user id, WordPress user and traits are cleared, the
 * ids that led to them are deleted (an email, identify() id or sign-in
 * finds them no more), and each of their devices gets a new random id in
 * the events, the device's totals and the daily unique-device rows. The
 * browser still holds the old id, so without the new one its next visit
 * starts a new anonymous visitor: the erased history cannot be joined to
 * it again, by a later identify() or sign-in or by anyone who knows the
 * old id. Counts stay exact: every row keeps its place, only its name
 * changes. Runs inside the caller's transaction.
 */
final class Deidentifier {

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * Deidentifies people and their devices; returns the new id of each device.
	 *
	 * @param int[]                                          $people  Person ids.
	 * @param list<array{device_id: string, app_id: string}> $devices Their devices.
	 * @return array<string, string> New device id by old one.
	 * @throws QueryFailed When a write failed; the caller rolls back.
	 */
	public function deidentify( array $people, array $devices ): array {
		$renamed = array();
		foreach ( $devices as $device ) {
			$renamed[ $device['device_id'] ] = $this->rename( $device['device_id'], $device['app_id'] );
		}
		if ( $people ) {
			$wpdb = $this->wpdb;
			$in   = implode( ',', array_map( 'intval', $people ) );
			// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names and integer ids.
			QueryFailed::run( $wpdb, "UPDATE {$this->table( 'people' )} SET user_id = NULL, email = NULL, wp_user_id = NULL, traits = NULL, seed = NULL WHERE id IN ($in)" );
			QueryFailed::run( $wpdb, "DELETE FROM {$this->table( 'person_ids' )} WHERE person_id IN ($in)" );
			// phpcs:enable
		}
		return $renamed;
	}

	/**
	 * Gives a device a new random id everywhere it is named.
	 *
	 * @param string $old    Device id.
	 * @param string $app_id The device's app ID.
	 * @return string The new id.
	 * @throws QueryFailed When a write failed.
	 */
	private function rename( string $old, string $app_id ): string {
		$wpdb = $this->wpdb;
		$new  = self::new_id();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table names; one placeholder per value.
		QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE {$this->table( 'events' )} SET device_id = %s WHERE device_id = %s", $new, $old ) );
		QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE {$this->table( 'person_devices' )} SET device_id = %s WHERE device_id = %s", $new, $old ) );
		// The daily_devices key that leads with the device is code_device
		// (code, app_id, device_id, day): one range per code of the site.
		// Every code with daily rows has a definition (only an event never
		// triggered may be deleted; a purge takes its daily rows along).
		$codes = array_map( 'strval', (array) $wpdb->get_col( 'SELECT code FROM ' . DefinitionTable::name( $wpdb ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name only.
		foreach ( array_chunk( $codes, 500 ) as $chunk ) {
			QueryFailed::run(
				$wpdb,
				$wpdb->prepare(
					"UPDATE {$this->table( 'daily_devices' )} SET device_id = %s WHERE code IN (" . implode( ',', array_fill( 0, count( $chunk ), '%s' ) ) . ') AND app_id = %s AND device_id = %s',
					array_merge( array( $new ), $chunk, array( $app_id, $old ) )
				)
			);
		}
		// phpcs:enable
		return $new;
	}

	/**
	 * A device id nobody has: 24 random lowercase letters and digits, the
	 * characters the client's ids use.
	 */
	private static function new_id(): string {
		$alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
		$id       = '';
		foreach ( str_split( random_bytes( 24 ) ) as $byte ) {
			$id .= $alphabet[ ord( $byte ) % 36 ];
		}
		return $id;
	}

	/**
	 * A table's full name.
	 *
	 * @param string $name events, people, person_devices, person_ids or daily_devices.
	 */
	private function table( string $name ): string {
		return $this->wpdb->prefix . 'footprints_' . $name;
	}
}
