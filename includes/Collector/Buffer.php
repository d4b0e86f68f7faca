<?php
/**
 * Buffer.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * The fast collector's durable buffer: one file per web node, one JSON
 * line per batch ({"r": received ms, "e": events, "x": rejections}),
 * appended under an exclusive lock. A drain claims the file by renaming
 * it to a unique busy-*.php name; an appender that got its handle before
 * the rename notices (the path no longer names its file) and opens the
 * new buffer, so no batch lands in a file being drained. Busy files stay
 * until their events are committed, so a drain that dies leaves them for
 * the next one. Each file starts with a PHP exit, so a web server that
 * serves the folder shows nothing. Plain PHP.
 */
final class Buffer {

	private const HEADER = "<?php exit; ?>\n";

	/**
	 * Constructor.
	 *
	 * @param string $dir  The buffer folder.
	 * @param string $node This web node's name.
	 */
	public function __construct( private string $dir, private string $node ) {}

	/**
	 * This machine's node name, safe in a file name.
	 */
	public static function node_name(): string {
		return substr( (string) preg_replace( '/[^A-Za-z0-9_-]/', '-', (string) gethostname() ), 0, 40 );
	}

	/**
	 * Appends one batch. Returns whether it was written whole.
	 *
	 * @param int                               $received_ms When it arrived.
	 * @param list<array<string, mixed>>        $events      Validated events.
	 * @param array<string, array<string, int>> $tally       Rejections by code and reason.
	 * @param int                               $wp_user     The signed-in WordPress user who sent it; 0 for nobody.
	 */
	public function append( int $received_ms, array $events, array $tally, int $wp_user = 0 ): bool {
		$line = BatchRecord::encode( $received_ms, $events, $tally, $wp_user ) . "\n";
		$path = $this->dir . '/buffer-' . $this->node . '.php';
		// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.PHP.NoSilencedErrors.Discouraged -- plain PHP without WordPress; failures are returned.
		for ( $attempt = 0; $attempt < 5; $attempt++ ) {
			$handle = @fopen( $path, 'a' );
			if ( ! $handle ) {
				return false;
			}
			flock( $handle, LOCK_EX );
			clearstatcache( true, $path );
			$live = @stat( $path );
			$mine = fstat( $handle );
			if ( ! $live || ! $mine || $mine['ino'] !== $live['ino'] ) {
				// A drain renamed the file while this waited for the lock.
				flock( $handle, LOCK_UN );
				fclose( $handle );
				continue;
			}
			$bytes   = 0 === $mine['size'] ? self::HEADER . $line : $line;
			$written = fwrite( $handle, $bytes );
			$flushed = fflush( $handle );
			if ( strlen( $bytes ) !== $written && false !== $written ) {
				// Take back half a line, so the next batch starts on its own line.
				ftruncate( $handle, max( 0, $mine['size'] ) );
			}
			flock( $handle, LOCK_UN );
			fclose( $handle );
			return strlen( $bytes ) === $written && $flushed;
		}//end for
		// phpcs:enable
		return false;
	}

	/**
	 * Moves every node buffer aside under a unique busy name and returns
	 * every busy file, including those a dead drain left: the caller
	 * (holding the drain lock) drains them all.
	 *
	 * @return list<string> Busy files, oldest first.
	 */
	public function claim(): array {
		// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.PHP.NoSilencedErrors.Discouraged -- plain PHP; a file gone is fine.
		foreach ( (array) glob( $this->dir . '/buffer-*.php' ) as $path ) {
			$handle = @fopen( (string) $path, 'r' );
			if ( ! $handle ) {
				continue;
			}
			flock( $handle, LOCK_EX );
			$busy = sprintf( '%s/busy-%d-%s-%s.php', $this->dir, time(), $this->node, bin2hex( random_bytes( 6 ) ) );
			@rename( (string) $path, $busy );
			flock( $handle, LOCK_UN );
			fclose( $handle );
		}
		// phpcs:enable
		$busy = (array) glob( $this->dir . '/busy-*.php' );
		sort( $busy );
		return array_map( 'strval', $busy );
	}

	/**
	 * The batches of a busy file, a chunk at a time so memory stays bounded
	 * however large it grew. A busy file never changes, so chunk k always
	 * holds the same lines. A line cut short by a crash mid-write is
	 * skipped.
	 *
	 * @param string $busy   Busy file.
	 * @param int    $events Events per chunk, about (whole batches).
	 * @return \Generator<int, list<array{r: int, e: list<array<string, mixed>>, x: array<string, array<string, int>>}>>
	 */
	public function read( string $busy, int $events = 5000 ): \Generator {
		$handle = @fopen( $busy, 'r' ); // phpcs:ignore WordPress.WP.AlternativeFunctions, WordPress.PHP.NoSilencedErrors.Discouraged -- plain PHP.
		if ( ! $handle ) {
			return;
		}
		fgets( $handle );
		// The PHP exit line.
		$chunk = array();
		$size  = 0;
		$line  = fgets( $handle );
		while ( false !== $line ) {
			$batch = BatchRecord::decode( $line );
			if ( $batch ) {
				$chunk[] = $batch;
				$size   += count( $batch['e'] ) + 1;
			}
			if ( $size >= $events ) {
				yield $chunk;
				$chunk = array();
				$size  = 0;
			}
			$line = fgets( $handle );
		}
		fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		if ( $chunk ) {
			yield $chunk;
		}
	}

	/**
	 * Deletes a busy file once its events are committed.
	 *
	 * @param string $busy Busy file.
	 */
	public function delete( string $busy ): void {
		@unlink( $busy ); // phpcs:ignore WordPress.WP.AlternativeFunctions, WordPress.PHP.NoSilencedErrors.Discouraged -- gone already is fine.
	}

	/**
	 * Events waiting (buffer and busy files) and the oldest one's age.
	 *
	 * @param int $now Now, in seconds.
	 * @return array{bytes: int, files: int, oldest: int|null} Bytes, files, and the oldest file's modification time.
	 */
	public function backlog( int $now ): array {
		$bytes  = 0;
		$oldest = null;
		$files  = array_merge( (array) glob( $this->dir . '/buffer-*.php' ), (array) glob( $this->dir . '/busy-*.php' ) );
		foreach ( $files as $file ) {
			$bytes += (int) @filesize( (string) $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
			$oldest = min( $oldest ?? $now, $this->first_batch_time( (string) $file ) ?? $now );
		}
		return array(
			'bytes'  => $bytes,
			'files'  => count( $files ),
			'oldest' => $oldest,
		);
	}

	/**
	 * When the first batch of a file arrived, in seconds.
	 *
	 * @param string $file Buffer or busy file.
	 */
	private function first_batch_time( string $file ): ?int {
		$handle = @fopen( $file, 'r' ); // phpcs:ignore WordPress.WP.AlternativeFunctions, WordPress.PHP.NoSilencedErrors.Discouraged
		if ( ! $handle ) {
			return null;
		}
		fgets( $handle );
		$line = (string) fgets( $handle, 64 );
		fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		return preg_match( '/^\{"r":(\d+)/', $line, $match ) ? intdiv( (int) $match[1], 1000 ) : null;
	}
}
