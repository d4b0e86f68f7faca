<?php
/**
 * PersonalEvents.
 *
 * @package Footprints
 */

namespace Footprints\Privacy;

use Footprints\Database\JsonColumn;
use Footprints\Database\QueryFailed;
use Footprints\People\IdentityLedger;

/**
 * The events of some devices, read a page at a time in the order they were
 * stored (row id: an event arriving meanwhile comes last, so the pages
 * before it stay the same), and written back without what is personal;
 * and the events without a device that carry an email in an event with
 * personal attributes.
 */
final class PersonalEvents {

	/**
	 * Constructor.
	 *
	 * @param \wpdb              $wpdb     WordPress' database connection.
	 * @param PersonalAttributes $personal What of an event is personal.
	 */
	public function __construct( private \wpdb $wpdb, private PersonalAttributes $personal ) {}

	/**
	 * How many events the devices have.
	 *
	 * @param string[] $devices Device ids.
	 */
	public function count( array $devices ): int {
		if ( ! $devices ) {
			return 0;
		}
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name; one %s per device.
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$this->table()} WHERE device_id IN (" . self::placeholders( $devices ) . ')', $devices ) );
	}

	/**
	 * Events of the devices in the order they were stored.
	 *
	 * @param string[] $devices Device ids.
	 * @param int      $offset  Events skipped.
	 * @param int      $limit   Most events.
	 * @return list<array{id: int, event_id: string, code: string, app_id: string, device_id: string, attributes: array<string, mixed>, page: string, referrer: string, occurred_at: string}>
	 */
	public function read( array $devices, int $offset, int $limit ): array {
		if ( ! $devices ) {
			return array();
		}
		return $this->rows( $devices, '1=1', array(), $offset, $limit );
	}

	/**
	 * How many events without a device carry the email in a personal
	 * attribute's code (a form sent by a visitor who gave no consent to a
	 * device id still names them).
	 *
	 * @param string $email Email address.
	 */
	public function count_loose( string $email ): int {
		$where = $this->loose_where( $email );
		if ( null === $where ) {
			return 0;
		}
		// phpcs:ignore WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name; the condition is prepared.
		return (int) $this->wpdb->get_var( "SELECT COUNT(*) FROM {$this->table()} WHERE $where" );
	}

	/**
	 * Events without a device that carry the email (count_loose()), in the
	 * order they were stored, after a row id.
	 *
	 * @param string $email  Email address.
	 * @param int    $after  Only rows after this id (0: from the first).
	 * @param int    $offset Events skipped.
	 * @param int    $limit  Most events.
	 * @return list<array{id: int, event_id: string, code: string, app_id: string, device_id: string, attributes: array<string, mixed>, page: string, referrer: string, occurred_at: string}>
	 * @throws QueryFailed When the read failed.
	 */
	public function read_loose( string $email, int $after, int $offset, int $limit ): array {
		$where = $this->loose_where( $email );
		if ( null === $where ) {
			return array();
		}
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name; the condition is prepared.
		$rows = (array) $wpdb->get_results( $wpdb->prepare( "SELECT id, event_id, code, app_id, device_id, attributes, page_url, referrer, occurred_at FROM {$this->table()} WHERE $where AND id > %d ORDER BY id LIMIT %d OFFSET %d", $after, $limit, $offset ), ARRAY_A );
		return $this->decoded( $rows );
	}

	/**
	 * The condition of count_loose(), prepared; null for an invalid email.
	 * The attributes column compares without case (utf8mb4 *_ci), as emails do.
	 *
	 * @param string $email Email address.
	 */
	private function loose_where( string $email ): ?string {
		$lower = IdentityLedger::email( $email );
		$codes = $this->personal->codes();
		if ( null === $lower || ! $codes ) {
			return null;
		}
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- one %s per code.
		return (string) $this->wpdb->prepare( 'device_id IS NULL AND code IN (' . self::placeholders( $codes ) . ') AND attributes LIKE %s', array_merge( $codes, array( '%' . $this->wpdb->esc_like( '"' . $lower . '"' ) . '%' ) ) );
	}

