<?php
/**
 * DefinitionLabels.
 *
 * @package Footprints
 */

namespace Footprints\Insights;

use Footprints\Definitions\DefinitionTable;

/**
 * The name and color of event codes, as their definitions give them, read
 * once per code: exports and the At a glance widget show names, not codes.
 * A code with no definition (deleted since) shows as itself, in the
 * default color.
 */
final class DefinitionLabels {

	/**
	 * Labels read so far, by code.
	 *
	 * @var array<string, array{name: string, color: string}>
	 */
	private array $known = array();

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * The label of each code.
	 *
	 * @param string[] $codes Event codes.
	 * @return array<string, array{name: string, color: string}>
	 */
	public function of( array $codes ): array {
		$missing = array_values( array_diff( array_unique( $codes ), array_keys( $this->known ) ) );
		if ( $missing ) {
			$wpdb  = $this->wpdb;
			$table = DefinitionTable::name( $wpdb );
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- table name only; one placeholder per code.
			$rows = $wpdb->get_results( $wpdb->prepare( "SELECT code, name, color FROM $table WHERE code IN (" . implode( ',', array_fill( 0, count( $missing ), '%s' ) ) . ')', $missing ), ARRAY_A );
			foreach ( (array) $rows as $row ) {
				$this->known[ (string) $row['code'] ] = array(
					'name'  => (string) $row['name'],
					'color' => (string) $row['color'],
				);
			}
			foreach ( $missing as $code ) {
				$this->known[ $code ] ??= array(
					'name'  => $code,
					'color' => DefinitionTable::DEFAULT_COLOR,
				);
			}
		}
		return array_intersect_key( $this->known, array_flip( $codes ) );
	}
}
