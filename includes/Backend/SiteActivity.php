<?php
/**
 * SiteActivity.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

/**
 * What each connected site sent the hub: when its last event was
 * received, and how many events it sent in the last 7 days (by the events'
 * own time). Read from the events
 * table by app ID (the collector tags every stored event with the app ID
 * of the site that sent it). Before the events table has an app_id column,
 * both are null: the list shows "not recorded" rather than a wrong zero.
 */
final class SiteActivity {

	private const DAYS = 7;

	/**
	 * Whether the events table has the app_id column (read once a request).
	 *
	 * @var bool|null
	 */
	private ?bool $tagged = null;

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * Activity per app ID; every app ID asked for is in the answer.
	 *
	 * @param list<string|null> $app_ids App IDs.
	 * @return array<string, array{last_event_at: string|null, events_7d: int|null}>
	 */
	public function of( array $app_ids ): array {
		$app_ids = array_values( array_unique( array_map( 'strval', $app_ids ) ) );
		$result  = array_fill_keys(
			$app_ids,
			array(
				'last_event_at' => null,
				'events_7d'     => null,
			)
		);
		if ( ! $app_ids || ! $this->events_are_tagged() ) {
			return $result;
		}
		$wpdb         = $this->wpdb;
		$table        = $wpdb->prefix . 'footprints_events';
		$since        = gmdate( 'Y-m-d H:i:s', time() - self::DAYS * DAY_IN_SECONDS );
		$placeholders = implode( ',', array_fill( 0, count( $app_ids ), '%s' ) );
		// Both queries ride the (app_id, occurred_at) index: the last 7 days
		// as a range, and for a site quiet that long the newest time alone.
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table name and one %s per app ID.
		$recent = (array) $wpdb->get_results(
			$wpdb->prepare( "SELECT app_id, COUNT(*) AS events, MAX(received_at) AS last_at FROM $table WHERE app_id IN ($placeholders) AND occurred_at >= %s GROUP BY app_id", array_merge( $app_ids, array( $since ) ) ),
			ARRAY_A
		);
		$quiet  = array_values( array_diff( $app_ids, array_map( 'strval', array_column( $recent, 'app_id' ) ) ) );
		$older  = $quiet ? (array) $wpdb->get_results(
			$wpdb->prepare( "SELECT app_id, 0 AS events, MAX(occurred_at) AS last_at FROM $table WHERE app_id IN (" . implode( ',', array_fill( 0, count( $quiet ), '%s' ) ) . ') GROUP BY app_id', $quiet ),
			ARRAY_A
		) : array();
		// phpcs:enable
		foreach ( $app_ids as $app_id ) {
			$result[ $app_id ] = array(
				'last_event_at' => null,
				'events_7d'     => 0,
			);
		}
		foreach ( array_merge( $recent, $older ) as $row ) {
			$result[ (string) $row['app_id'] ] = array(
				'last_event_at' => self::iso( substr( (string) $row['last_at'], 0, 19 ) ),
				'events_7d'     => (int) $row['events'],
			);
		}
		return $result;
	}

	/**
	 * A stored UTC datetime as ISO 8601, or null.
	 *
	 * @param string|null $mysql Y-m-d H:i:s in UTC.
	 */
	public static function iso( ?string $mysql ): ?string {
		return null === $mysql || '' === $mysql ? null : str_replace( ' ', 'T', $mysql ) . 'Z';
	}

	/**
	 * Whether stored events carry the app ID of their site.
	 */
	private function events_are_tagged(): bool {
		if ( null === $this->tagged ) {
			$wpdb = $this->wpdb;
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
			$this->tagged = (bool) $wpdb->get_var( $wpdb->prepare( "SHOW COLUMNS FROM {$wpdb->prefix}footprints_events LIKE %s", 'app_id' ) );
		}
		return $this->tagged;
	}
}
