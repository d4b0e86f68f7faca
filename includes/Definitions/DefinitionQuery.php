<?php
/**
 * DefinitionQuery.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

/**
 * Reads many definitions at once: a searched, filtered page for the admin
 * and the editor.
 */
final class DefinitionQuery {

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * A page of definitions, system events first, then by name.
	 *
	 * @param array{search?: string, enabled?: bool|null, system?: bool|null, per_page?: int, page?: int} $query Filters and paging.
	 * @return array{items: list<array<string, mixed>>, total: int}
	 */
	public function page( array $query ): array {
		$wpdb   = $this->wpdb;
		$table  = DefinitionTable::name( $wpdb );
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
		$count_sql = "SELECT COUNT(*) FROM $table WHERE $where";
		$total     = (int) $wpdb->get_var( $params ? $wpdb->prepare( $count_sql, $params ) : $count_sql );
		$rows      = $wpdb->get_results(
			$wpdb->prepare( "SELECT * FROM $table WHERE $where ORDER BY is_system DESC, name ASC, code ASC LIMIT %d OFFSET %d", array_merge( $params, array( $per_page, $offset ) ) ),
			ARRAY_A
		);
		// phpcs:enable

		return array(
			'items' => array_map( array( DefinitionTable::class, 'from_row' ), (array) $rows ),
			'total' => $total,
		);
	}
}
