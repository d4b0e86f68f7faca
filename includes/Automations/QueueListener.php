<?php
/**
 * QueueListener.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Database\QueryFailed;
use Footprints\Events\EventWriter;
use Footprints\Events\StoredEventsListener;

/**
 * Queues a delivery for every active rule an event stored now matches, in
 * the writer's transaction: the rows commit with the events or not at all,
 * and the (rule, event) key keeps a retried write from queueing twice. The
 * rules come from RuleStore's autoloaded index, so an event whose code no
 * rule names costs an array lookup and no query. Once a write queued
 * something, the worker is kicked when the request ends (after the commit).
 */
final class QueueListener implements StoredEventsListener {

	/**
	 * Constructor.
	 *
	 * @param \wpdb     $wpdb  WordPress' database connection.
	 * @param RuleStore $rules The active rules by event code.
	 * @param RunKick   $kick  Wakes the worker once the request ends.
	 */
	public function __construct( private \wpdb $wpdb, private RuleStore $rules, private RunKick $kick ) {}

	/**
	 * Queues the matching deliveries.
	 *
	 * @param list<array<string, mixed>> $events Events stored now.
	 * @throws QueryFailed When the queue refused the rows (the write rolls back; the sender retries).
	 */
	public function stored( array $events ): void {
		$wpdb   = $this->wpdb;
		$now    = null;
		$rows   = array();
		$active = $this->rules->active_by_code();
		foreach ( $events as $event ) {
			$id = null;
			foreach ( $active[ (string) $event['event'] ] ?? array() as $rule ) {
				if ( Conditions::met( $rule['conditions'], (array) ( $event['attributes'] ?? array() ) ) ) {
					// Quoted once per event and time once per write: a third of the queue's cost was prepare().
					$now  ??= (string) $wpdb->prepare( '%s', EventWriter::to_datetime( (int) floor( microtime( true ) * 1000 ) ) );
					$id   ??= (string) $wpdb->prepare( '%s', $event['id'] );
					$rows[] = '(' . (int) $rule['id'] . ", $id, $now, $now)";
				}
			}
		}
		if ( ! $rows ) {
			return;
		}
		foreach ( array_chunk( $rows, 500 ) as $chunk ) {
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and rows prepared above.
			QueryFailed::run( $wpdb, "INSERT IGNORE INTO {$wpdb->prefix}footprints_automation_deliveries (rule_id, event_id, next_attempt_at, created_at) VALUES " . implode( ',', $chunk ) );
		}
		$this->kick->after_request();
	}
}
