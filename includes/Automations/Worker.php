<?php
/**
 * Worker.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Database\QueryFailed;
use Footprints\Database\Transaction;

/**
 * Works the delivery queue until its time is up (each attempt starts
 * before the deadline, so a run lasts at most that plus one request's
 * timeout): claims due deliveries of active rules (one
 * UPDATE with a random token and a lease, so two workers never claim the
 * same row and a killed worker's rows come back when the lease ends),
 * sends each, and records each batch's outcome in one transaction: a log
 * row per attempt, delivered and failed-for-good rows deleted, the others
 * put back with their next attempt (1 min, 5 min, 30 min, 2 h, 6 h), each
 * rule's run of failures counted and the rule paused when the run reaches
 * the setting. Once a rule is paused, its other claimed rows go back to
 * the queue unsent. A rule that asks for the lead brief or an AI draft
 * gets them added at send time (PayloadAdditions); a draft the provider
 * refuses fails that attempt with the provider's message, retried like a
 * receiver's failure.
 *
 * @phpstan-import-type Rule from RuleStore
 * @phpstan-import-type Attempt from DeliveryLog
 */
final class Worker {

	public const BATCH = 50;

	// Long enough for a whole batch at the timeout of each request.
	public const LEASE_SECONDS = 300;

	// No send starts this close to the end of its batch's lease: one request
	// at its timeout, or an AI draft, must end before another worker may
	// claim the row (a long `wp footprints automations run` would send twice).
	public const LEASE_MARGIN_SECONDS = 60;

	/**
	 * The clock, in ms since 1970 (a test sets its own).
	 *
	 * @var \Closure(): int
	 */
	private \Closure $clock;

	/**
	 * Constructor.
	 *
	 * @param \wpdb              $wpdb     WordPress' database connection.
	 * @param RuleStore          $rules    The rules.
	 * @param Payload            $payloads What is sent about each event.
	 * @param DeliveryHttp       $http     Sends requests.
	 * @param DeliveryLog        $log      The delivery log.
	 * @param AutomationSettings $settings When a rule is paused.
	 * @param PayloadAdditions   $extras   The brief and AI draft a rule may ask for.
	 * @param \Closure|null      $clock    Milliseconds since 1970 (default: now).
	 */
	public function __construct(
		private \wpdb $wpdb,
		private RuleStore $rules,
		private Payload $payloads,
		private DeliveryHttp $http,
		private DeliveryLog $log,
		private AutomationSettings $settings,
		private PayloadAdditions $extras,
		?\Closure $clock = null
	) {
		$this->clock = $clock ?? static fn(): int => (int) floor( microtime( true ) * 1000 );
	}

	/**
	 * The deliveries table.
	 */
	public function table(): string {
		return $this->wpdb->prefix . 'footprints_automation_deliveries';
	}

	/**
	 * Sends due deliveries until none is left or the time is up.
	 *
	 * @param float $seconds Stop claiming new batches after this long.
	 * @return array{delivered: int, retrying: int, failed: int, released: int, paused: list<int>}
	 * @throws QueryFailed When a batch's outcome could not be recorded (its rows come back after the lease).
	 */
	public function run( float $seconds ): array {
		$report   = array(
			'delivered' => 0,
			'retrying'  => 0,
			'failed'    => 0,
			'released'  => 0,
			'paused'    => array(),
		);
		$deadline = microtime( true ) + $seconds;
		// A lead's brief and draft are made once per run, and afresh the next.
		$this->extras->forget();
		do {
			$batch = $this->claim();
			if ( ! $batch ) {
				break;
			}
			$done = $this->work( $batch, min( $deadline, microtime( true ) + self::LEASE_SECONDS - self::LEASE_MARGIN_SECONDS ) );
			foreach ( array( 'delivered', 'retrying', 'failed', 'released' ) as $key ) {
				$report[ $key ] += $done[ $key ];
			}
			array_push( $report['paused'], ...$done['paused'] );
		} while ( microtime( true ) < $deadline );
		return $report;
	}

	/**
	 * How many deliveries wait (due or not), for the CLI and the benchmark.
	 */
	public function queued(): int {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		return (int) $this->wpdb->get_var( "SELECT COUNT(*) FROM {$this->table()}" );
	}

