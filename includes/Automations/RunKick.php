<?php
/**
 * RunKick.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Database\QueryFailed;
use Footprints\Hookable;

/**
 * Wakes the worker right after events were queued, out of the request
 * path: when the request ends (the events are committed by then) it sends
 * a non-blocking loopback POST to admin-ajax.php, and that request works
 * the queue. At most one is in flight: a slot (an option holding until
 * when it is taken) is taken by one atomic UPDATE, and given back when the
 * worker is done (or expires, if it died). The loopback is authenticated
 * by a random 256-bit token of this site, compared in constant time; it is
 * never printed anywhere, so nobody outside can make the site work its
 * queue. WP-Cron and `wp footprints automations run` work it too.
 */
final class RunKick implements Hookable {

	public const ACTION       = 'footprints_automations_run';
	public const TOKEN_OPTION = 'footprints_automations_token';
	public const SLOT_OPTION  = 'footprints_automations_kick_until';

	// The worker's time per loopback request, and the slot's hold past it.
	public const RUN_SECONDS   = 20;
	private const SLOT_SECONDS = 60;

	/**
	 * Whether the kick is registered for this request's end.
	 *
	 * @var bool
	 */
	private bool $pending = false;

	/**
	 * Constructor.
	 *
	 * @param \wpdb    $wpdb   WordPress' database connection.
	 * @param \Closure $worker Returns the worker (made only when one runs).
	 */
	public function __construct( private \wpdb $wpdb, private \Closure $worker ) {}

	/**
	 * Serves the loopback request.
	 */
	public function hook(): void {
		add_action( 'wp_ajax_nopriv_' . self::ACTION, array( $this, 'serve' ) );
		add_action( 'wp_ajax_' . self::ACTION, array( $this, 'serve' ) );
	}

	/**
	 * Kicks the worker when this request ends (once, however many writes queued).
	 */
	public function after_request(): void {
		if ( ! $this->pending ) {
			$this->pending = true;
			add_action( 'shutdown', array( $this, 'kick' ) );
		}
	}

	/**
	 * Sends the loopback request, unless one is in flight.
	 */
	public function kick(): void {
		/**
		 * Whether queued deliveries start a loopback worker at once (false:
		 * WP-Cron and WP-CLI only, e.g. on a host that blocks loopback requests).
		 *
		 * @param bool $kick Kick.
		 */
		if ( ! apply_filters( 'footprints_automations_kick', true ) || ! $this->take_slot() ) {
			return;
		}
		wp_remote_post(
			admin_url( 'admin-ajax.php' ),
			array(
				'blocking'  => false,
				'timeout'   => 0.01,
				'body'      => array(
					'action' => self::ACTION,
					'token'  => $this->token(),
				),
				/** This filter is documented in wp-includes/class-wp-http-streams.php */
				'sslverify' => apply_filters( 'https_local_ssl_verify', false ), // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's filter.
			)
		);
	}

	/**
	 * The loopback request: works the queue, then frees the slot.
	 */
	public function serve(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- authenticated by the site's secret token, not a user's nonce.
		$token = isset( $_POST['token'] ) ? sanitize_text_field( wp_unslash( $_POST['token'] ) ) : '';
		if ( ! hash_equals( $this->token(), $token ) ) {
			wp_die( '', '', array( 'response' => 403 ) );
		}
		ignore_user_abort( true );
		// The run stops claiming after RUN_SECONDS; the last attempt may take a timeout more.
		set_time_limit( self::RUN_SECONDS + 2 * AutomationRules::limit( 'timeoutSeconds' ) + 10 );
		try {
			( $this->worker )()->run( self::RUN_SECONDS );
		} finally {
			$this->free_slot();
		}
		wp_die( '', '', array( 'response' => 200 ) );
	}

	/**
	 * The site's loopback token, made on first use.
	 */
	public function token(): string {
		$token = get_option( self::TOKEN_OPTION );
		if ( ! is_string( $token ) || 64 !== strlen( $token ) ) {
			$token = bin2hex( random_bytes( 32 ) );
			// Not autoloaded: only the kick and the loopback read it.
			if ( ! add_option( self::TOKEN_OPTION, $token, '', false ) ) {
				update_option( self::TOKEN_OPTION, $token, false );
			}
		}
		return $token;
	}

	/**
	 * Takes the slot if it is free (one atomic UPDATE); whether it did.
	 */
	public function take_slot(): bool {
		$wpdb = $this->wpdb;
		$now  = time();
		try {
			$taken = QueryFailed::run(
				$wpdb,
				$wpdb->prepare(
					"UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND CAST(option_value AS UNSIGNED) < %d",
					(string) ( $now + self::RUN_SECONDS + self::SLOT_SECONDS ),
					self::SLOT_OPTION,
					$now
				)
			);
		} catch ( QueryFailed $failed ) {
			// No kick: WP-Cron works the queue within a minute.
			return false;
		}
		if ( $taken ) {
			return true;
		}
		// The first kick ever: whoever adds the option holds the slot.
		return null === $wpdb->get_var( $wpdb->prepare( "SELECT option_id FROM {$wpdb->options} WHERE option_name = %s", self::SLOT_OPTION ) )
			&& add_option( self::SLOT_OPTION, (string) ( $now + self::RUN_SECONDS + self::SLOT_SECONDS ), '', false );
	}

	/**
	 * Frees the slot.
	 */
	public function free_slot(): void {
		$wpdb = $this->wpdb;
		QueryFailed::run( $wpdb, $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = '0' WHERE option_name = %s", self::SLOT_OPTION ) );
	}
}
