<?php
/**
 * DefinitionRepository.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

use Footprints\Database\JsonColumn;

/**
 * Event definitions stored on this site (the embedded backend).
 */
final class DefinitionRepository {

	// Pages repeat codes and the collector looks them up per batch: cache
	// each definition (or its absence) in the object cache, cleared on write.
	private const CACHE_GROUP = 'footprints_definitions';
	private const MISSING     = 'missing';

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
	 * The attribute schema of every enabled definition, by code: what the
	 * client needs to check events before it sends them.
	 *
	 * @return array<string, array<string, string>>
	 */
	public function enabled_schemas(): array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$rows    = $wpdb->get_results( "SELECT code, attributes FROM {$this->table()} WHERE enabled = 1 ORDER BY code", ARRAY_A );
		$schemas = array();
		foreach ( (array) $rows as $row ) {
			$schemas[ (string) $row['code'] ] = (array) JsonColumn::decode( (string) $row['attributes'] );
		}
		return $schemas;
	}

	/**
	 * Adds a definition unless its code exists. Returns whether it was added.
	 *
	 * @param array{code: string, name: string, color?: string, description?: string, enabled?: bool, attributes?: array<string, string>} $definition The definition.
	 */
	public function add_if_missing( array $definition ): bool {
		$wpdb = $this->wpdb;
		wp_cache_delete( $definition['code'], self::CACHE_GROUP );
		$now = current_time( 'mysql', true );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$sql = "INSERT IGNORE INTO {$this->table()} (code, name, color, description, enabled, attributes, created_at, updated_at) VALUES (%s, %s, %s, %s, %d, %s, %s, %s)";
		return 1 === $wpdb->query(
			$wpdb->prepare(
				$sql, // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$definition['code'],
				$definition['name'],
				$definition['color'] ?? '#3858e9',
				$definition['description'] ?? '',
				(int) ( $definition['enabled'] ?? true ),
				wp_json_encode( (object) ( $definition['attributes'] ?? array() ) ),
				$now,
				$now
			)
		);
	}

	/**
	 * Sets whether a definition is tracked.
	 *
	 * @param string $code    Event code.
	 * @param bool   $enabled Whether to track it.
	 */
	public function set_enabled( string $code, bool $enabled ): void {
		$wpdb = $this->wpdb;
		wp_cache_delete( $code, self::CACHE_GROUP );
		$wpdb->update(
			$this->table(),
			array(
				'enabled'    => (int) $enabled,
				'updated_at' => current_time( 'mysql', true ),
			),
			array( 'code' => $code )
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
	 * A definition with its stored types restored.
	 *
	 * @param array<string, string|null> $row Table row.
	 * @return array<string, mixed>
	 */
	private static function from_row( array $row ): array {
		return array(
			'code'               => (string) $row['code'],
			'name'               => (string) $row['name'],
			'color'              => (string) $row['color'],
			'description'        => (string) $row['description'],
			'enabled'            => '1' === (string) $row['enabled'],
			'attributes'         => JsonColumn::decode( (string) $row['attributes'] ),
			'trigger_count'      => (int) $row['trigger_count'],
			'first_triggered_at' => $row['first_triggered_at'],
			'created_at'         => $row['created_at'],
			'updated_at'         => $row['updated_at'],
		);
	}
}
