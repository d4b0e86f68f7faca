<?php
/**
 * SiteChoices.
 *
 * @package Footprints
 */

namespace Footprints\Insights;

use Footprints\Backend\ConnectedSites;
use Footprints\Collector\SiteAppId;

/**
 * The sites whose events this site holds, for the insights' site filter:
 * this site, and on a hub every site connected to it (revoked ones too:
 * their events stay).
 */
final class SiteChoices {

	/**
	 * Constructor.
	 *
	 * @param \wpdb          $wpdb      WordPress' database connection.
	 * @param ConnectedSites $connected The hub's connected sites.
	 * @param SiteAppId      $own       This site's app ID.
	 */
	public function __construct( private \wpdb $wpdb, private ConnectedSites $connected, private SiteAppId $own ) {}

	/**
	 * Every site, this one first, then by name.
	 *
	 * @return list<array{app_id: string, name: string}>
	 */
	public function all(): array {
		$sites = array(
			array(
				'app_id' => $this->own->get(),
				'name'   => __( 'This site', 'footprints' ),
			),
		);
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		foreach ( InsightsQuery::rows( $this->wpdb, "SELECT app_id, name FROM {$this->connected->table()} ORDER BY name, id" ) as $row ) {
			$sites[] = array(
				'app_id' => (string) $row['app_id'],
				'name'   => (string) $row['name'],
			);
		}
		return $sites;
	}

	/**
	 * The names by app ID.
	 *
	 * @return array<string, string>
	 */
	public function names(): array {
		return array_column( $this->all(), 'name', 'app_id' );
	}
}
