<?php
/**
 * RateLimiter.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * Requests per client per window (data/collector-limits.json), counted in
 * one small file per client under an exclusive lock, so the fast collector
 * and the REST route share the count on one node without a database. A
 * client over the limit gets 429 with Retry-After. A counter is named by
 * the address's keyed hash of the day (AddressKey), never by the address
 * or a plain hash of it, and is deleted two windows after its last request
 * (sweep(), run by the drain). Plain PHP.
 */
final class RateLimiter {

	/**
	 * Constructor.
	 *
	 * @param string $dir      Folder of the counters.
	 * @param int    $requests Requests allowed per window.
	 * @param int    $seconds  Window length.
	 */
	public function __construct( private string $dir, private int $requests, private int $seconds ) {}

	/**
	 * Counts one request; null when allowed, else the refusal to send.
	 *
	 * @param string $client The client's address.
	 * @param int    $now    Now, in seconds since 1970.
	 */
	public function hit( string $client, int $now ): ?Refusal {
		// No socket: WordPress dispatching a request to itself.
		if ( '' === $client ) {
			return null;
		}
		$name = ( new AddressKey( $this->dir ) )->name( $client, $now );
		if ( '' === $name ) {
			return null;
		}
		// phpcs:disable WordPress.WP.AlternativeFunctions -- plain PHP: the fast collector runs without WordPress.
		$file   = $this->dir . '/' . $name . '.php';
		$handle = @fopen( $file, 'c+' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- an unwritable folder must not stop collection.
		if ( ! $handle ) {
			return null;
		}
		flock( $handle, LOCK_EX );
		// A PHP exit line, then "window-start count".
		$state = preg_split( '/\s+/', trim( (string) substr( (string) stream_get_contents( $handle ), 15 ) ) );
		$start = (int) ( $state[0] ?? 0 );
		$count = (int) ( $state[1] ?? 0 );
		if ( $now >= $start + $this->seconds ) {
			$start = $now;
			$count = 0;
		}
		++$count;
		// Fixed width, written over the old state: truncating a file costs
		// a journal commit on ext4 (milliseconds), overwriting does not.
		rewind( $handle );
		fwrite( $handle, sprintf( "<?php exit; ?>\n%-12d %-12d\n", $start, $count ) );
		flock( $handle, LOCK_UN );
		fclose( $handle );
		// phpcs:enable
		if ( $count <= $this->requests ) {
			return null;
		}
		$wait = max( 1, $start + $this->seconds - $now );
		return new Refusal(
			429,
			'footprints_rate_limited',
			/* translators: 1: requests allowed, 2: seconds, 3: seconds to wait. */
			sprintf( __( 'Too many requests from this address: at most %1$d per %2$d seconds. Try again in %3$d seconds.', 'footprints' ), $this->requests, $this->seconds, $wait ),
			array( 'Retry-After' => (string) $wait )
		);
	}

	/**
	 * Deletes the counters of windows long closed, and the keys of past days.
	 *
	 * @param int $now Now, in seconds since 1970.
	 */
	public function sweep( int $now ): void {
		( new AddressKey( $this->dir ) )->sweep( $now );
		foreach ( (array) glob( $this->dir . '/[0-9a-f]*.php' ) as $file ) {
			if ( 'index.php' !== basename( (string) $file ) && (int) filemtime( (string) $file ) < $now - 2 * $this->seconds ) {
				@unlink( (string) $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.unlink_unlink -- a counter in use may be gone already.
			}
		}
	}
}