	/**
	 * Claims a batch of due deliveries of active rules.
	 *
	 * @return list<array{id: int, rule_id: int, event_id: string, attempts: int}>
	 * @throws QueryFailed When the claim failed.
	 */
	private function claim(): array {
		$active = $this->rules->active_ids();
		if ( ! $active ) {
			return array();
		}
		$wpdb  = $this->wpdb;
		$now   = ( $this->clock )();
		$token = bin2hex( random_bytes( 16 ) );
		$ids   = implode( ',', array_map( 'intval', $active ) );
		QueryFailed::run(
			$wpdb,
			$wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and integer IDs.
				"UPDATE {$this->table()} SET claim_token = %s, claimed_until = %s WHERE rule_id IN ($ids) AND next_attempt_at <= %s AND (claimed_until IS NULL OR claimed_until < %s) ORDER BY next_attempt_at, id LIMIT %d",
				$token,
				\Footprints\Events\EventWriter::to_datetime( $now + self::LEASE_SECONDS * 1000 ),
				\Footprints\Events\EventWriter::to_datetime( $now ),
				\Footprints\Events\EventWriter::to_datetime( $now ),
				self::BATCH
			)
		);
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name only.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT id, rule_id, event_id, attempts FROM {$this->table()} WHERE claim_token = %s ORDER BY next_attempt_at, id", $token ), ARRAY_A );
		return array_map(
			static fn( array $row ) => array(
				'id'       => (int) $row['id'],
				'rule_id'  => (int) $row['rule_id'],
				'event_id' => (string) $row['event_id'],
				'attempts' => (int) $row['attempts'],
			),
			(array) $rows
		);
	}

	/**
	 * Sends a claimed batch and records how it went.
	 *
	 * @param list<array{id: int, rule_id: int, event_id: string, attempts: int}> $batch    Claimed rows.
	 * @param float                                                               $deadline microtime() after which the rest goes back unsent.
	 * @return array{delivered: int, retrying: int, failed: int, released: int, paused: list<int>}
	 */
	private function work( array $batch, float $deadline ): array {
		$rules       = array();
		$pausing     = array();
		$payloads    = $this->payloads->of_events( array_values( array_unique( array_column( $batch, 'event_id' ) ) ) );
		$pause_after = $this->settings->pause_after();
		$backoff     = AutomationRules::backoff();
		$outcome     = array(
			'done'     => array(),
			'retry'    => array(),
			'release'  => array(),
			'attempts' => array(),
			'tally'    => array(),
		);
		foreach ( $batch as $row ) {
			$rule                      = $rules[ $row['rule_id'] ] ??= $this->rules->find( $row['rule_id'] );
			$id                        = $row['rule_id'];
			$outcome['tally'][ $id ] ??= array(
				'succeeded' => false,
				'failures'  => 0,
				'run'       => null === $rule ? 0 : $rule['consecutive_failures'],
			);
			$tally                     = &$outcome['tally'][ $id ];
			if ( null === $rule || ! $rule['enabled'] || null !== $rule['paused_at'] || isset( $pausing[ $id ] ) || microtime( true ) > $deadline ) {
				// Paused (now or meanwhile), disabled or deleted, or the time is up
				// (a web request's time limit must not cut a batch short): back to the queue, unsent.
				$outcome['release'][] = $row['id'];
				unset( $tally );
				continue;
			}
			$at      = ( $this->clock )();
			$attempt = $row['attempts'] + 1;
			$payload = $payloads[ $row['event_id'] ] ?? null;
			if ( null === $payload ) {
				$request = null;
				$result  = new Outcome( false, null, 0, __( 'The event is no longer stored (removed by the retention setting or a purge), so there is nothing to send.', 'footprints' ), null );
				$attempt = count( $backoff ) + 1;
			} else {
				$sent = $this->extras->add( $rule['action'], $payload );
				if ( is_wp_error( $sent ) ) {
					// No provider, or it refused: nothing is sent, and the attempt is retried.
					$request = null;
					$result  = new Outcome( false, null, 0, $sent->get_error_message(), null );
				} else {
					$request = ActionRequest::for_rule( $rule, $sent, self::message_id( $row['rule_id'], $row['event_id'] ), intdiv( $at, 1000 ) );
					$result  = $this->http->send( $request );
				}
			}
			$next = null;
			if ( $result->delivered ) {
				$status             = 'delivered';
				$outcome['done'][]  = $row['id'];
				$tally['succeeded'] = true;
				$tally['failures']  = 0;
				$tally['run']       = 0;
			} else {
				++$tally['failures'];
				++$tally['run'];
				if ( $tally['run'] >= $pause_after ) {
					// This failure pauses the rule when the batch is recorded: send no more of it.
					$pausing[ $id ] = true;
				}
				if ( $attempt > count( $backoff ) ) {
					$status            = 'failed';
					$outcome['done'][] = $row['id'];
				} else {
					$status             = 'retrying';
					$next               = $at + $backoff[ $attempt - 1 ] * 1000;
					$outcome['retry'][] = array( $row['id'], $attempt, $next );
				}
			}//end if
			unset( $tally );
			$outcome['attempts'][] = array(
				'rule_id'         => $row['rule_id'],
				'rule_name'       => $rule['name'],
				'event_id'        => $row['event_id'],
				'code'            => $payload['event']['code'] ?? $rule['event'],
				'attempt'         => $attempt,
				'status'          => $status,
				'response_code'   => $result->response_code,
				'duration_ms'     => $result->duration_ms,
				'error'           => $result->error,
				'at_ms'           => $at,
				'next_attempt_ms' => $next,
				'test'            => false,
				'request_body'    => $request?->body,
				'response_body'   => $result->response_body,
			);
		}//end foreach
		return $this->record( $outcome, $pause_after );
	}

	/**
	 * Records a batch's outcome in one transaction.
	 *
	 * @param array{done: list<int>, retry: list<array{int, int, int}>, release: list<int>, attempts: list<Attempt>, tally: array<int, array{succeeded: bool, failures: int, run: int}>} $outcome     What happened.
	 * @param int                                                                                                                                                                        $pause_after Failures in a row that pause a rule.
	 * @return array{delivered: int, retrying: int, failed: int, released: int, paused: list<int>}
	 */
	private function record( array $outcome, int $pause_after ): array {
		$wpdb   = $this->wpdb;
		$table  = $this->table();
		$paused = array();
		( new Transaction( $wpdb ) )->run(
			function () use ( $wpdb, $table, $outcome, $pause_after, &$paused ): void {
				// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- table name and integer IDs.
				if ( $outcome['done'] ) {
					QueryFailed::run( $wpdb, "DELETE FROM $table WHERE id IN (" . implode( ',', $outcome['done'] ) . ')' );
				}
				if ( $outcome['release'] ) {
					QueryFailed::run( $wpdb, "UPDATE $table SET claim_token = NULL, claimed_until = NULL WHERE id IN (" . implode( ',', $outcome['release'] ) . ')' );
				}
				foreach ( $outcome['retry'] as list( $id, $attempts, $next ) ) {
					QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE $table SET attempts = %d, next_attempt_at = %s, claim_token = NULL, claimed_until = NULL WHERE id = %d", $attempts, \Footprints\Events\EventWriter::to_datetime( $next ), $id ) );
				}
				// phpcs:enable
				$this->log->record( $outcome['attempts'] );
				foreach ( $outcome['tally'] as $rule_id => $tally ) {
					if ( $tally['succeeded'] || $tally['failures'] ) {
						if ( $this->rules->count_attempts( $rule_id, $tally['succeeded'], $tally['failures'], $pause_after, intdiv( ( $this->clock )(), 1000 ) ) ) {
							$paused[] = $rule_id;
						}
					}
				}
			}
		);
		$statuses = array_count_values( array_column( $outcome['attempts'], 'status' ) );
		return array(
			'delivered' => $statuses['delivered'] ?? 0,
			'retrying'  => $statuses['retrying'] ?? 0,
			'failed'    => $statuses['failed'] ?? 0,
			'released'  => count( $outcome['release'] ),
			'paused'    => $paused,
		);
	}

	/**
	 * The webhook-id of a delivery: the same on every retry, so a receiver
	 * can tell a retry from a new event.
	 *
	 * @param int    $rule_id  Rule ID.
	 * @param string $event_id Event ID.
	 */
	public static function message_id( int $rule_id, string $event_id ): string {
		return 'msg_' . substr( hash( 'sha256', $rule_id . '|' . $event_id ), 0, 32 );
	}
}
