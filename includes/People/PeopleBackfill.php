<?php
/**
 * PeopleBackfill.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Database\Lock;
use Footprints\Database\Transaction;
use Footprints\Events\EventWriter;
use Footprints\Hookable;

/**
 * Gives people to the events stored before people were kept (an update
 * to a version with migration 0008, which notes the newest event row id):
 * the writer counts every later event, and this job, in cron, counts the
 * events up to that id, device
 * by device (500 a transaction, in device id order, for 20 seconds a run,
 * then again in the next cron run), and replays their identify() and
 * alias() calls. A device the writer already met gets the older events
 * added to its totals. Nothing is counted twice: the writer counts only
 * rows after the noted id, this job only rows up to it.
 */
final class PeopleBackfill implements Hookable {

	public const BEFORE_OPTION = 'footprints_people_backfill_before';
	public const CURSOR_OPTION = 'footprints_people_backfill_cursor';
	public const HOOK          = 'footprints_people_backfill';
	private const CHUNK        = 500;

	/**
	 * Constructor.
	 *
	 * @param \wpdb          $wpdb   WordPress' database connection.
	 * @param IdentityLedger $people Keeps people.
	 */
	public function __construct( private \wpdb $wpdb, private IdentityLedger $people ) {}

	/**
	 * Notes the boundary once migrations ran (init 1), and runs in cron.
	 */
	public function hook(): void {
		add_action( 'init', array( $this, 'start' ), 3 );
		add_action( self::HOOK, array( $this, 'run' ) );
	}

	/**
	 * Schedules the job while there is something to count. Migration 0008
	 * notes the newest event row; a site that applied 0008 before it did
	 * gets the note here, unless the writer already keeps people there
	 * (then the events before cannot be told from those it counted, and
	 * none is counted twice).
	 */
	public function start(): void {
		if ( false === get_option( self::BEFORE_OPTION ) ) {
			$wpdb = $this->wpdb;
			// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- table names only; once per site.
			$kept   = null !== $wpdb->get_var( "SELECT device_id FROM {$wpdb->prefix}footprints_person_devices LIMIT 1" );
			$newest = $kept ? 0 : (int) $wpdb->get_var( "SELECT MAX(id) FROM {$wpdb->prefix}footprints_events" );
			// phpcs:enable
			add_option( self::BEFORE_OPTION, $newest > 0 ? (string) $newest : '', '', true );
		}
		if ( '' !== (string) get_option( self::BEFORE_OPTION ) && ! wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_single_event( time(), self::HOOK );
		}
	}

	/**
	 * Counts devices for up to $seconds; schedules itself again when
	 * devices are left. Returns how many devices it counted.
	 *
	 * @param int $seconds Most seconds to work.
	 */
	public function run( int $seconds = 20 ): int {
		$before = (int) get_option( self::BEFORE_OPTION );
		if ( $before <= 0 ) {
			return 0;
		}
		$lock = Lock::for_site( $this->wpdb, 'people_backfill' );
		if ( ! $lock->acquire( 0 ) ) {
			return 0;
		}
		$started = microtime( true );
		$counted = 0;
		try {
			do {
				$done     = $this->chunk( $before );
				$counted += $done;
			} while ( self::CHUNK === $done && microtime( true ) - $started < $seconds );
		} finally {
			$lock->release();
		}
		if ( self::CHUNK === $done ) {
			wp_schedule_single_event( time(), self::HOOK );
		} else {
			update_option( self::BEFORE_OPTION, '' );
			delete_option( self::CURSOR_OPTION );
		}
		return $counted;
	}

	/**
	 * Counts the next devices after the cursor, in one transaction that
	 * also moves the cursor on. Returns how many devices it counted.
	 *
	 * @param int $before The newest event row the job counts.
	 */
	private function chunk( int $before ): int {
		$wpdb   = $this->wpdb;
		$events = $wpdb->prefix . 'footprints_events';
		$cursor = (string) get_option( self::CURSOR_OPTION, '' );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- table name only.
		$rows = (array) $wpdb->get_results(
			$wpdb->prepare(
				"SELECT device_id, MIN(app_id) AS app_id, MIN(occurred_at) AS first, MAX(occurred_at) AS last, COUNT(*) AS events
				FROM $events WHERE device_id > %s AND id <= %d GROUP BY device_id ORDER BY device_id LIMIT %d",
				$cursor,
				$before,
				self::CHUNK
			),
			ARRAY_A
		);
		if ( ! $rows ) {
			return 0;
		}
		$devices = array();
		foreach ( $rows as $row ) {
			$devices[ (string) $row['device_id'] ] = array(
				'app_id' => (string) $row['app_id'],
				'first'  => (string) $row['first'],
				'last'   => (string) $row['last'],
				'events' => (int) $row['events'],
			);
		}
		$last     = (string) array_key_last( $devices );
		$ids      = array_keys( $devices );
		$marks    = implode( ',', array_fill( 0, count( $ids ), '%s' ) );
		$profiles = (array) $wpdb->get_results(
			// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders -- one %s per device.
			$wpdb->prepare( "SELECT code, app_id, device_id, attributes, occurred_at FROM $events WHERE device_id IN ($marks) AND code = %s AND id <= %d", array_merge( $ids, array( IdentityLedger::PROFILE_EVENT, $before ) ) ),
			ARRAY_A
		);
		// phpcs:enable
		( new Transaction( $wpdb ) )->run(
			function () use ( $devices, $profiles, $last ): void {
				$this->people->count( $devices );
				$this->people->identities(
					array_map(
						static fn( array $row ) => array(
							'event'      => (string) $row['code'],
							'app_id'     => (string) $row['app_id'],
							'device_id'  => (string) $row['device_id'],
							'attributes' => (array) json_decode( (string) $row['attributes'], true ),
							'time'       => EventWriter::to_ms( (string) $row['occurred_at'] ),
						),
						$profiles
					)
				);
				update_option( self::CURSOR_OPTION, $last, false );
			}
		);
		return count( $devices );
	}
}
