<?php
/**
 * The events that carry trust (identity_conversion, verified_conversion,
 * authentication, deidentification_requested, deidentification) cannot
 * be placed on a page element: the block, the panel on core blocks and
 * the shortcode render the content untracked.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class ServerOnlyTriggersTest extends TestCase {

	public const SERVER_ONLY = array( 'identity_conversion', 'verified_conversion', 'authentication', 'deidentification_requested', 'deidentification' );

	public function test_no_trigger_fires_a_server_only_event(): void {
		foreach ( self::SERVER_ONLY as $code ) {
			$html = $this->render(
				"<!-- wp:footprints/track {\"event\":\"$code\"} --><!-- wp:paragraph --><p>Block</p><!-- /wp:paragraph --><!-- /wp:footprints/track -->" .
				"<!-- wp:heading {\"footprints\":{\"event\":\"$code\",\"on\":\"view\"}} --><h2 class=\"wp-block-heading\">Panel</h2><!-- /wp:heading -->" .
				"[footprints event=\"$code\"]Shortcode[/footprints]"
			);

			$this->assertStringNotContainsString( 'data-footprints-event', $html, $code );
			$this->assertStringContainsString( 'Block', $html );
			$this->assertStringContainsString( 'Panel', $html );
			$this->assertStringContainsString( 'Shortcode', $html );
		}
	}

	public function test_an_editor_is_told_why(): void {
		$this->log_in_as( 'editor' );

		$html = $this->render( '[footprints event="authentication"]Sign in[/footprints]' );

		$this->assertStringContainsString( 'The event &quot;authentication&quot; carries trust, so only the server records it; it cannot be placed on a page element.', $html );
	}

	public function test_an_ordinary_system_event_can_still_be_placed(): void {
		$this->assertStringContainsString( 'data-footprints-event="contact_us"', $this->render( '[footprints event="contact_us"]Contact[/footprints]' ) );
	}
}
