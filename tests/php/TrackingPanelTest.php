<?php
/**
 * The Event tracking panel puts the markup contract on the outer element of
 * each supported core block, and leaves every other block untouched.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class TrackingPanelTest extends TestCase {

	private const SETTINGS = '"footprints":{"event":"trial_click","on":"click","attrs":{"plan":"pro"}}';

	/**
	 * @dataProvider tracked_core_blocks
	 *
	 * @param string $markup       Saved block markup with tracking settings.
	 * @param string $outer_tag    The block's outer element.
	 * @param string $visible_text Text the block still shows.
	 */
	public function test_a_tracked_core_block_carries_the_contract_on_its_outer_element( string $markup, string $outer_tag, string $visible_text ): void {
		$html = $this->render( $markup );

		$processor = new \WP_HTML_Tag_Processor( $html );
		$this->assertTrue( $processor->next_tag(), "No element in: $html" );
		$this->assertSame( $outer_tag, strtolower( $processor->get_tag() ) );
		$this->assertSame( 'trial_click', $processor->get_attribute( 'data-footprints-event' ) );
		$this->assertSame( 'click', $processor->get_attribute( 'data-footprints-on' ) );
		$this->assertSame( array( 'plan' => 'pro' ), json_decode( (string) $processor->get_attribute( 'data-footprints-attrs' ), true ) );
		$this->assertStringContainsString( $visible_text, $html );
	}

	/**
	 * Each core block the panel supports, as the editor saves it.
	 *
	 * @return array<string, array{string, string, string}>
	 */
	public function tracked_core_blocks(): array {
		$s = self::SETTINGS;
		return array(
			'button'          => array( "<!-- wp:button {{$s}} --><div class=\"wp-block-button\"><a class=\"wp-block-button__link wp-element-button\" href=\"/trial\">Try it</a></div><!-- /wp:button -->", 'div', 'Try it' ),
			'image'           => array( "<!-- wp:image {{$s}} --><figure class=\"wp-block-image\"><img src=\"/a.png\" alt=\"Pricing chart\"/></figure><!-- /wp:image -->", 'figure', 'Pricing chart' ),
			'heading'         => array( "<!-- wp:heading {{$s}} --><h2 class=\"wp-block-heading\">Pricing</h2><!-- /wp:heading -->", 'h2', 'Pricing' ),
			'paragraph'       => array( "<!-- wp:paragraph {{$s}} --><p>Read the docs</p><!-- /wp:paragraph -->", 'p', 'Read the docs' ),
			'group'           => array( "<!-- wp:group {{$s}} --><div class=\"wp-block-group\"><!-- wp:paragraph --><p>Inside</p><!-- /wp:paragraph --></div><!-- /wp:group -->", 'div', 'Inside' ),
			'cover'           => array( "<!-- wp:cover {{$s},\"dimRatio\":50} --><div class=\"wp-block-cover\"><span aria-hidden=\"true\" class=\"wp-block-cover__background has-background-dim\"></span><div class=\"wp-block-cover__inner-container\"><!-- wp:paragraph --><p>Hero</p><!-- /wp:paragraph --></div></div><!-- /wp:cover -->", 'div', 'Hero' ),
			'navigation link' => array( "<!-- wp:navigation-link {\"label\":\"Pricing\",\"url\":\"/pricing\",\"kind\":\"custom\",{$s}} /-->", 'li', 'Pricing' ),
		);
	}

	public function test_blocks_without_tracking_settings_are_untouched(): void {
		$markup = '<!-- wp:paragraph --><p>Plain</p><!-- /wp:paragraph --><!-- wp:button --><div class="wp-block-button"><a class="wp-block-button__link wp-element-button">Go</a></div><!-- /wp:button -->';

		$html = $this->render( $markup );

		$this->assertStringNotContainsString( 'data-footprints', $html );
	}

	public function test_an_unsupported_block_with_the_attribute_is_untouched(): void {
		$html = $this->render( '<!-- wp:quote {' . self::SETTINGS . '} --><blockquote class="wp-block-quote"><!-- wp:paragraph --><p>Quoted</p><!-- /wp:paragraph --></blockquote><!-- /wp:quote -->' );

		$this->assertStringNotContainsString( 'data-footprints', $html );
	}

	public function test_hostile_panel_settings_cannot_add_markup_or_handlers(): void {
		$html = $this->render( '<!-- wp:paragraph {"footprints":{"event":"trial_click","on":"click\u0022 onclick=\u0022alert(1)","attrs":{"x":"\u0022\u003e\u003cscript\u003ealert(1)\u003c/script\u003e"}}} --><p>Go</p><!-- /wp:paragraph -->' );

		$processor = new \WP_HTML_Tag_Processor( $html );
		$processor->next_tag();
		$this->assertSame( 'click', $processor->get_attribute( 'data-footprints-on' ) );
		$this->assertNull( $processor->get_attribute( 'onclick' ) );
		$this->assertSame( array( 'x' => '"><script>alert(1)</script>' ), json_decode( (string) $processor->get_attribute( 'data-footprints-attrs' ), true ) );
		$this->assertStringNotContainsString( '<script', $html );
	}

	public function test_the_attribute_is_declared_on_supported_blocks_only(): void {
		$registry = \WP_Block_Type_Registry::get_instance();

		$this->assertArrayHasKey( 'footprints', $registry->get_registered( 'core/button' )->attributes );
		$this->assertArrayNotHasKey( 'footprints', $registry->get_registered( 'core/quote' )->attributes );
	}
}
