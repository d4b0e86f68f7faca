<?php
/**
 * The privacy-policy text Footprints suggests in Settings → Privacy → Policy Guide.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- WordPress' own privacy hooks, run as core runs them.

use Footprints\Privacy\PrivacyPolicyText;

final class PrivacyPolicyTextTest extends TestCase {

	protected function tearDown(): void {
		unset( $GLOBALS['current_screen'] );
		parent::tearDown();
	}

	public function test_the_policy_guide_gets_what_is_collected_where_it_goes_and_for_how_long(): void {
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-privacy-policy-content.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		update_option( 'footprints_retention_days', 90 );
		set_current_screen( 'options-privacy' );

		// admin_init with only the plugin's suggestion on it, as wp-admin runs it.
		// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- admin_init is put back as it was.
		global $wp_filter;
		$hooked                  = $this->policy_text();
		$saved                   = $wp_filter['admin_init'];
		$wp_filter['admin_init'] = new \WP_Hook();
		add_action( 'admin_init', array( $hooked, 'suggest' ) );
		do_action( 'admin_init' );
		$wp_filter['admin_init'] = $saved;
		// phpcs:enable WordPress.WP.GlobalVariablesOverride.Prohibited

		$content = ( new \ReflectionClass( \WP_Privacy_Policy_Content::class ) )->getStaticPropertyValue( 'policy_content' );
		$ours    = array_values( array_filter( $content, static fn( array $item ) => 'Footprints (event tracking)' === $item['plugin_name'] ) );
		$this->assertCount( 1, $ours );
		$text = html_entity_decode( wp_strip_all_tags( $ours[0]['policy_text'] ), ENT_QUOTES );
		foreach ( array( 'local storage (footprints_device)', 'cookie, footprints_device', 'footprints_signin', 'the page address', 'your email address', 'does not store your IP address', 'Events are stored in this site\'s own database', 'a webhook of their own, a Slack channel or a customer relationship management (CRM) system', 'When the owner chose it, a summary of your recorded activity goes with them', 'Events are kept for 90 days' ) as $phrase ) {
			$this->assertStringContainsString( $phrase, $text );
		}
	}

	public function test_with_a_remote_backend_the_text_names_its_host(): void {
		update_option(
			'footprints_backend',
			array(
				'mode'   => \Footprints\Backend\RemoteBackendSettings::REMOTE,
				'url'    => 'https://events.example.org',
				'app_id' => 'app_remote12345',
			)
		);
		$text = html_entity_decode( wp_strip_all_tags( $this->policy_text()->text() ), ENT_QUOTES );

		$this->assertStringContainsString( 'stored by, the event backend this site uses (events.example.org)', $text );
		$this->assertStringNotContainsString( 'this site\'s own database', $text );
	}

	public function test_the_text_says_what_a_draft_sends_to_the_ai_provider_to_whom_and_when_unless_ai_is_off(): void {
		$text = html_entity_decode( wp_strip_all_tags( $this->policy_text()->text() ), ENT_QUOTES );

		foreach ( array( 'connected an AI service (under Settings → Connectors in WordPress)', 'your email address, name, user id and the details you gave that the owner chose to use', 'your recorded events in order with their names, descriptions, pages and times', 'the owner\'s instructions for the email', 'only when someone on the site\'s team asks for a draft, or when an automation the owner set up to draft emails runs' ) as $phrase ) {
			$this->assertStringContainsString( $phrase, $text );
		}

		add_filter( 'wp_supports_ai', '__return_false' );
		$off = $this->policy_text()->text();
		remove_filter( 'wp_supports_ai', '__return_false' );
		$this->assertStringNotContainsString( 'AI service', $off );
		$this->assertStringNotContainsString( '<p></p>', $off );
	}

	/**
	 * The policy text the plugin hooked on admin_init.
	 */
	private function policy_text(): PrivacyPolicyText {
		global $wp_filter;
		foreach ( $wp_filter['admin_init']->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof PrivacyPolicyText ) {
					return $callback['function'][0];
				}
			}
		}
		$this->fail( 'The plugin hooks its privacy-policy text on admin_init.' );
	}
}
