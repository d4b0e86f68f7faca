<?php
/**
 * DeliveryLog.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Database\QueryFailed;

/**
 * One row per delivery attempt (and per "Send test"): status, response
 * code, duration, error; the request and response bodies only while the
 * debug setting is on (they carry personal data), and shown only while it
 * is on. Purged after the log retention setting.
 *
 * @phpstan-type Attempt array{rule_id: int, rule_name: string, event_id: string, code: string, attempt: int, status: string, response_code: int|null, duration_ms: int, error: string|null, at_ms: int, next_attempt_ms: int|null, test: bool, request_body: string|null, response_body: string|null}
 */
final class DeliveryLog {

	public const STATUSES = array( 'delivered', 'failed', 'retrying' );

	/**
	 * Constructor.
	 *
	 * @param \wpdb              $wpdb     WordPress' database connection.
	 * @param AutomationSettings $settings Whether bodies are kept.
	 */
	public function __construct( private \wpdb $wpdb, private AutomationSettings $settings ) {}

	/**
	 * The log table.
	 */
	public function table(): string {
		return $this->wpdb->prefix . 'footprints_automation_log';
	}

	/**
	 * Writes attempts, in one statement.
	 *
	 * @param array $attempts Attempts.
	 * @throws QueryFailed When the database refused it.
	 * @phpstan-param list<Attempt> $attempts
	 */
	public function record( array $attempts ): void {
		if ( ! $attempts ) {
			return;
		}
		$wpdb   = $this->wpdb;
		$bodies = $this->settings->log_bodies();
		$cut    = AutomationRules::limit( 'storedBodyBytes' );
		$rows   = array();
		foreach ( $attempts as $attempt ) {
			$row    = $wpdb->prepare(
				'(%d, %s, %s, %s, %d, %s, NULLIF(%d, 0), %d, NULLIF(%s, \'\'), %s, NULLIF(%s, \'\'), %d, ',
				$attempt['rule_id'],
				mb_substr( $attempt['rule_name'], 0, 191 ),
				$attempt['event_id'],
				$attempt['code'],
				$attempt['attempt'],
				$attempt['status'],
				(int) $attempt['response_code'],
				$attempt['duration_ms'],
				mb_substr( (string) $attempt['error'], 0, 500 ),
				\Footprints\Events\EventWriter::to_datetime( $attempt['at_ms'] ),
				null === $attempt['next_attempt_ms'] ? '' : \Footprints\Events\EventWriter::to_datetime( $attempt['next_attempt_ms'] ),
				$attempt['test'] ? 1 : 0
			);
			$rows[] = $row . ( $bodies ? $wpdb->prepare( '%s, %s)', self::cut( $attempt['request_body'], $cut ), self::cut( $attempt['response_body'], $cut ) ) : 'NULL, NULL)' );
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and rows prepared above.
		QueryFailed::run( $wpdb, "INSERT INTO {$this->table()} (rule_id, rule_name, event_id, code, attempt, status, response_code, duration_ms, error, at, next_attempt_at, test, request_body, response_body) VALUES " . implode( ',', $rows ) );
	}

	/**
	 * A body as kept: at most $bytes, never a broken UTF-8 character at the cut.
	 *
	 * @param string|null $body  Body.
	 * @param int         $bytes Most bytes kept.
	 */
	private static function cut( ?string $body, int $bytes ): string {
		return mb_strcut( (string) $body, 0, $bytes, 'UTF-8' );
	}

	/**
	 * One page of the log, newest first, and how many rows match.
	 *
	 * @param int|null    $rule     Only this rule's attempts.
	 * @param string|null $status   Only attempts with this status.
	 * @param int         $page     Page, from 1.
	 * @param int         $per_page Rows per page.
	 * @return array{rows: list<array<string, mixed>>, total: int}
	 */
	public function page( ?int $rule, ?string $status, int $page, int $per_page ): array {
		$wpdb   = $this->wpdb;
		$where  = array( '1=1' );
		$values = array();
		if ( null !== $rule ) {
			$where[]  = 'rule_id = %d';
			$values[] = $rule;
		}
		if ( null !== $status ) {
			$where[]  = 'status = %s';
			$values[] = $status;
		}
		$where = implode( ' AND ', $where );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table name and fixed clauses; every value is a placeholder.
		$total = (int) $wpdb->get_var( $values ? $wpdb->prepare( "SELECT COUNT(*) FROM {$this->table()} WHERE $where", $values ) : "SELECT COUNT(*) FROM {$this->table()}" );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$this->table()} WHERE $where ORDER BY id DESC LIMIT %d OFFSET %d", array_merge( $values, array( $per_page, ( $page - 1 ) * $per_page ) ) ), ARRAY_A );
		// phpcs:enable
		$bodies = $this->settings->log_bodies();
		return array(
			'rows'  => array_map( static fn( array $row ) => self::view( $row, $bodies ), (array) $rows ),
			'total' => $total,
		);
	}

