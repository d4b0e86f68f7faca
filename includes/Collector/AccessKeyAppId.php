<?php
/**
 * AccessKeyAppId.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

use Footprints\Backend\AccessKey;
use Footprints\Hookable;

/**
 * Accepts events sent with the app ID of this site's access key: a site
 * that syncs from this one (its hub) sends its visitors' events here with
 * that ID. Recompiles the collector config when the key is made again.
 * (The connected-sites list of the hub work adds each site's ID through
 * the same filter, footprints_accepted_app_ids.)
 */
final class AccessKeyAppId implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param AccessKey $key This site's key for the sites that sync from it.
	 */
	public function __construct( private AccessKey $key ) {}

	/**
	 * Hooks the filter and the recompile.
	 */
	public function hook(): void {
		add_filter( 'footprints_accepted_app_ids', array( $this, 'add' ) );
		foreach ( array( 'add_option_', 'update_option_', 'delete_option_' ) as $hook ) {
			add_action( $hook . AccessKey::OPTION, array( $this, 'changed' ) );
		}
	}

	/**
	 * Adds the key's app ID to the accepted ones.
	 *
	 * @param array<mixed> $app_ids Accepted app IDs.
	 * @return array<mixed>
	 */
	public function add( array $app_ids ): array {
		$app_id = $this->key->app_id();
		return null === $app_id ? $app_ids : array_merge( $app_ids, array( $app_id ) );
	}

	/**
	 * The key changed: the collectors must know its app ID.
	 */
	public function changed(): void {
		do_action( 'footprints_collector_config_changed' );
	}
}