	/**
	 * Removes what is personal from events (as read()), writing only those
	 * that change; returns how many changed.
	 *
	 * @param list<array{id: int, code: string, attributes: array<string, mixed>, page: string, referrer: string}> $events Events.
	 * @param string[]                                                                                             $emails The emails erased.
	 * @throws QueryFailed When a write failed.
	 */
	public function scrub( array $events, array $emails ): int {
		$changed = 0;
		foreach ( $events as $event ) {
			$clean = $this->personal->scrub( $event, $emails );
			if ( $clean['attributes'] === $event['attributes'] && $clean['page'] === $event['page'] && $clean['referrer'] === $event['referrer'] ) {
				continue;
			}
			QueryFailed::check(
				$this->wpdb,
				$this->wpdb->update(
					$this->table(),
					array(
						'attributes' => (string) json_encode( (object) $clean['attributes'], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION ), // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- stored as the writer stores it.
						'page_url'   => $clean['page'],
						'referrer'   => $clean['referrer'],
					),
					array( 'id' => $event['id'] ),
					array( '%s', '%s', '%s' ),
					array( '%d' )
				)
			);
			++$changed;
		}//end foreach
		return $changed;
	}

	/**
	 * Removes what is personal from every event of the devices whose code
	 * has personal attributes (the code_device_occurred key finds them):
	 * the last page's sweep, for events that arrived while earlier pages ran.
	 *
	 * @param string[] $devices Device ids.
	 * @param string[] $emails  The emails erased.
	 * @throws QueryFailed When a write failed.
	 */
	public function scrub_personal_codes( array $devices, array $emails ): int {
		$codes = $this->personal->codes();
		if ( ! $devices || ! $codes ) {
			return 0;
		}
		$changed = 0;
		$offset  = 0;
		do {
			$events   = $this->rows( $devices, 'code IN (' . self::placeholders( $codes ) . ')', $codes, $offset, PersonalAttributes::per_page() );
			$read     = count( $events );
			$changed += $this->scrub( $events, $emails );
			$offset  += $read;
		} while ( PersonalAttributes::per_page() === $read );
		return $changed;
	}

	/**
	 * Events of the devices matching a condition, in the order they were stored.
	 *
	 * @param string[] $devices Device ids.
	 * @param string   $where   More conditions, with placeholders.
	 * @param string[] $values  Their values.
	 * @param int      $offset  Events skipped.
	 * @param int      $limit   Most events.
	 * @return list<array{id: int, event_id: string, code: string, app_id: string, device_id: string, attributes: array<string, mixed>, page: string, referrer: string, occurred_at: string}>
	 * @throws QueryFailed When the read failed.
	 */
	private function rows( array $devices, string $where, array $values, int $offset, int $limit ): array {
		$wpdb = $this->wpdb;
		// phpcs:disable WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders -- table name and fixed conditions; one placeholder per value.
		$rows = (array) $wpdb->get_results(
			$wpdb->prepare(
				"SELECT id, event_id, code, app_id, device_id, attributes, page_url, referrer, occurred_at FROM {$this->table()} WHERE device_id IN (" . self::placeholders( $devices ) . ") AND $where ORDER BY id LIMIT %d OFFSET %d",
				array_merge( $devices, $values, array( $limit, $offset ) )
			),
			ARRAY_A
		);
		// phpcs:enable
		return $this->decoded( $rows );
	}

	/**
	 * Rows of the events table as the exporter and the eraser use them.
	 *
	 * @param array<mixed> $rows Rows read (ARRAY_A).
	 * @return list<array{id: int, event_id: string, code: string, app_id: string, device_id: string, attributes: array<string, mixed>, page: string, referrer: string, occurred_at: string}>
	 * @throws QueryFailed When the read failed.
	 */
	private function decoded( array $rows ): array {
		if ( '' !== $this->wpdb->last_error ) {
			throw new QueryFailed( esc_html( $this->wpdb->last_error ) );
		}
		return array_map(
			static fn( array $row ) => array(
				'id'          => (int) $row['id'],
				'event_id'    => (string) $row['event_id'],
				'code'        => (string) $row['code'],
				'app_id'      => (string) $row['app_id'],
				'device_id'   => (string) ( $row['device_id'] ?? '' ),
				'attributes'  => JsonColumn::decode( (string) $row['attributes'] ),
				'page'        => (string) $row['page_url'],
				'referrer'    => (string) $row['referrer'],
				'occurred_at' => (string) $row['occurred_at'],
			),
			array_values( $rows )
		);
	}

	/**
	 * One %s per value.
	 *
	 * @param array<mixed> $values Values.
	 */
	private static function placeholders( array $values ): string {
		return implode( ',', array_fill( 0, count( $values ), '%s' ) );
	}

	/**
	 * The events table.
	 */
	private function table(): string {
		return $this->wpdb->prefix . 'footprints_events';
	}
}
