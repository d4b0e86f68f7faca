<?php
/**
 * ClientStub.
 *
 * @package Footprints
 */

namespace Footprints\Assets;

use Footprints\Hookable;

/**
 * The inline stub: defines window.footprints before the module runs and
 * queues early calls (with the document's title then) for the client to
 * replay. The same few bytes for every visitor (no nonce, nothing per
 * user), so full-page caches stay safe. It lives under data/, not src/: a
 * release ships no TypeScript sources.
 */
final class ClientStub implements Hookable {

	public const FILE = '/data/client-stub.min.js';

	/**
	 * Whether this page got the stub already.
	 *
	 * @var bool
	 */
	private bool $printed = false;

	/**
	 * Constructor.
	 *
	 * @param Client $client The client module, to know whether the page loads it.
	 */
	public function __construct( private Client $client ) {}

	/**
	 * As early as possible: in the head when the page knows by then that it
	 * tracks (block themes render content first, code may enqueue early);
	 * otherwise in the footer, still before the module and its data.
	 */
	public function hook(): void {
		add_action( 'wp_head', array( $this, 'print' ), 1 );
		add_action( 'wp_footer', array( $this, 'print' ), 1 );
	}

	/**
	 * The stub's source (hand-minified).
	 */
	public static function source(): string {
		return trim( (string) file_get_contents( FOOTPRINTS_DIR . self::FILE ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file of the plugin.
	}

	/**
	 * Prints the stub once, on pages that load the client.
	 */
	public function print(): void {
		if ( $this->printed || ! $this->client->is_enqueued() ) {
			return;
		}
		$this->printed = true;
		wp_print_inline_script_tag( self::source() );
	}
}
