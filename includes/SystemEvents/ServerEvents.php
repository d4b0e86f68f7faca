<?php
/**
 * ServerEvents.
 *
 * @package Footprints
 */

namespace Footprints\SystemEvents;

use Footprints\Definitions\DefinitionRepository;

/**
 * Records a system event where WordPress says it happened (a sign-in, a
 * new account, a form plugin's submission, a privacy request), through
 * footprints_track(): the device is the one the
 * request carries (DeviceHandoff), the WordPress user is trusted context,
 * and the page is the one the visitor acted on, without its query (a
 * reset link's key stays out of the events). A system event the site owner switched
 * off (its definition disabled) is not sent at all: that is its "off",
 * not an error to count.
 */
final class ServerEvents {

	/** The longest page URL the event schema takes. */
	private const PAGE_LENGTH = 2048;

	/**
	 * Constructor.
	 *
	 * @param DefinitionRepository $definitions Stored definitions (whether an event is switched on).
	 */
	public function __construct( private DefinitionRepository $definitions ) {}

	/**
	 * Whether the site tracks this event (its definition exists and is enabled).
	 *
	 * @param string $code Event code.
	 */
	public function is_on( string $code ): bool {
		$definition = $this->definitions->find( $code );
		return null !== $definition && (bool) $definition['enabled'];
	}

	/**
	 * Records the event: its id, or why it was not stored, or null when it
	 * is switched off. A failure is written to the PHP error log: the
	 * request that caused it (a sign-in, a form sent, a privacy request)
	 * must go on. This is the one way a server hook records a system event.
	 *
	 * @param string               $code       Event code.
	 * @param array<string, mixed> $attributes Attributes.
	 * @param array<string, mixed> $context    footprints_track()'s context: wp_user (the WordPress user it happened to), id (a fixed event id, so a second try can never count twice); device_id and page when not the request's own (the handoff cookie's device, the page acted on).
	 */
	public function record( string $code, array $attributes, array $context = array() ): string|\WP_Error|null {
		if ( ! $this->is_on( $code ) ) {
			return null;
		}
		$context = array_filter(
			$context + array(
				'device_id' => DeviceHandoff::device_id(),
				'page'      => self::page(),
			),
			static fn( $value ) => null !== $value && '' !== $value && 0 !== $value
		);
		$result  = footprints_track( $code, $attributes, $context );
		if ( is_wp_error( $result ) && 'footprints_duplicate_event' !== $result->get_error_code() ) {
			// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- a hook's failure must not stop a sign-in; the log is where the site owner sees it.
			error_log( sprintf( 'Footprints: the system event "%s" was not stored: %s', $code, $result->get_error_message() ) );
		}
		return $result;
	}

	/**
	 * The page the visitor acted on, without its query or fragment: the
	 * referring page of this site when the browser names one (a sign-up
	 * posted by AJAX from a checkout page is the checkout page's), else
	 * the URL of this request (wp-login.php's own form posts to itself);
	 * '' when there is no request (WP-CLI, cron).
	 */
	private static function page(): string {
		$home     = (array) wp_parse_url( home_url() );
		$origin   = ( $home['scheme'] ?? 'http' ) . '://' . ( $home['host'] ?? '' ) . ( isset( $home['port'] ) ? ':' . $home['port'] : '' );
		$referrer = (array) wp_parse_url( (string) wp_get_raw_referer() );
		$same     = array( $home['host'] ?? '', $home['port'] ?? null ) === array( $referrer['host'] ?? null, $referrer['port'] ?? null );
		if ( $same && isset( $referrer['path'] ) ) {
			return substr( $origin . $referrer['path'], 0, self::PAGE_LENGTH );
		}
		$uri = isset( $_SERVER['REQUEST_URI'] ) ? esc_url_raw( wp_unslash( $_SERVER['REQUEST_URI'] ) ) : '';
		if ( '' === $uri ) {
			return '';
		}
		return substr( $origin . (string) wp_parse_url( $uri, PHP_URL_PATH ), 0, self::PAGE_LENGTH );
	}
}