	/**
	 * Each rule's last real (not test) delivery attempt: when, and how it
	 * went. One statement of one short index scan per rule (rule_id, id
	 * backwards to the first real attempt), never a scan of the whole log.
	 *
	 * @param int[] $rules Rule IDs.
	 * @return array<int, array{at: string, status: string}>
	 */
	public function last_deliveries( array $rules ): array {
		if ( ! $rules ) {
			return array();
		}
		$wpdb  = $this->wpdb;
		$table = $this->table();
		$parts = array();
		foreach ( $rules as $rule ) {
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
			$parts[] = (string) $wpdb->prepare( "(SELECT rule_id, at, status FROM $table WHERE rule_id = %d AND test = 0 ORDER BY id DESC LIMIT 1)", $rule );
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- parts prepared above.
		$rows = $wpdb->get_results( implode( ' UNION ALL ', $parts ), ARRAY_A );
		$last = array();
		foreach ( (array) $rows as $row ) {
			$last[ (int) $row['rule_id'] ] = array(
				'at'     => (string) Iso::from_db( (string) $row['at'] ),
				'status' => (string) $row['status'],
			);
		}
		return $last;
	}

	/**
	 * Deletes the rows older than the retention setting; returns how many.
	 *
	 * @param int $now Unix time.
	 * @throws QueryFailed When the database refused it.
	 */
	public function purge( int $now ): int {
		$wpdb    = $this->wpdb;
		$before  = gmdate( 'Y-m-d H:i:s', $now - $this->settings->log_days() * DAY_IN_SECONDS );
		$deleted = 0;
		do {
			// In chunks, so a large log never holds a long lock.
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
			$chunk    = QueryFailed::run( $wpdb, $wpdb->prepare( "DELETE FROM {$this->table()} WHERE at < %s LIMIT 5000", $before ) );
			$deleted += $chunk;
		} while ( 5000 === $chunk );
		return $deleted;
	}

	/**
	 * A row as the REST answer writes it.
	 *
	 * @param array<string, mixed> $row    Row.
	 * @param bool                 $bodies Whether bodies are shown.
	 * @return array<string, mixed>
	 */
	private static function view( array $row, bool $bodies ): array {
		return array(
			'id'              => (int) $row['id'],
			'rule_id'         => (int) $row['rule_id'],
			'rule_name'       => (string) $row['rule_name'],
			'event_id'        => (string) $row['event_id'],
			'event'           => (string) $row['code'],
			'attempt'         => (int) $row['attempt'],
			'status'          => (string) $row['status'],
			'response_code'   => null === $row['response_code'] ? null : (int) $row['response_code'],
			'duration_ms'     => (int) $row['duration_ms'],
			'error'           => null === $row['error'] ? null : (string) $row['error'],
			'at'              => (string) Iso::from_db( (string) $row['at'] ),
			'next_attempt_at' => Iso::from_db( null === $row['next_attempt_at'] ? null : (string) $row['next_attempt_at'] ),
			'test'            => (bool) $row['test'],
			'request_body'    => $bodies && null !== $row['request_body'] ? (string) $row['request_body'] : null,
			'response_body'   => $bodies && null !== $row['response_body'] ? (string) $row['response_body'] : null,
		);
	}
}
