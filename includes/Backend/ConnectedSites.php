<?php
/**
 * ConnectedSites.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

use Footprints\Database\QueryFailed;
use Footprints\Hookable;

/**
 * The hub's credentials: the sites allowed to sync from this one and send
 * it events, each with its own app ID and key. Only a hash of a key is
 * stored; the key is shown once, when the site is added or its key is
 * rotated. A revoked site keeps its row (its events keep their app ID)
 * but its key and app ID stop working at once.
 *
 * Seam with the collector: the active app IDs are added to the filter
 * `footprints_accepted_app_ids`, and `footprints_collector_config_changed`
 * fires whenever that list or a key changes.
 */
final class ConnectedSites implements Hookable {

	public const APP_HEADER = 'x_footprints_app_id';

	// The option the collector keeps this site's own app ID in (SEAMS item 2).
	private const HUB_APP_ID_OPTION = 'footprints_site_app_id';

	/**
	 * Constructor.
	 *
	 * @param \wpdb        $wpdb     WordPress' database connection.
	 * @param SiteActivity $activity Events received per site.
	 */
	public function __construct( private \wpdb $wpdb, private SiteActivity $activity ) {}

	/**
	 * Adds the active app IDs to those the collector accepts.
	 */
	public function hook(): void {
		add_filter( 'footprints_accepted_app_ids', array( $this, 'accepted_app_ids' ) );
	}

	/**
	 * The table name, with the site's prefix.
	 */
	public function table(): string {
		return $this->wpdb->prefix . 'footprints_sites';
	}

	/**
	 * The collector's accepted app IDs, plus every site that is not revoked.
	 *
	 * @param mixed $app_ids App IDs accepted so far.
	 * @return list<string>
	 */
	public function accepted_app_ids( mixed $app_ids ): array {
		return array_values( array_unique( array_merge( array_map( 'strval', (array) $app_ids ), $this->active_app_ids() ) ) );
	}

