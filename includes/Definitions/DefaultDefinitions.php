<?php
/**
 * DefaultDefinitions.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

use Footprints\Database\QueryFailed;

/**
 * The definitions a site starts with: the system events, and a starter
 * definition so the demo page and a first block work the moment the plugin
 * is activated.
 */
final class DefaultDefinitions {

	/**
	 * The revision of the system events catalogue last written to this site.
	 */
	public const SEEDED_OPTION = 'footprints_system_events_seeded';

	/**
	 * Constructor.
	 *
	 * @param \wpdb                $wpdb        WordPress' database connection.
	 * @param DefinitionRepository $definitions Stored definitions.
	 * @param DefinitionCache      $cache       Cached copies and the revision.
	 */
	public function __construct( private \wpdb $wpdb, private DefinitionRepository $definitions, private DefinitionCache $cache ) {}

	/**
	 * Writes the system events catalogue over whatever the table holds for
	 * their codes (a custom definition there predates the reservation). A
	 * new system event starts enabled unless the catalogue says otherwise
	 * (page_viewed); an existing one keeps whether it is enabled.
	 *
	 * @throws QueryFailed When the database refused a write.
	 */
	public function seed_system_events(): void {
		$wpdb  = $this->wpdb;
		$table = DefinitionTable::name( $wpdb );
		foreach ( SystemEvents::all() as $event ) {
			$row = DefinitionTable::to_row( $event );
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
			$sql = "INSERT INTO $table (code, name, color, description, enabled, attributes, created_at, updated_at, is_system) VALUES (%s, %s, %s, %s, %d, %s, %s, %s, 1)
				ON DUPLICATE KEY UPDATE name = VALUES(name), color = VALUES(color), description = VALUES(description), enabled = IF(is_system = 1, enabled, VALUES(enabled)), attributes = VALUES(attributes), is_system = 1";
			QueryFailed::run( $wpdb, $wpdb->prepare( $sql, array_values( $row ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
		$this->cache->written( array_column( SystemEvents::all(), 'code' ) );
		update_option( self::SEEDED_OPTION, self::catalogue_revision(), true );
	}

	/**
	 * Writes the system events again when the catalogue shipped with the
	 * plugin changed since the last write. An update that adds a system event
	 * (page_viewed) or changes one's attributes runs no activation hook and may
	 * bring no migration, yet the site needs the new catalogue.
	 *
	 * @throws QueryFailed When the database refused a write.
	 */
	public function seed_system_events_if_changed(): void {
		if ( get_option( self::SEEDED_OPTION ) !== self::catalogue_revision() ) {
			$this->seed_system_events();
		}
	}

	/**
	 * A fingerprint of the catalogue file: cheap enough for every request.
	 */
	private static function catalogue_revision(): string {
		return (string) md5_file( FOOTPRINTS_DIR . SystemEvents::FILE );
	}

	/**
	 * Adds the starter definition unless it exists (an admin may have changed it).
	 *
	 * @return WriteResult Written, or AlreadyThere.
	 * @throws QueryFailed When the database refused the insert.
	 */
	public function seed_starter(): WriteResult {
		return $this->definitions->add_if_missing(
			array(
				'code'        => 'trial_click',
				'name'        => 'Trial Started',
				'color'       => DefinitionTable::DEFAULT_COLOR,
				'description' => 'A visitor clicked a call to action that starts a free trial.',
				'attributes'  => array( 'source' => 'string' ),
			)
		);
	}
}
