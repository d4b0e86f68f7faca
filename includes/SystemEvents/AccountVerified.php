<?php
/**
 * AccountVerified.
 *
 * @package Footprints
 */

namespace Footprints\SystemEvents;

use Footprints\Collector\SiteAppId;
use Footprints\Hookable;

/**
 * `verified_conversion` (Profile Verified), once per person: a visitor
 * created their own account (`user_register` while nobody is signed in:
 * wp-login.php's registration, or a sign-up form on a page that loads the
 * client, e.g. a shop's checkout), or proved they own its email by setting their password through
 * the emailed link (`after_password_reset`, e.g. a user an admin created).
 * Never for an account an admin, WP-CLI or cron creates: that device is
 * not the person's. The device comes from the handoff cookie and the new
 * user is trusted context, so the device becomes the person wp:<ID>.
 * Without that cookie nothing shows that a visitor's browser did it (a
 * payment provider's webhook creates accounts while nobody is signed in
 * too), so nothing is recorded: no device, no verified visitor.
 *
 * Once per person: the event id is made from the site and the user, so a
 * second try is "already stored"; and it is not sent when any device of
 * the person wp:<ID> has one already (also one recorded by other code).
 */
final class AccountVerified implements Hookable {

	public const CODE = 'verified_conversion';

	/**
	 * Constructor.
	 *
	 * @param \wpdb        $wpdb   WordPress' database connection.
	 * @param ServerEvents $events Records system events.
	 * @param SiteAppId    $app_id This site's app ID (its people).
	 */
	public function __construct( private \wpdb $wpdb, private ServerEvents $events, private SiteAppId $app_id ) {}

	/**
	 * Hooks new accounts and password resets.
	 */
	public function hook(): void {
		add_action( 'user_register', array( $this, 'registered' ) );
		add_action( 'after_password_reset', array( $this, 'password_set' ) );
	}

	/**
	 * An account was created: the visitor's own when nobody is signed in.
	 *
	 * @param mixed $user_id The new user's ID.
	 */
	public function registered( mixed $user_id ): void {
		if ( is_numeric( $user_id ) ) {
			$this->verified( (int) $user_id, 'register' );
		}
	}

	/**
	 * A password was set through the emailed link.
	 *
	 * @param mixed $user The user.
	 */
	public function password_set( mixed $user ): void {
		if ( $user instanceof \WP_User ) {
			$this->verified( $user->ID, 'email_link' );
		}
	}

	/**
	 * Records the event unless someone else acts, or the person has one.
	 *
	 * @param int    $user_id The user.
	 * @param string $method  How the account was verified.
	 */
	private function verified( int $user_id, string $method ): void {
		if ( $user_id <= 0 || null === DeviceHandoff::device_id() || get_current_user_id() > 0 || wp_doing_cron() || ( defined( 'WP_CLI' ) && WP_CLI ) || ( defined( 'XMLRPC_REQUEST' ) && XMLRPC_REQUEST ) ) {
			return;
		}
		if ( ! $this->events->is_on( self::CODE ) || $this->has_one( $user_id ) ) {
			return;
		}
		$this->events->record(
			self::CODE,
			array( 'method' => $method ),
			array(
				'wp_user' => $user_id,
				'id'      => self::event_id( $user_id ),
			)
		);
	}

	/**
	 * The one id this site's event for this user can have.
	 *
	 * @param int $user_id The user.
	 */
	public static function event_id( int $user_id ): string {
		return substr( hash( 'sha256', home_url() . '|' . self::CODE . '|' . $user_id ), 0, 32 );
	}

	/**
	 * Whether a device of the person wp:<ID> has the event already.
	 *
	 * @param int $user_id The user.
	 */
	private function has_one( int $user_id ): bool {
		$wpdb = $this->wpdb;
		return (bool) $wpdb->get_var(
			$wpdb->prepare(
				"SELECT 1 FROM {$wpdb->prefix}footprints_person_ids i
				JOIN {$wpdb->prefix}footprints_person_devices d ON d.person_id = i.person_id
				JOIN {$wpdb->prefix}footprints_events e ON e.code = %s AND e.device_id = d.device_id
				WHERE i.kind = 'wp' AND i.value = %s AND i.app_id = %s LIMIT 1",
				self::CODE,
				(string) $user_id,
				$this->app_id->get()
			)
		);
	}
}
