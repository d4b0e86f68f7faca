<?php
/**
 * EventsTableCharset.
 *
 * @package Footprints
 */

namespace Footprints\Events;

use Footprints\Hookable;

/**
 * Tells $wpdb that the events table, the people tables (migration 0008)
 * and the automations tables (0012: a rule's name, a log row's error) take
 * UTF-8. Their ids and codes are ascii_bin (compared byte for byte) and
 * their text utf8mb4; from such a mix
 * $wpdb concludes "ascii" and refuses, or strips to "????", any query with
 * other characters. Values are checked as valid UTF-8 (and ids as ASCII)
 * by the validator before they get here, so nothing needs stripping.
 */
final class EventsTableCharset implements Hookable {

	private const TABLES = array( 'footprints_events', 'footprints_people', 'footprints_person_devices', 'footprints_person_ids', 'footprints_automation_rules', 'footprints_automation_deliveries', 'footprints_automation_log' );

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * Hooks the charset filter.
	 */
	public function hook(): void {
		add_filter( 'pre_get_table_charset', array( $this, 'charset' ), 10, 2 );
		// Its columns too: $wpdb->insert() asks column by column, and with
		// the table's answer given above it has no column list to look in.
		add_filter( 'pre_get_col_charset', array( $this, 'charset' ), 10, 2 );
	}

	/**
	 * The charset of these tables; others as $wpdb finds them.
	 *
	 * @param string|null $charset A charset decided so far, or null.
	 * @param string      $table   Table name.
	 * @return string|null
	 */
	public function charset( $charset, $table ) {
		foreach ( self::TABLES as $name ) {
			if ( strtolower( (string) $table ) === strtolower( $this->wpdb->prefix . $name ) ) {
				return 'utf8mb4';
			}
		}
		return $charset;
	}
}
