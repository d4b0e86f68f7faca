<?php
/**
 * PrivacyPolicyText.
 *
 * @package Footprints
 */

namespace Footprints\Privacy;

use Footprints\Ai\NurtureDraft;
use Footprints\Backend\RemoteBackendSettings;
use Footprints\Collector\CollectorSettings;
use Footprints\Hookable;

/**
 * Suggested text for the site's privacy policy (Settings → Privacy →
 * Policy Guide): what Footprints collects and keeps, where it goes and
 * for how long, with this site's own retention and backend filled in.
 */
final class PrivacyPolicyText implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param CollectorSettings     $collector The retention setting.
	 * @param RemoteBackendSettings $backend   Whether events go to a remote backend.
	 */
	public function __construct( private CollectorSettings $collector, private RemoteBackendSettings $backend ) {}

	/**
	 * Adds the text where WordPress gathers plugins' suggestions.
	 */
	public function hook(): void {
		add_action( 'admin_init', array( $this, 'suggest' ) );
	}

	/**
	 * Hands the text to WordPress.
	 */
	public function suggest(): void {
		if ( function_exists( 'wp_add_privacy_policy_content' ) ) {
			wp_add_privacy_policy_content( __( 'Footprints (event tracking)', 'footprints' ), $this->text() );
		}
	}

	/**
	 * The suggested text, as HTML.
	 */
	public function text(): string {
		$paragraphs = array(
			'<strong class="privacy-policy-tutorial">' . esc_html__( 'Suggested text:', 'footprints' ) . '</strong> '
				. esc_html__( 'This site records what visitors do on some of its pages (for example a click on "Start trial", a form sent, a page reached) to understand how the site is used and to follow up with people who asked to be contacted.', 'footprints' ),
			esc_html__( 'When you allow statistics (or the site does not ask), your browser keeps a random device id in its local storage (footprints_device); it is not a cookie and is sent with each recorded event. When you submit a form, the same id is written for 10 minutes into a first-party cookie, footprints_device, so the site can tell which device sent the form. When you are signed in, a cookie named footprints_signin (HttpOnly, signed by the site, removed when you sign out) links your recorded events to your account.', 'footprints' ),
			esc_html__( 'Each event records its name, the time, the page address and the referring page, the device id and any details the page attaches to it (such as a plan name or a price). When you enter your email address in a form, or the site identifies you (for example after you sign in or sign up), your email address, user id and the details you gave are kept with your device id, so your events form one history.', 'footprints' ),
			esc_html__( 'Footprints does not store your IP address. To limit abuse, the number of requests from an address in the last minute is counted under a keyed hash whose key changes every day and is then deleted; the counts are deleted after two minutes.', 'footprints' ),
			$this->where_it_goes(),
			esc_html__( 'If the site owner has set up automations, some events (with the details listed above, which may include your email address) are sent to the services they chose: a webhook of their own, a Slack channel or a customer relationship management (CRM) system. When the owner chose it, a summary of your recorded activity goes with them: who you are as far as the owner mapped it, and your events in order with their descriptions and pages.', 'footprints' ),
			$this->ai_drafts(),
			esc_html(
				sprintf(
					/* translators: %d: number of days. */
					__( 'Events are kept for %d days; after that only daily totals remain, which do not identify anyone. You can ask for a copy of your data or for it to be erased: an erasure removes your email address, ids, sign-in link and personal details, and leaves your events as anonymous counts under a new random device id that cannot be linked back to you.', 'footprints' ),
					$this->collector->retention_days()
				)
			),
		);
		return '<p>' . implode( '</p><p>', array_filter( $paragraphs ) ) . '</p>';
	}

	/**
	 * What goes to an AI provider, to whom and when; nothing where the site
	 * switched AI off (wp_supports_ai() false) or WordPress has no AI client.
	 */
	private function ai_drafts(): string {
		if ( NurtureDraft::client_state() ) {
			return '';
		}
		return esc_html__( 'If the site owner has connected an AI service (under Settings → Connectors in WordPress), a summary of your activity may be sent to that service to draft an email to you: your email address, name, user id and the details you gave that the owner chose to use (such as company, phone or job title), and your recorded events in order with their names, descriptions, pages and times, the details each carried (such as the plan you chose) and the random ids of your devices, together with the owner\'s instructions for the email. This happens only when someone on the site\'s team asks for a draft, or when an automation the owner set up to draft emails runs; the service\'s own terms govern what it keeps.', 'footprints' );
	}

	/**
	 * Where events are stored: this site, or the remote backend it sends them to.
	 */
	private function where_it_goes(): string {
		if ( ! $this->backend->is_remote() ) {
			return esc_html__( 'Events are stored in this site\'s own database.', 'footprints' );
		}
		$host = (string) wp_parse_url( $this->backend->url(), PHP_URL_HOST );
		return esc_html(
			sprintf(
				/* translators: %s: host name of the event backend. */
				__( 'Events are sent from your browser to, and stored by, the event backend this site uses (%s); requests for a copy or an erasure of that data are handled by its owner.', 'footprints' ),
				'' !== $host ? $host : __( 'a separate server', 'footprints' )
			)
		);
	}
}
