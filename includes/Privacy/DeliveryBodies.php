<?php
/**
 * DeliveryBodies.
 *
 * @package Footprints
 */

namespace Footprints\Privacy;

use Footprints\Database\QueryFailed;

/**
 * The automations log keeps what each delivery sent and got back when the
 * site owner turned on logging of bodies (debugging): a copy of an event
 * with its person's email, traits and device id. When that person is
 * erased, every logged body naming their email or one of their devices is
 * dropped (the log row stays: status, code, timing). One pass over the
 * rows that have bodies, on the erasure's last page.
 */
final class DeliveryBodies {

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * Drops the logged bodies that name an email or a device; returns how many rows.
	 *
	 * @param string[] $emails  Emails (compared without case).
	 * @param string[] $devices Device ids, as the payloads carry them.
	 * @throws QueryFailed When the write failed.
	 */
	public function drop( array $emails, array $devices ): int {
		if ( ! $this->exists() ) {
			return 0;
		}
		$wpdb  = $this->wpdb;
		$names = array();
		foreach ( array_filter( $emails ) as $email ) {
			$names[] = $email;
		}
		foreach ( $devices as $device ) {
			$names[] = '"' . $device . '"';
		}
		if ( ! $names ) {
			return 0;
		}
		$match = array();
		foreach ( array_unique( $names ) as $name ) {
			$like    = '%' . $wpdb->esc_like( $name ) . '%';
			$match[] = (string) $wpdb->prepare( '(request_body LIKE %s OR response_body LIKE %s)', $like, $like );
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and conditions prepared above.
		return QueryFailed::run( $wpdb, "UPDATE {$this->table()} SET request_body = NULL, response_body = NULL WHERE (request_body IS NOT NULL OR response_body IS NOT NULL) AND (" . implode( ' OR ', $match ) . ')' );
	}

	/**
	 * Whether any automation rule exists: then events may have left the
	 * site, and the erasure's answer says where to erase them too.
	 */
	public function rules_exist(): bool {
		$rules = $this->wpdb->prefix . 'footprints_automation_rules';
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		return $this->has_table( $rules ) && null !== $this->wpdb->get_var( "SELECT id FROM $rules LIMIT 1" );
	}

	/**
	 * Whether the log exists (automations' migration ran).
	 */
	private function exists(): bool {
		return $this->has_table( $this->table() );
	}

	/**
	 * Whether a table exists.
	 *
	 * @param string $table Full table name.
	 */
	private function has_table( string $table ): bool {
		$wpdb = $this->wpdb;
		return $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) );
	}

	/**
	 * The automations log.
	 */
	private function table(): string {
		return $this->wpdb->prefix . 'footprints_automation_log';
	}
}
