<?php
/**
 * RuleStore.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Database\JsonColumn;
use Footprints\Database\QueryFailed;

/**
 * The automation rules table, and the index of active rules (enabled, not
 * paused) by event code that the writer reads on every stored event: an
 * autoloaded option rebuilt on every write of a rule, so matching events
 * costs no query, and none at all when no rule names the code.
 *
 * @phpstan-type Condition array{attribute: string, operator: string, value?: string|int|float|bool}
 * @phpstan-type Rule array{id: int, name: string, event: string, conditions: list<Condition>, action: array<string, mixed>, enabled: bool, paused_at: string|null, consecutive_failures: int, created_at: string, updated_at: string}
 */
final class RuleStore {

	public const INDEX_OPTION = 'footprints_automations_active';

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * The rules table.
	 */
	public function table(): string {
		return $this->wpdb->prefix . 'footprints_automation_rules';
	}

	/**
	 * Every rule, oldest first.
	 *
	 * @return list<Rule>
	 */
	public function all(): array {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- table name only.
		$rows = $this->wpdb->get_results( "SELECT * FROM {$this->table()} ORDER BY id", ARRAY_A );
		return array_map( array( self::class, 'from_row' ), (array) $rows );
	}

	/**
	 * One rule, or null.
	 *
	 * @param int $id Rule ID.
	 * @return Rule|null
	 */
	public function find( int $id ): ?array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- table name only.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$this->table()} WHERE id = %d", $id ), ARRAY_A );
		return is_array( $row ) ? self::from_row( $row ) : null;
	}

	/**
	 * Stores a new rule; returns its ID.
	 *
	 * @param array{name: string, event: string, conditions: list<Condition>, action: array<string, mixed>, enabled: bool} $rule The rule.
	 * @throws QueryFailed When the database refused it.
	 */
	public function insert( array $rule ): int {
		$now = gmdate( 'Y-m-d H:i:s' );
		QueryFailed::check(
			$this->wpdb,
			$this->wpdb->insert(
				$this->table(),
				self::to_row( $rule ) + array(
					'created_at' => $now,
					'updated_at' => $now,
				)
			)
		);
		$id = (int) $this->wpdb->insert_id;
		$this->refresh_index();
		return $id;
	}

	/**
	 * Replaces a rule's name, event, conditions, action and enabled flag.
	 *
	 * @param int                                                                                                          $id   Rule ID.
	 * @param array{name: string, event: string, conditions: list<Condition>, action: array<string, mixed>, enabled: bool} $rule The rule.
	 * @throws QueryFailed When the database refused it.
	 */
	public function update( int $id, array $rule ): void {
		QueryFailed::check( $this->wpdb, $this->wpdb->update( $this->table(), self::to_row( $rule ) + array( 'updated_at' => gmdate( 'Y-m-d H:i:s' ) ), array( 'id' => $id ) ) );
		$this->refresh_index();
	}

	/**
	 * Deletes a rule and its queued deliveries (its log stays until purged).
	 *
	 * @param int $id Rule ID.
	 * @throws QueryFailed When the database refused it.
	 */
	public function delete( int $id ): void {
		QueryFailed::check( $this->wpdb, $this->wpdb->delete( $this->table(), array( 'id' => $id ) ) );
		QueryFailed::check( $this->wpdb, $this->wpdb->delete( $this->wpdb->prefix . 'footprints_automation_deliveries', array( 'rule_id' => $id ) ) );
		$this->refresh_index();
	}

	/**
	 * Clears a rule's pause and its count of failures.
	 *
	 * @param int $id Rule ID.
	 * @throws QueryFailed When the database refused it.
	 */
	public function resume( int $id ): void {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE {$this->table()} SET paused_at = NULL, consecutive_failures = 0 WHERE id = %d", $id ) );
		$this->refresh_index();
	}

	/**
	 * Counts the outcome of a rule's delivery attempts: a success ends its
	 * run of failures, each failure after it adds to the run, and a run of
	 * $pause_after pauses the rule. Returns whether it was paused now.
	 *
	 * @param int  $id          Rule ID.
	 * @param bool $succeeded   Whether one of the attempts succeeded (the run restarts after the last success).
	 * @param int  $failures    Failed attempts after the last success (or all of them, when none succeeded).
	 * @param int  $pause_after Failures in a row that pause the rule.
	 * @param int  $now         Unix time.
	 * @throws QueryFailed When the database refused it.
	 */
	public function count_attempts( int $id, bool $succeeded, int $failures, int $pause_after, int $now ): bool {
		$wpdb  = $this->wpdb;
		$table = $this->table();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		if ( $succeeded && 0 === $failures ) {
			QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE $table SET consecutive_failures = 0 WHERE id = %d AND consecutive_failures > 0", $id ) );
			return false;
		}
		QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE $table SET consecutive_failures = IF(%d, 0, consecutive_failures) + %d WHERE id = %d", $succeeded ? 1 : 0, $failures, $id ) );
		$paused_now = QueryFailed::run(
			$wpdb,
			$wpdb->prepare( "UPDATE $table SET paused_at = %s WHERE id = %d AND paused_at IS NULL AND consecutive_failures >= %d", gmdate( 'Y-m-d H:i:s', $now ), $id, $pause_after )
		) > 0;
		// phpcs:enable
		if ( $paused_now ) {
			$this->refresh_index();
		}
		return $paused_now;
	}

	/**
	 * The active rules (enabled, not paused) by event code: ID and conditions.
	 * Read once per write of events, not per event: get_option() unserializes
	 * the whole index on every call.
	 *
	 * @return array<string, list<array{id: int, conditions: list<Condition>}>>
	 */
	public function active_by_code(): array {
		return $this->index()['rules'];
	}

	/**
	 * The IDs of the active rules.
	 *
	 * @return list<int>
	 */
	public function active_ids(): array {
		$ids = array();
		foreach ( $this->index()['rules'] as $rules ) {
			array_push( $ids, ...array_column( $rules, 'id' ) );
		}
		return $ids;
	}

	/**
	 * The paused rules' names by ID (the admin notice).
	 *
	 * @return array<int, string>
	 */
	public function paused(): array {
		return $this->index()['paused'];
	}

	/**
	 * The index, from its autoloaded option.
	 *
	 * @return array{rules: array<string, list<array{id: int, conditions: list<Condition>}>>, paused: array<int, string>}
	 */
	private function index(): array {
		$index = get_option( self::INDEX_OPTION );
		if ( ! is_array( $index ) || ! isset( $index['rules'], $index['paused'] ) ) {
			// Built once and autoloaded from then on: a missing option would
			// cost every request that writes events a query.
			$index = $this->refresh_index();
		}
		/**
		 * Written by refresh_index() only.
		 *
		 * @var array{rules: array<string, list<array{id: int, conditions: list<Condition>}>>, paused: array<int, string>} $index
		 */
		return $index;
	}

	/**
	 * Rebuilds the index from the table; returns it.
	 *
	 * @return array{rules: array<string, list<array{id: int, conditions: list<Condition>}>>, paused: array<int, string>}
	 */
	public function refresh_index(): array {
		$index = array(
			'rules'  => array(),
			'paused' => array(),
		);
		foreach ( $this->all() as $rule ) {
			if ( null !== $rule['paused_at'] ) {
				$index['paused'][ $rule['id'] ] = $rule['name'];
			} elseif ( $rule['enabled'] ) {
				$index['rules'][ $rule['event'] ][] = array(
					'id'         => $rule['id'],
					'conditions' => $rule['conditions'],
				);
			}
		}
		update_option( self::INDEX_OPTION, $index, true );
		return $index;
	}

	/**
	 * A row as stored, from a rule.
	 *
	 * @param array{name: string, event: string, conditions: list<Condition>, action: array<string, mixed>, enabled: bool} $rule The rule.
	 * @return array<string, string|int>
	 */
	private static function to_row( array $rule ): array {
		return array(
			'name'       => $rule['name'],
			'event'      => $rule['event'],
			'conditions' => (string) wp_json_encode( $rule['conditions'] ),
			'action'     => (string) wp_json_encode( $rule['action'] ),
			'enabled'    => $rule['enabled'] ? 1 : 0,
		);
	}

	/**
	 * A rule from its row.
	 *
	 * @param array<string, mixed> $row Row.
	 * @return Rule
	 */
	private static function from_row( array $row ): array {
		/**
		 * Written by to_row() only.
		 *
		 * @var list<Condition> $conditions
		 */
		$conditions = array_values( JsonColumn::decode( (string) $row['conditions'] ) );
		return array(
			'id'                   => (int) $row['id'],
			'name'                 => (string) $row['name'],
			'event'                => (string) $row['event'],
			'conditions'           => $conditions,
			'action'               => JsonColumn::decode( (string) $row['action'] ),
			'enabled'              => (bool) $row['enabled'],
			'paused_at'            => null === $row['paused_at'] ? null : (string) $row['paused_at'],
			'consecutive_failures' => (int) $row['consecutive_failures'],
			'created_at'           => (string) $row['created_at'],
			'updated_at'           => (string) $row['updated_at'],
		);
	}
}
