<?php
/**
 * DefinitionTable.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

use Footprints\Database\JsonColumn;

/**
 * How a definition is stored: the table's name and columns, and the
 * conversion between a row and the API shape (data/schema/definition.json).
 */
final class DefinitionTable {

	// The columns a write sets, in the order of to_row()'s values.
	public const COLUMNS = array( 'code', 'name', 'color', 'description', 'enabled', 'attributes', 'created_at', 'updated_at' );

	public const DEFAULT_COLOR = '#3858e9';

	/**
	 * The table name, with the site's prefix.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public static function name( \wpdb $wpdb ): string {
		return $wpdb->prefix . 'footprints_definitions';
	}

	/**
	 * The stored columns of a definition, in the order of self::COLUMNS.
	 *
	 * @param array<string, mixed> $definition Definition (API shape).
	 * @return array{code: string, name: string, color: string, description: string, enabled: int, attributes: string, created_at: string, updated_at: string}
	 */
	public static function to_row( array $definition ): array {
		$now = current_time( 'mysql', true );
		return array(
			'code'        => self::text( $definition['code'] ?? '' ),
			'name'        => self::text( $definition['name'] ?? '' ),
			'color'       => strtolower( self::text( $definition['color'] ?? self::DEFAULT_COLOR ) ),
			'description' => self::text( $definition['description'] ?? '' ),
			'enabled'     => (int) (bool) ( $definition['enabled'] ?? true ),
			'attributes'  => (string) wp_json_encode( (object) ( $definition['attributes'] ?? array() ) ),
			'created_at'  => self::to_mysql( self::text( $definition['created_at'] ?? $now ) ),
			'updated_at'  => self::to_mysql( self::text( $definition['updated_at'] ?? $now ) ),
		);
	}

	/**
	 * A definition with its stored types restored; times in ISO 8601 UTC.
	 *
	 * @param array<string, string|null> $row Table row.
	 * @return array{code: string, name: string, color: string, description: string, enabled: bool, attributes: array<string, string>, system: bool, trigger_count: int, first_triggered_at: string|null, removed_on_backend_at: string|null, created_at: string, updated_at: string}
	 */
	public static function from_row( array $row ): array {
		/**
		 * Attribute types as stored (the schema allows only strings).
		 *
		 * @var array<string, string> $attributes
		 */
		$attributes = JsonColumn::decode( (string) $row['attributes'] );
		return array(
			'code'                  => (string) $row['code'],
			'name'                  => (string) $row['name'],
			'color'                 => (string) $row['color'],
			'description'           => (string) $row['description'],
			'enabled'               => '1' === (string) $row['enabled'],
			'attributes'            => $attributes,
			'system'                => '1' === (string) ( $row['is_system'] ?? '0' ),
			'trigger_count'         => (int) $row['trigger_count'],
			'first_triggered_at'    => null === $row['first_triggered_at'] ? null : self::to_iso( $row['first_triggered_at'] ),
			'removed_on_backend_at' => null === ( $row['removed_on_backend_at'] ?? null ) ? null : self::to_iso( (string) $row['removed_on_backend_at'] ),
			'created_at'            => self::to_iso( (string) $row['created_at'] ),
			'updated_at'            => self::to_iso( (string) $row['updated_at'] ),
		);
	}

	/**
	 * A scalar as text; anything else (the schema refused it before) as ''.
	 *
	 * @param mixed $value Field value.
	 */
	private static function text( mixed $value ): string {
		return is_scalar( $value ) ? (string) $value : '';
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
