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

	/**
	 * The status resource.
	 *
	 * @return array{last_attempt: string|null, last_success: string|null, result: string|null, added: int, changed: int, removed: int, error: array{code: string, message: string}|null, problems: list<array{code: string|null, message: string}>, duration_ms: int}
	 */
	public function get(): array {
		$stored = get_option( self::OPTION );
		return array_merge(
			array(
				'last_attempt' => null,
				'last_success' => null,
				'result'       => null,
				'added'        => 0,
				'changed'      => 0,
				'removed'      => 0,
				'error'        => null,
				'problems'     => array(),
				'duration_ms'  => 0,
			),
			is_array( $stored ) ? $stored : array()
		);
	}

	/**
	 * Records a sync that worked ('synced' or 'unchanged').
	 *
	 * @param string                                                                   $result  What happened.
	 * @param array{added: list<string>, changed: list<string>, removed: list<string>} $diff What changed.
	 * @param int                                                                      $started_ms When the sync started.
	 */
	public function succeeded( string $result, array $diff, int $started_ms ): void {
		$now = gmdate( 'Y-m-d\TH:i:s\Z' );
		$this->save(
			array(
				'last_attempt' => $now,
				'last_success' => $now,
				'result'       => $result,
				'added'        => count( $diff['added'] ),
				'changed'      => count( $diff['changed'] ),
				'removed'      => count( $diff['removed'] ),
				'error'        => null,
				'problems'     => array(),
				'duration_ms'  => self::now_ms() - $started_ms,
			)
		);
	}

	/**
	 * Records a failed sync; the counts say nothing changed.
	 *
	 * @param \WP_Error                                       $error      Why it failed.
	 * @param list<array{code: string|null, message: string}> $problems   Per-definition problems.
	 * @param int                                             $started_ms When the sync started.
	 */
	public function failed( \WP_Error $error, array $problems, int $started_ms ): void {
		$this->save(
			array(
				'last_attempt' => gmdate( 'Y-m-d\TH:i:s\Z' ),
				'result'       => 'error',
				'added'        => 0,
				'changed'      => 0,
				'removed'      => 0,
				'error'        => array(
					'code'    => (string) $error->get_error_code(),
					'message' => $error->get_error_message(),
				),
				'problems'     => $problems,
				'duration_ms'  => self::now_ms() - $started_ms,
			)
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
