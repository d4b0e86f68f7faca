<?php
/**
 * SyncStatus.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

/**
 * What the last sync did: when it was tried, when it last worked, what
 * changed, and why it failed. Also keeps the ETag of the last good copy,
 * tied to the backend it came from.
 */
final class SyncStatus {

	public const OPTION      = 'footprints_sync_status';
	public const ETAG_OPTION = 'footprints_sync_etag';

	// The status is one option: a sync of thousands lists the first codes only.
	private const CODES_KEPT = 100;

	/**
	 * The status resource.
	 *
	 * `codes` lists what changed by code (at most CODES_KEPT of each);
	 * `kept` are the removed ones kept here, disabled, for their history.
	 * `problems` holds at most Syncer::MAX_PROBLEMS; `problems_total` counts all.
	 *
	 * @return array{last_attempt: string|null, last_success: string|null, result: string|null, added: int, changed: int, removed: int, kept: int, codes: array{added: list<string>, changed: list<string>, removed: list<string>, kept: list<string>}, error: array{code: string, message: string}|null, problems: list<array{code: string|null, message: string}>, problems_total: int, duration_ms: int}
	 */
	public function get(): array {
		$stored = get_option( self::OPTION );
		$status = array_merge(
			array(
				'last_attempt'   => null,
				'last_success'   => null,
				'result'         => null,
				'added'          => 0,
				'changed'        => 0,
				'removed'        => 0,
				'kept'           => 0,
				'codes'          => self::no_codes(),
				'error'          => null,
				'problems'       => array(),
				'problems_total' => 0,
				'duration_ms'    => 0,
			),
			is_array( $stored ) ? $stored : array()
		);
		unset( $status['source'] );
		return $status;
	}

	/**
	 * Whether a sync from this backend never worked here yet.
	 *
	 * @param string $source Identifies the backend (URL and app ID).
	 */
	public function is_first( string $source ): bool {
		$stored = get_option( self::OPTION );
		if ( ! is_array( $stored ) || empty( $stored['last_success'] ) ) {
			return true;
		}
		// A status written before it named its backend: the ETag's does.
		$etag = get_option( self::ETAG_OPTION );
		return ( $stored['source'] ?? ( is_array( $etag ) ? ( $etag['source'] ?? '' ) : '' ) ) !== $source;
	}

	/**
	 * Records a sync that worked ('synced' or 'unchanged').
	 *
	 * @param string                                                                                       $result     What happened.
	 * @param array{added: list<string>, changed: list<string>, removed: list<string>, kept: list<string>} $diff       What changed.
	 * @param int                                                                                          $started_ms When the sync started.
	 * @param string                                                                                       $source     Identifies the backend.
	 */
	public function succeeded( string $result, array $diff, int $started_ms, string $source ): void {
		$now = gmdate( 'Y-m-d\TH:i:s\Z' );
		$this->save(
			array(
				'last_attempt'   => $now,
				'last_success'   => $now,
				'source'         => $source,
				'result'         => $result,
				'added'          => count( $diff['added'] ),
				'changed'        => count( $diff['changed'] ),
				'removed'        => count( $diff['removed'] ),
				'kept'           => count( $diff['kept'] ),
				'codes'          => array_map( static fn( array $codes ) => array_slice( $codes, 0, self::CODES_KEPT ), $diff ),
				'error'          => null,
				'problems'       => array(),
				'problems_total' => 0,
				'duration_ms'    => self::now_ms() - $started_ms,
			)
		);
	}

	/**
	 * Records a failed sync; the counts say nothing changed.
	 *
	 * @param \WP_Error                                       $error          Why it failed.
	 * @param list<array{code: string|null, message: string}> $problems       Per-definition problems (the first ones).
	 * @param int                                             $problems_total How many problems there were in all.
	 * @param int                                             $started_ms     When the sync started.
	 */
	public function failed( \WP_Error $error, array $problems, int $problems_total, int $started_ms ): void {
		$this->save(
			array(
				'last_attempt'   => gmdate( 'Y-m-d\TH:i:s\Z' ),
				'result'         => 'error',
				'added'          => 0,
				'changed'        => 0,
				'removed'        => 0,
				'kept'           => 0,
				'codes'          => self::no_codes(),
				'error'          => array(
					'code'    => (string) $error->get_error_code(),
					'message' => $error->get_error_message(),
				),
				'problems'       => $problems,
				'problems_total' => $problems_total,
				'duration_ms'    => self::now_ms() - $started_ms,
			)
		);
	}

	/**
	 * No codes changed.
	 *
	 * @return array{added: list<string>, changed: list<string>, removed: list<string>, kept: list<string>}
	 */
	public static function no_codes(): array {
		return array(
			'added'   => array(),
			'changed' => array(),
			'removed' => array(),
			'kept'    => array(),
		);
	}

	/**
	 * The ETag of the last good copy, if it came from this backend.
	 *
	 * @param string $source Identifies the backend (URL and app ID).
	 */
	public function etag( string $source ): ?string {
		$stored = get_option( self::ETAG_OPTION );
		return is_array( $stored ) && ( $stored['source'] ?? '' ) === $source ? (string) $stored['etag'] : null;
	}

	/**
	 * Remembers the ETag of the copy just stored.
	 *
	 * @param string $source Identifies the backend.
	 * @param string $etag   ETag.
	 */
	public function set_etag( string $source, string $etag ): void {
		update_option(
			self::ETAG_OPTION,
			array(
				'source' => $source,
				'etag'   => $etag,
			),
			false
		);
	}

	/**
	 * Milliseconds since 1970.
	 */
	public static function now_ms(): int {
		return (int) floor( microtime( true ) * 1000 );
	}

	/**
	 * Writes the status over the previous one (keeping its last success).
	 *
	 * @param array<string, mixed> $status Fields to write.
	 */
	private function save( array $status ): void {
		update_option( self::OPTION, array_merge( $this->get(), $status ), false );
	}
}