	/**
	 * App IDs of the sites that are not revoked.
	 *
	 * @return list<string>
	 */
	public function active_app_ids(): array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		return array_map( 'strval', (array) $wpdb->get_col( "SELECT app_id FROM {$this->table()} WHERE revoked_at IS NULL ORDER BY id" ) );
	}

	/**
	 * This site's own app ID (the collector creates it), or null before it exists.
	 */
	public function hub_app_id(): ?string {
		$app_id = get_option( self::HUB_APP_ID_OPTION );
		return is_string( $app_id ) && '' !== $app_id ? $app_id : null;
	}

	/**
	 * Every connected site, newest first, with its activity.
	 *
	 * @return list<array<string, mixed>>
	 */
	public function all(): array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$rows     = (array) $wpdb->get_results( "SELECT * FROM {$this->table()} ORDER BY revoked_at IS NULL DESC, id DESC", ARRAY_A );
		$activity = $this->activity->of( array_column( $rows, 'app_id' ) );
		return array_map( fn( array $row ) => self::from_row( $row ) + $activity[ $row['app_id'] ], $rows );
	}

	/**
	 * The hub itself, as a row of the list (its own events, no key).
	 *
	 * @return array<string, mixed>|null Null before the collector created the app ID.
	 */
	public function hub(): ?array {
		$app_id = $this->hub_app_id();
		if ( null === $app_id ) {
			return null;
		}
		return array(
			'app_id'         => $app_id,
			'name'           => __( 'This site (the hub)', 'footprints' ),
			'status'         => 'hub',
			'created_at'     => null,
			'key_created_at' => null,
			'revoked_at'     => null,
			'last_sync_at'   => null,
		) + $this->activity->of( array( $app_id ) )[ $app_id ];
	}

	/**
	 * One site, or null.
	 *
	 * @param string $app_id App ID.
	 * @return array<string, mixed>|null
	 */
	public function find( string $app_id ): ?array {
		$row = $this->row( $app_id );
		return $row ? self::from_row( $row ) + $this->activity->of( array( $app_id ) )[ $app_id ] : null;
	}

	/**
	 * Connects a new site: its app ID and key (the key only now).
	 *
	 * @param string $name What the admin calls the site.
	 * @return array{site: array<string, mixed>, api_key: string}|\WP_Error
	 */
	public function add( string $name ): array|\WP_Error {
		$wpdb = $this->wpdb;
		$name = trim( sanitize_text_field( $name ) );
		if ( '' === $name ) {
			return new \WP_Error( 'footprints_invalid_site', __( 'name: enter a name for the site, e.g. its address, so you can tell the sites apart.', 'footprints' ), array( 'status' => 400 ) );
		}
		$key = self::new_key();
		$now = current_time( 'mysql', true );
		// A clash of 12 random characters is unlikely; a unique key makes it harmless.
		for ( $attempt = 0; $attempt < 3; $attempt++ ) {
			$app_id = 'app_' . strtolower( wp_generate_password( 12, false ) );
			try {
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
				$added = QueryFailed::run( $wpdb, $wpdb->prepare( "INSERT IGNORE INTO {$this->table()} (app_id, name, key_hash, created_at, key_created_at) VALUES (%s, %s, %s, %s, %s)", $app_id, mb_substr( $name, 0, 191 ), self::hash( $key ), $now, $now ) );
			} catch ( QueryFailed $failed ) {
				return self::write_failed();
			}
			if ( 1 === $added ) {
				$this->config_changed();
				return array(
					'site'    => (array) $this->find( $app_id ),
					'api_key' => $key,
				);
			}
		}
		return self::write_failed();
	}

	/**
	 * Gives a site a new key; the old one stops working at once.
	 *
	 * @param string $app_id App ID.
	 * @return array{site: array<string, mixed>, api_key: string}|\WP_Error
	 */
	public function rotate( string $app_id ): array|\WP_Error {
		$error = $this->refuse_unusable( $app_id );
		if ( $error ) {
			return $error;
		}
		$key = self::new_key();
		if ( false === $this->wpdb->update(
			$this->table(),
			array(
				'key_hash'       => self::hash( $key ),
				'key_created_at' => current_time( 'mysql', true ),
			),
			array( 'app_id' => $app_id )
		) ) {
			return self::write_failed();
		}
		$this->config_changed();
		return array(
			'site'    => (array) $this->find( $app_id ),
			'api_key' => $key,
		);
	}

	/**
	 * Revokes a site: its key and app ID stop working; its events stay.
	 *
	 * @param string $app_id App ID.
	 * @return array<string, mixed>|\WP_Error The site.
	 */
	public function revoke( string $app_id ): array|\WP_Error {
		$error = $this->refuse_unusable( $app_id );
		if ( $error ) {
			return $error;
		}
		if ( false === $this->wpdb->update( $this->table(), array( 'revoked_at' => current_time( 'mysql', true ) ), array( 'app_id' => $app_id ) ) ) {
			return self::write_failed();
		}
		$this->config_changed();
		return (array) $this->find( $app_id );
	}

	/**
	 * Whether the request carries a key, so a wrong one can answer 401
	 * instead of the anonymous reader's 403.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function is_presented( \WP_REST_Request $request ): bool {
		return str_starts_with( (string) $request->get_header( 'authorization' ), 'Bearer ' );
	}

	/**
	 * True when the request's app ID names an active site and the key is
	 * that site's; otherwise why not (401). Records the site's last sync,
	 * unless the request is no sync (its events show in "last event").
	 *
	 * @param \WP_REST_Request $request The request.
	 * @param bool             $is_sync Whether the request reads definitions (a sync).
	 */
	public function authenticate( \WP_REST_Request $request, bool $is_sync = true ): bool|\WP_Error {
		$app_id = (string) $request->get_header( self::APP_HEADER );
		$key    = substr( (string) $request->get_header( 'authorization' ), strlen( 'Bearer ' ) );
		$row    = '' === $app_id ? null : $this->row( $app_id );
		if ( ! $row ) {
			return self::unauthorized(
				'footprints_unknown_app',
				/* translators: %s: app ID the request sent. */
				sprintf( __( 'The app ID "%s" is not connected to this hub. Ask the hub\'s admin to add this site (Connection tab, Connected sites) and copy its app ID and key.', 'footprints' ), $app_id )
			);
		}
		if ( null !== $row['revoked_at'] ) {
			return self::unauthorized(
				'footprints_site_revoked',
				/* translators: 1: site name, 2: app ID. */
				sprintf( __( 'The hub revoked this site\'s access ("%1$s", app ID %2$s): it can no longer sync or send events. Ask the hub\'s admin to connect it again, then enter the new app ID and key.', 'footprints' ), $row['name'], $app_id )
			);
		}
		if ( ! hash_equals( (string) $row['key_hash'], self::hash( $key ) ) ) {
			return self::unauthorized(
				'footprints_invalid_api_key',
				/* translators: %s: app ID. */
				sprintf( __( 'This API key is not valid for the app ID %s (a rotated key stops working at once). Copy the current key from the hub\'s Connection tab into this site.', 'footprints' ), $app_id )
			);
		}
		if ( ! $is_sync ) {
			return true;
		}
		$wpdb = $this->wpdb;
		try {
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
			QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE {$this->table()} SET last_sync_at = %s WHERE app_id = %s", current_time( 'mysql', true ), $app_id ) );
		} catch ( QueryFailed $failed ) {
			// Only the "last sync" column is stale: the site may still read.
			unset( $failed );
		}
		return true;
	}

	/**
	 * 404 for an unknown site, 409 for a revoked one; null when usable.
	 *
	 * @param string $app_id App ID.
	 */
	private function refuse_unusable( string $app_id ): ?\WP_Error {
		$row = $this->row( $app_id );
		if ( ! $row ) {
			/* translators: %s: app ID. */
			return new \WP_Error( 'footprints_site_not_found', sprintf( __( 'No connected site has the app ID "%s".', 'footprints' ), $app_id ), array( 'status' => 404 ) );
		}
		if ( null !== $row['revoked_at'] ) {
			/* translators: %s: site name. */
			return new \WP_Error( 'footprints_site_revoked', sprintf( __( '"%s" is revoked already. To connect it again, add it as a new site.', 'footprints' ), $row['name'] ), array( 'status' => 409 ) );
		}
		return null;
	}

	/**
	 * The stored row of a site.
	 *
	 * @param string $app_id App ID.
	 * @return array<string, string|null>|null
	 */
	private function row( string $app_id ): ?array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$this->table()} WHERE app_id = %s", $app_id ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Tells the collector that the accepted app IDs or keys changed.
	 */
	private function config_changed(): void {
		/**
		 * Fires when the sites allowed to send events change (added, rotated,
		 * revoked), so the collector recompiles its list of accepted app IDs.
		 */
		do_action( 'footprints_collector_config_changed' );
	}

	/**
	 * A new key: 40 random letters and digits.
	 */
	private static function new_key(): string {
		return 'fpk_' . wp_generate_password( 40, false );
	}

	/**
	 * How a key is stored. Keys are long and random, so a fast hash is as
	 * good as a slow one here, and checking one costs nothing per request.
	 *
	 * @param string $key Key.
	 */
	private static function hash( string $key ): string {
		return hash( 'sha256', $key );
	}

	/**
	 * A site as the API shows it (never its key hash).
	 *
	 * @param array<string, string|null> $row Table row.
	 * @return array<string, mixed>
	 */
	private static function from_row( array $row ): array {
		return array(
			'app_id'         => (string) $row['app_id'],
			'name'           => (string) $row['name'],
			'status'         => null === $row['revoked_at'] ? 'active' : 'revoked',
			'created_at'     => SiteActivity::iso( $row['created_at'] ),
			'key_created_at' => SiteActivity::iso( $row['key_created_at'] ),
			'revoked_at'     => SiteActivity::iso( $row['revoked_at'] ),
			'last_sync_at'   => SiteActivity::iso( $row['last_sync_at'] ),
		);
	}

	/**
	 * A 401 with a reason.
	 *
	 * @param string $code    Error code.
	 * @param string $message What to do.
	 */
	private static function unauthorized( string $code, string $message ): \WP_Error {
		return new \WP_Error( $code, $message, array( 'status' => 401 ) );
	}

	/**
	 * A write the database refused.
	 */
	private static function write_failed(): \WP_Error {
		return new \WP_Error( 'footprints_site_write_failed', __( 'The database did not store the change. Try again.', 'footprints' ), array( 'status' => 500 ) );
	}
}
