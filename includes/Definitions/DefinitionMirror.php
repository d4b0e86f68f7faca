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
 * sync's result), in one transaction: all of them or none, history kept.
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
	 * Replaces the custom definitions with these. Unchanged rows are not
	 * written; system events are not touched.
	 *
	 * A definition the backend no longer has is deleted only if it was
	 * never triggered here. One with history is kept, disabled, and marked
	 * removed on the backend: its events still refer to it, and switching
	 * back to this site as the backend finds it again. A kept one the
	 * backend lists again comes back as the backend has it.
	 *
	 * @param list<array<string, mixed>> $definitions Valid definitions, none of them system.
	 * @return array{added: list<string>, changed: list<string>, removed: list<string>, kept: list<string>}
	 *         removed: every code the backend dropped in this sync; kept: those of them kept here, disabled.
	 * @throws QueryFailed When the database refused a write (nothing is kept).
	 */
	public function replace_custom( array $definitions ): array {
		$wpdb  = $this->wpdb;
		$table = DefinitionTable::name( $wpdb );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$rows    = (array) $wpdb->get_results( "SELECT * FROM $table WHERE is_system = 0", ARRAY_A );
		$current = array();
		$flagged = array();
		$history = array();
		foreach ( $rows as $row ) {
			$code             = (string) $row['code'];
			$current[ $code ] = DefinitionTable::to_row( DefinitionTable::from_row( $row ) );
			if ( null !== ( $row['removed_on_backend_at'] ?? null ) ) {
				$flagged[ $code ] = true;
			}
			if ( (int) $row['trigger_count'] > 0 ) {
				$history[ $code ] = true;
			}
		}
		$diff    = array(
			'added'   => array(),
			'changed' => array(),
			'removed' => array(),
			'kept'    => array(),
		);
		$by_code = array();
		foreach ( $definitions as $definition ) {
			$row              = DefinitionTable::to_row( $definition );
			$code             = $row['code'];
			$by_code[ $code ] = $row;
			if ( ! isset( $current[ $code ] ) ) {
				$diff['added'][] = $code;
			} elseif ( isset( $flagged[ $code ] ) || array_diff_assoc( $row, $current[ $code ] ) ) {
				$diff['changed'][] = $code;
			}
		}
		// Kept in an earlier sync: reported then, nothing to do again.
		$diff['removed'] = array_values( array_diff( array_keys( $current ), array_keys( $by_code ), array_keys( $flagged ) ) );
		$diff['kept']    = array_values( array_filter( $diff['removed'], static fn( string $code ) => isset( $history[ $code ] ) ) );
		$writes          = array_merge( $diff['added'], $diff['changed'] );
		if ( ! $writes && ! $diff['removed'] ) {
			return $diff;
		}

		$now = current_time( 'mysql', true );
		( new Transaction( $wpdb ) )->run(
			static function () use ( $wpdb, $table, $writes, $diff, $by_code, $now ): void {
				foreach ( array_chunk( $diff['removed'], 500 ) as $chunk ) {
					$placeholders = implode( ',', array_fill( 0, count( $chunk ), '%s' ) );
					// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table name and one %s per code.
					// The history test sits in the statements themselves, so an event
					// received meanwhile still keeps its definition.
					QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM $table WHERE is_system = 0 AND trigger_count = 0 AND code IN ($placeholders)", $chunk ) );
					QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE $table SET enabled = 0, removed_on_backend_at = %s WHERE is_system = 0 AND trigger_count > 0 AND code IN ($placeholders)", array_merge( array( $now ), $chunk ) ) );
					// phpcs:enable
				}
				foreach ( array_chunk( $writes, 200 ) as $chunk ) {
					$values = array();
					foreach ( $chunk as $code ) {
						$values[] = $wpdb->prepare( '(%s, %s, %s, %s, %d, %s, %s, %s)', array_values( $by_code[ $code ] ) ); // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- one value per column.
					}
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and rows prepared above.
					QueryFailed::run( $wpdb, "INSERT INTO $table (code, name, color, description, enabled, attributes, created_at, updated_at) VALUES " . implode( ',', $values ) . ' ON DUPLICATE KEY UPDATE name = VALUES(name), color = VALUES(color), description = VALUES(description), enabled = VALUES(enabled), attributes = VALUES(attributes), created_at = VALUES(created_at), updated_at = VALUES(updated_at), removed_on_backend_at = NULL' );
				}
			}
		);
		$this->cache->written( array_merge( $writes, $diff['removed'] ) );
		return $diff;
	}

	/**
	 * Custom definitions with recorded events: what a first sync must not lose.
	 *
	 * @param int $limit At most this many codes.
	 * @return array{count: int, codes: list<string>}
	 */
	public function with_history( int $limit ): array {
		$wpdb  = $this->wpdb;
		$table = DefinitionTable::name( $wpdb );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$count = (int) $wpdb->get_var( "SELECT COUNT(*) FROM $table WHERE is_system = 0 AND trigger_count > 0" );
		$codes = (array) $wpdb->get_col( $wpdb->prepare( "SELECT code FROM $table WHERE is_system = 0 AND trigger_count > 0 ORDER BY code LIMIT %d", $limit ) );
		// phpcs:enable
		return array(
			'count' => $count,
			'codes' => array_map( 'strval', $codes ),
		);
	}
}
