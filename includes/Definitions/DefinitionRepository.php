<?php
/**
 * DefinitionRepository.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

use Footprints\Database\QueryFailed;

/**
 * One definition at a time: find it (through the cache), add, change or
 * delete it. It stores what it is given; the rules of what may be written
 * are DefinitionService's. Lists are DefinitionQuery's, a sync's
 * replacement DefinitionMirror's, trigger counts TriggerCounter's.
 */
final class DefinitionRepository {

	/**
	 * Constructor.
	 *
	 * @param \wpdb           $wpdb  WordPress' database connection.
	 * @param DefinitionCache $cache Cached copies and the revision.
	 */
	public function __construct( private \wpdb $wpdb, private DefinitionCache $cache ) {}

	/**
	 * One definition, or null when no definition has that code.
	 *
	 * @param string $code Event code.
	 * @return array<string, mixed>|null
	 */
	public function find( string $code ): ?array {
		return $this->find_many( array( $code ) )[ $code ] ?? null;
	}

	/**
	 * The definitions among these codes, keyed by code; missing codes are absent.
	 *
	 * @param array<mixed> $codes Event codes (anything else in the list is ignored).
	 * @return array<string, array<string, mixed>>
	 */
	public function find_many( array $codes ): array {
		$wpdb   = $this->wpdb;
		$codes  = array_values( array_unique( array_filter( $codes, 'is_string' ) ) );
		$cached = $this->cache->get_many( $codes );
		$result = array_filter( $cached );
		$todo   = array_values( array_diff( $codes, array_keys( $cached ) ) );
		if ( ! $todo ) {
			return $result;
		}
		$table        = DefinitionTable::name( $wpdb );
		$placeholders = implode( ',', array_fill( 0, count( $todo ), '%s' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table name and one %s per code.
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM $table WHERE code IN ($placeholders)", $todo ), ARRAY_A );
		$found = array();
		foreach ( (array) $rows as $row ) {
			$found[ (string) $row['code'] ] = DefinitionTable::from_row( $row );
		}
		foreach ( $todo as $code ) {
			$this->cache->set( $code, $found[ $code ] ?? null );
		}
		return $result + $found;
	}

	/**
	 * Adds a definition unless its code exists.
	 *
	 * @param array{code: string, name: string, color?: string, description?: string, enabled?: bool, attributes?: array<string, string>} $definition The definition.
	 * @return WriteResult Written, or AlreadyThere.
	 * @throws QueryFailed When the database refused the insert.
	 */
	public function add_if_missing( array $definition ): WriteResult {
		$wpdb  = $this->wpdb;
		$row   = DefinitionTable::to_row( $definition + array( 'created_at' => current_time( 'mysql', true ) ) );
		$table = DefinitionTable::name( $wpdb );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$sql   = "INSERT IGNORE INTO $table (code, name, color, description, enabled, attributes, created_at, updated_at) VALUES (%s, %s, %s, %s, %d, %s, %s, %s)";
		$added = QueryFailed::run( $wpdb, $wpdb->prepare( $sql, array_values( $row ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( 1 !== $added ) {
			return WriteResult::AlreadyThere;
		}
		$this->cache->written( array( $definition['code'] ) );
		return WriteResult::Written;
	}

	/**
	 * Changes the writable fields given; the code never changes.
	 *
	 * @param string               $code    Event code.
	 * @param array<string, mixed> $changes Fields to change.
	 * @return WriteResult Written, or NotFound.
	 * @throws QueryFailed When the database refused the update.
	 */
	public function update( string $code, array $changes ): WriteResult {
		$current = $this->find( $code );
		if ( ! $current ) {
			return WriteResult::NotFound;
		}
		$row = DefinitionTable::to_row( array_merge( $current, $changes, array( 'code' => $code ) ) );
		unset( $row['code'], $row['created_at'] );
		$row['updated_at'] = current_time( 'mysql', true );
		if ( true === ( $changes['enabled'] ?? null ) ) {
			// Enabled again on this site: a sync that kept it is no longer the story.
			$row['removed_on_backend_at'] = null;
		}
		QueryFailed::check( $this->wpdb, $this->wpdb->update( DefinitionTable::name( $this->wpdb ), $row, array( 'code' => $code ) ) );
		$this->cache->written( array( $code ) );
		return WriteResult::Written;
	}

	/**
	 * Sets whether a definition is tracked.
	 *
	 * @param string $code    Event code.
	 * @param bool   $enabled Whether to track it.
	 * @return WriteResult Written, or NotFound.
	 * @throws QueryFailed When the database refused the update.
	 */
	public function set_enabled( string $code, bool $enabled ): WriteResult {
		return $this->update( $code, array( 'enabled' => $enabled ) );
	}

	/**
	 * Deletes a custom definition that was never triggered.
	 *
	 * @param string $code Event code.
	 * @return WriteResult Written (deleted), or Kept (missing, system or triggered).
	 * @throws QueryFailed When the database refused the delete.
	 */
	public function delete_untriggered( string $code ): WriteResult {
		$wpdb  = $this->wpdb;
		$table = DefinitionTable::name( $wpdb );
		// The condition sits in the DELETE itself, so an event received
		// between the check and the delete still keeps its definition.
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$deleted = QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM $table WHERE code = %s AND is_system = 0 AND trigger_count = 0", $code ) );
		if ( 1 !== $deleted ) {
			return WriteResult::Kept;
		}
		$this->cache->written( array( $code ) );
		return WriteResult::Written;
	}

	/**
	 * The revision of the definitions: it changes whenever one is written.
	 */
	public function revision(): int {
		return $this->cache->revision();
	}
}
