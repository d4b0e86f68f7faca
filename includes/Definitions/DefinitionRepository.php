<?php
/**
 * DefinitionRepository.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

use Footprints\Database\JsonColumn;
use Footprints\Database\Transaction;

/**
 * Event definitions stored on this site: the embedded backend's own, or
 * the local copy of a remote backend's, plus the system events.
 */
final class DefinitionRepository {

	// Pages repeat codes and the collector looks them up per batch: cache
	// each definition (or its absence) in the object cache, cleared on write.
	private const CACHE_GROUP = 'footprints_definitions';
	private const MISSING     = 'missing';

	// Bumped on every write of a definition (not on triggers), so a list's
	// ETag changes exactly when what a sync copies changes.
	public const REVISION_OPTION = 'footprints_definitions_revision';

	private const COLUMNS = array( 'code', 'name', 'color', 'description', 'enabled', 'attributes', 'created_at', 'updated_at' );

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * The table name, with the site's prefix.
	 */
	public function table(): string {
		$wpdb = $this->wpdb;
		return $wpdb->prefix . 'footprints_definitions';
	}

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
	 * @param string[] $codes Event codes.
	 * @return array<string, array<string, mixed>>
	 */
	public function find_many( array $codes ): array {
		$wpdb   = $this->wpdb;
		$codes  = array_values( array_unique( array_filter( $codes, 'is_string' ) ) );
		$cached = $codes ? wp_cache_get_multiple( $codes, self::CACHE_GROUP ) : array();
		$result = array_filter( $cached, 'is_array' );
		$todo   = array_keys( array_filter( $cached, static fn( $value ) => false === $value ) );
		if ( ! $todo ) {
			return $result;
		}
		$placeholders = implode( ',', array_fill( 0, count( $todo ), '%s' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table name and one %s per code.
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$this->table()} WHERE code IN ($placeholders)", $todo ), ARRAY_A );
		$found = array();
		foreach ( (array) $rows as $row ) {
			$found[ $row['code'] ] = self::from_row( $row );
		}
		foreach ( $todo as $code ) {
			wp_cache_set( $code, $found[ $code ] ?? self::MISSING, self::CACHE_GROUP );
		}
		return $result + $found;
	}

	/**
	 * A page of definitions, system events first, then by name.
	 *
	 * @param array{search?: string, enabled?: bool|null, system?: bool|null, per_page?: int, page?: int} $query Filters and paging.
	 * @return array{items: list<array<string, mixed>>, total: int}
	 */
	public function query( array $query ): array {
		$wpdb   = $this->wpdb;
		$where  = array( '1=1' );
		$params = array();
		if ( '' !== ( $query['search'] ?? '' ) ) {
			$like     = '%' . $wpdb->esc_like( $query['search'] ) . '%';
			$where[]  = '(code LIKE %s OR name LIKE %s)';
			$params[] = $like;
			$params[] = $like;
		}
		foreach ( array(
			'enabled' => 'enabled',
			'system'  => 'is_system',
		) as $flag => $column ) {
			if ( isset( $query[ $flag ] ) ) {
				$where[]  = "$column = %d";
				$params[] = (int) $query[ $flag ];
			}
		}
		$per_page = $query['per_page'] ?? 20;
		$offset   = ( ( $query['page'] ?? 1 ) - 1 ) * $per_page;
		$where    = implode( ' AND ', $where );

		// phpcs:disable WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name and fixed clauses only; one placeholder per value.
		$count_sql = "SELECT COUNT(*) FROM {$this->table()} WHERE $where";
		$total     = (int) $wpdb->get_var( $params ? $wpdb->prepare( $count_sql, $params ) : $count_sql );
		$rows      = $wpdb->get_results(
			$wpdb->prepare( "SELECT * FROM {$this->table()} WHERE $where ORDER BY is_system DESC, name ASC, code ASC LIMIT %d OFFSET %d", array_merge( $params, array( $per_page, $offset ) ) ),
			ARRAY_A
		);
		// phpcs:enable

		return array(
			'items' => array_map( array( self::class, 'from_row' ), (array) $rows ),
			'total' => $total,
		);
	}

	/**
	 * Enabled definitions' attribute schemas, for the front-end client:
	 * code => attribute name => type. System events included.
	 *
	 * @return array<string, array<string, string>>
	 */
	public function enabled_schemas(): array {
		$wpdb = $this->wpdb;
		$key  = 'enabled_schemas_' . $this->revision();
		$hit  = wp_cache_get( $key, self::CACHE_GROUP );
		if ( is_array( $hit ) ) {
			return $hit;
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$rows    = (array) $wpdb->get_results( "SELECT code, attributes FROM {$this->table()} WHERE enabled = 1 ORDER BY code", ARRAY_A );
		$schemas = array();
		foreach ( $rows as $row ) {
			$schemas[ $row['code'] ] = JsonColumn::decode( (string) $row['attributes'] );
		}
		wp_cache_set( $key, $schemas, self::CACHE_GROUP );
		return $schemas;
	}

	/**
	 * Adds a definition unless its code exists. Returns whether it was added.
	 *
	 * @param array{code: string, name: string, color?: string, description?: string, enabled?: bool, attributes?: array<string, string>} $definition The definition.
	 */
	public function add_if_missing( array $definition ): bool {
		$wpdb = $this->wpdb;
		$now  = current_time( 'mysql', true );
		$row  = self::to_row( $definition + array( 'created_at' => $now ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$sql   = "INSERT IGNORE INTO {$this->table()} (code, name, color, description, enabled, attributes, created_at, updated_at) VALUES (%s, %s, %s, %s, %d, %s, %s, %s)";
		$added = 1 === $wpdb->query( $wpdb->prepare( $sql, array_values( $row ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( $added ) {
			$this->changed( array( $definition['code'] ) );
		}
		return $added;
	}

	/**
	 * Changes the writable fields given; the code never changes.
	 *
	 * @param string               $code    Event code.
	 * @param array<string, mixed> $changes Fields to change.
	 */
	public function update( string $code, array $changes ): void {
		$current = $this->find( $code );
		if ( ! $current ) {
			return;
		}
		$row = self::to_row( array_merge( $current, $changes, array( 'code' => $code ) ) );
		unset( $row['code'], $row['created_at'] );
		$row['updated_at'] = current_time( 'mysql', true );
		if ( true === ( $changes['enabled'] ?? null ) ) {
			// Enabled again on this site: it is this site's own event now.
			$row['removed_on_backend_at'] = null;
		}
		$this->wpdb->update( $this->table(), $row, array( 'code' => $code ) );
		$this->changed( array( $code ) );
	}

	/**
	 * Sets whether a definition is tracked.
	 *
	 * @param string $code    Event code.
	 * @param bool   $enabled Whether to track it.
	 */
	public function set_enabled( string $code, bool $enabled ): void {
		$this->update( $code, array( 'enabled' => $enabled ) );
	}

	/**
	 * Deletes a definition that was never triggered. Returns whether one was.
	 *
	 * @param string $code Event code.
	 */
	public function delete_untriggered( string $code ): bool {
		$wpdb = $this->wpdb;
		// The condition sits in the DELETE itself, so an event received
		// between the check and the delete still keeps its definition.
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$deleted = 1 === $wpdb->query( $wpdb->prepare( "DELETE FROM {$this->table()} WHERE code = %s AND is_system = 0 AND trigger_count = 0", $code ) );
		if ( $deleted ) {
			$this->changed( array( $code ) );
		}
		return $deleted;
	}

	/**
	 * Writes the system events catalogue over whatever the table holds for
	 * their codes (a custom definition there predates the reservation).
	 */
	public function seed_system_events(): void {
		$wpdb = $this->wpdb;
		$now  = current_time( 'mysql', true );
		foreach ( SystemEvents::all() as $event ) {
			$row = self::to_row( $event + array( 'created_at' => $now ) );
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
			$sql = "INSERT INTO {$this->table()} (code, name, color, description, enabled, attributes, created_at, updated_at, is_system) VALUES (%s, %s, %s, %s, %d, %s, %s, %s, 1)
				ON DUPLICATE KEY UPDATE name = VALUES(name), color = VALUES(color), description = VALUES(description), enabled = 1, attributes = VALUES(attributes), is_system = 1";
			$wpdb->query( $wpdb->prepare( $sql, array_values( $row ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
		$this->changed( array_column( SystemEvents::all(), 'code' ) );
	}

	/**
	 * Replaces the custom definitions with these (a sync's result) in one
	 * transaction: all of them or none. Unchanged rows are not written.
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
	 * @throws \RuntimeException When a write fails (nothing is changed then).
	 */
	public function replace_custom( array $definitions ): array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$rows    = (array) $wpdb->get_results( "SELECT * FROM {$this->table()} WHERE is_system = 0", ARRAY_A );
		$current = array();
		$flagged = array();
		$history = array();
		foreach ( $rows as $row ) {
			$current[ $row['code'] ] = self::to_row( self::from_row( $row ) );
			if ( null !== ( $row['removed_on_backend_at'] ?? null ) ) {
				$flagged[ $row['code'] ] = true;
			}
			if ( (int) $row['trigger_count'] > 0 ) {
				$history[ $row['code'] ] = true;
			}
		}
		$diff = array(
			'added'   => array(),
			'changed' => array(),
			'removed' => array(),
			'kept'    => array(),
		);
		$next = array();
		foreach ( $definitions as $definition ) {
			$row           = self::to_row( $definition );
			$code          = $row['code'];
			$next[ $code ] = true;
			if ( ! isset( $current[ $code ] ) ) {
				$diff['added'][] = $code;
			} elseif ( isset( $flagged[ $code ] ) || array_diff_assoc( $row, $current[ $code ] ) ) {
				$diff['changed'][] = $code;
			}
		}
		// Kept in an earlier sync: already reported, nothing to do again.
		$diff['removed'] = array_values( array_diff( array_keys( $current ), array_keys( $next ), array_keys( $flagged ) ) );
		$diff['kept']    = array_values( array_filter( $diff['removed'], static fn( $code ) => isset( $history[ $code ] ) ) );
		$writes          = array_merge( $diff['added'], $diff['changed'] );
		if ( ! $writes && ! $diff['removed'] ) {
			return $diff;
		}

		$by_code = array_column( $definitions, null, 'code' );
		$now     = current_time( 'mysql', true );
		( new Transaction( $wpdb ) )->run(
			function () use ( $wpdb, $writes, $diff, $by_code, $now ): void {
				foreach ( array_chunk( $diff['removed'], 500 ) as $chunk ) {
					$placeholders = implode( ',', array_fill( 0, count( $chunk ), '%s' ) );
					// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table name and one %s per code.
					// The history test sits in the statements themselves, so an event
					// received meanwhile still keeps its definition.
					$this->must( $wpdb->query( $wpdb->prepare( "DELETE FROM {$this->table()} WHERE is_system = 0 AND trigger_count = 0 AND code IN ($placeholders)", $chunk ) ) );
					$this->must( $wpdb->query( $wpdb->prepare( "UPDATE {$this->table()} SET enabled = 0, removed_on_backend_at = %s WHERE is_system = 0 AND trigger_count > 0 AND code IN ($placeholders)", array_merge( array( $now ), $chunk ) ) ) );
					// phpcs:enable
				}
				foreach ( array_chunk( $writes, 200 ) as $chunk ) {
					$values = array();
					foreach ( $chunk as $code ) {
						$values[] = $wpdb->prepare( '(%s, %s, %s, %s, %d, %s, %s, %s)', array_values( self::to_row( $by_code[ $code ] ) ) ); // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- one value per column.
					}
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and rows prepared above.
					$this->must( $wpdb->query( "INSERT INTO {$this->table()} (code, name, color, description, enabled, attributes, created_at, updated_at) VALUES " . implode( ',', $values ) . ' ON DUPLICATE KEY UPDATE name = VALUES(name), color = VALUES(color), description = VALUES(description), enabled = VALUES(enabled), attributes = VALUES(attributes), created_at = VALUES(created_at), updated_at = VALUES(updated_at), removed_on_backend_at = NULL' ) );
				}
			}
		);
		$this->changed( array_merge( $writes, $diff['removed'] ) );
		return $diff;
	}

	/**
	 * Custom definitions with recorded events: what a first sync must not lose.
	 *
	 * @param int $limit At most this many codes.
	 * @return array{count: int, codes: list<string>}
	 */
	public function with_history( int $limit ): array {
		$wpdb = $this->wpdb;
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$count = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$this->table()} WHERE is_system = 0 AND trigger_count > 0" );
		$codes = (array) $wpdb->get_col( $wpdb->prepare( "SELECT code FROM {$this->table()} WHERE is_system = 0 AND trigger_count > 0 ORDER BY code LIMIT %d", $limit ) );
		// phpcs:enable
		return array(
			'count' => $count,
			'codes' => array_map( 'strval', $codes ),
		);
	}

	/**
	 * Counts triggers for the codes of a stored batch.
	 *
	 * @param array<string, int> $counts New events by code.
	 */
	public function record_triggers( array $counts ): void {
		$wpdb = $this->wpdb;
		$now  = current_time( 'mysql', true );
		foreach ( $counts as $code => $count ) {
			wp_cache_delete( $code, self::CACHE_GROUP );
			$wpdb->query(
				$wpdb->prepare(
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
					"UPDATE {$this->table()} SET trigger_count = trigger_count + %d, first_triggered_at = COALESCE(first_triggered_at, %s) WHERE code = %s",
					$count,
					$now,
					$code
				)
			);
		}
	}

	/**
	 * The revision of the definitions: it changes whenever one is written.
	 */
	public function revision(): int {
		return (int) get_option( self::REVISION_OPTION, 0 );
	}

	/**
	 * Forgets cached copies of these codes and moves the revision on.
	 *
	 * @param string[] $codes Written codes.
	 */
	private function changed( array $codes ): void {
		foreach ( $codes as $code ) {
			wp_cache_delete( $code, self::CACHE_GROUP );
		}
		update_option( self::REVISION_OPTION, $this->revision() + 1, true );
	}

	/**
	 * Throws when a query failed, so the transaction rolls back.
	 *
	 * @param int|bool $result What $wpdb->query() returned.
	 * @throws \RuntimeException When the query failed.
	 */
	private function must( int|bool $result ): void {
		if ( false === $result ) {
			throw new \RuntimeException( esc_html( $this->wpdb->last_error ) );
		}
	}

	/**
	 * The stored columns of a definition, in the order of self::COLUMNS.
	 *
	 * @param array<string, mixed> $definition Definition (API shape).
	 * @return array<string, string|int>
	 */
	private static function to_row( array $definition ): array {
		$now = current_time( 'mysql', true );
		$row = array(
			'code'        => (string) $definition['code'],
			'name'        => (string) $definition['name'],
			'color'       => strtolower( (string) ( $definition['color'] ?? '#3858e9' ) ),
			'description' => (string) ( $definition['description'] ?? '' ),
			'enabled'     => (int) ( $definition['enabled'] ?? true ),
			'attributes'  => (string) wp_json_encode( (object) ( $definition['attributes'] ?? array() ) ),
			'created_at'  => self::to_mysql( $definition['created_at'] ?? $now ),
			'updated_at'  => self::to_mysql( $definition['updated_at'] ?? $now ),
		);
		return array_intersect_key( $row, array_flip( self::COLUMNS ) );
	}

	/**
	 * A definition with its stored types restored; times in ISO 8601 UTC.
	 *
	 * @param array<string, string|null> $row Table row.
	 * @return array<string, mixed>
	 */
	private static function from_row( array $row ): array {
		return array(
			'code'                  => (string) $row['code'],
			'name'                  => (string) $row['name'],
			'color'                 => (string) $row['color'],
			'description'           => (string) $row['description'],
			'enabled'               => '1' === (string) $row['enabled'],
			'attributes'            => JsonColumn::decode( (string) $row['attributes'] ),
			'system'                => '1' === (string) ( $row['is_system'] ?? '0' ),
			'trigger_count'         => (int) $row['trigger_count'],
			'first_triggered_at'    => null === $row['first_triggered_at'] ? null : self::to_iso( $row['first_triggered_at'] ),
			'removed_on_backend_at' => null === ( $row['removed_on_backend_at'] ?? null ) ? null : self::to_iso( (string) $row['removed_on_backend_at'] ),
			'created_at'            => self::to_iso( (string) $row['created_at'] ),
			'updated_at'            => self::to_iso( (string) $row['updated_at'] ),
		);
	}

	/**
	 * A stored UTC datetime as ISO 8601.
	 *
	 * @param string $mysql Y-m-d H:i:s in UTC.
	 */
	private static function to_iso( string $mysql ): string {
		return str_replace( ' ', 'T', $mysql ) . 'Z';
	}

	/**
	 * An ISO 8601 (or MySQL) time as a MySQL UTC datetime.
	 *
	 * @param string $time Time.
	 */
	private static function to_mysql( string $time ): string {
		$timestamp = strtotime( $time );
		return gmdate( 'Y-m-d H:i:s', false === $timestamp ? time() : $timestamp );
	}
}
