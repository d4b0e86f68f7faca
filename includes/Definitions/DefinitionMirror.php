<?php
/**
 * DefinitionMirror.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

use Footprints\Database\QueryFailed;
use Footprints\Database\Transaction;

/**
 * Makes the local custom definitions a copy of a remote backend's (a
 * sync's result), in one transaction: all of them or none.
 */
final class DefinitionMirror {

	/**
	 * Constructor.
	 *
	 * @param \wpdb           $wpdb  WordPress' database connection.
	 * @param DefinitionCache $cache Cached copies and the revision.
	 */
	public function __construct( private \wpdb $wpdb, private DefinitionCache $cache ) {}

	/**
	 * Replaces every custom definition with these. Unchanged rows are not
	 * written; system events are not touched.
	 *
	 * @param list<array<string, mixed>> $definitions Valid definitions, none of them system.
	 * @return array{added: list<string>, changed: list<string>, removed: list<string>}
	 * @throws QueryFailed When the database refused a write (nothing is kept).
	 */
	public function replace_custom( array $definitions ): array {
		$wpdb  = $this->wpdb;
		$table = DefinitionTable::name( $wpdb );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$rows    = (array) $wpdb->get_results( "SELECT * FROM $table WHERE is_system = 0", ARRAY_A );
		$current = array();
		foreach ( $rows as $row ) {
			$current[ (string) $row['code'] ] = DefinitionTable::to_row( DefinitionTable::from_row( $row ) ) + array( 'trigger_count' => (int) $row['trigger_count'] );
		}
		$diff    = array(
			'added'   => array(),
			'changed' => array(),
			'removed' => array(),
		);
		$by_code = array();
		foreach ( $definitions as $definition ) {
			$row              = DefinitionTable::to_row( $definition );
			$code             = $row['code'];
			$by_code[ $code ] = $row;
			if ( ! isset( $current[ $code ] ) ) {
				$diff['added'][] = $code;
			} elseif ( array_diff_assoc( $row, $current[ $code ] ) ) {
				$diff['changed'][] = $code;
			}
		}
		$diff['removed'] = array_values( array_diff( array_keys( $current ), array_keys( $by_code ) ) );
		$writes          = array_merge( $diff['added'], $diff['changed'] );
		if ( ! $writes && ! $diff['removed'] ) {
			return $diff;
		}

		( new Transaction( $wpdb ) )->run(
			static function () use ( $wpdb, $table, $writes, $diff, $by_code ): void {
				foreach ( array_chunk( $diff['removed'], 500 ) as $chunk ) {
					$placeholders = implode( ',', array_fill( 0, count( $chunk ), '%s' ) );
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table name and one %s per code.
					QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM $table WHERE is_system = 0 AND code IN ($placeholders)", $chunk ) );
				}
				foreach ( array_chunk( $writes, 200 ) as $chunk ) {
					$values = array();
					foreach ( $chunk as $code ) {
						$values[] = $wpdb->prepare( '(%s, %s, %s, %s, %d, %s, %s, %s)', array_values( $by_code[ $code ] ) ); // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- one value per column.
					}
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and rows prepared above.
					QueryFailed::run( $wpdb, "INSERT INTO $table (code, name, color, description, enabled, attributes, created_at, updated_at) VALUES " . implode( ',', $values ) . ' ON DUPLICATE KEY UPDATE name = VALUES(name), color = VALUES(color), description = VALUES(description), enabled = VALUES(enabled), attributes = VALUES(attributes), created_at = VALUES(created_at), updated_at = VALUES(updated_at)' );
				}
			}
		);
		$this->cache->written( array_merge( $writes, $diff['removed'] ) );
		return $diff;
	}
}
