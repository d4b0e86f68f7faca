<?php
/**
 * What a contributor writes is saved the way WordPress saves it for them
 * (through kses, without unfiltered_html) and then rendered to visitors:
 * hostile block and shortcode attributes must come out as data, never as
 * markup, script or handlers, on every path at once.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class ContributorContentTest extends TestCase {

	private const HOSTILE_VALUE = '\u0022\u003e\u003cscript\u003ealert(1)\u003c/script\u003e';

	public function test_hostile_triggers_a_contributor_saves_render_without_injected_markup(): void {
		$contributor = $this->log_in_as( 'contributor' );
		$this->assertFalse( current_user_can( 'unfiltered_html' ), 'the test needs a user WordPress filters' );

		$content = implode(
			'',
			array(
				// The tracking block: a trigger that tries to close its attribute.
				'<!-- wp:footprints/track {"event":"trial_click","on":"click\u0022 onclick=\u0022alert(1)","attrs":{"x":"' . self::HOSTILE_VALUE . '"}} -->',
				'<!-- wp:paragraph --><p>Block content</p><!-- /wp:paragraph -->',
				'<!-- /wp:footprints/track -->',
				// The panel on a core block.
				'<!-- wp:heading {"footprints":{"event":"trial_click","on":"view","attrs":{"y":"' . self::HOSTILE_VALUE . '"}}} --><h2 class="wp-block-heading">Heading content</h2><!-- /wp:heading -->',
				// The shortcode, with a value that tries to end the element.
				'<!-- wp:shortcode -->[footprints event="trial_click" attr_z=\'" onmouseover="alert(1)\' attr_w="</span><b onclick=alert(1)>"]Shortcode content[/footprints]<!-- /wp:shortcode -->',
			)
		);
		$post_id = wp_insert_post(
			wp_slash(
				array(
					'post_author'  => $contributor,
					'post_status'  => 'pending',
					'post_title'   => 'Contributed',
					'post_content' => $content,
				)
			),
			true
		);
		$this->assertIsInt( $post_id );

		$html = $this->render( get_post( $post_id )->post_content );

		$document = new \DOMDocument();
		$document->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>', LIBXML_NOERROR );
		$xpath = new \DOMXPath( $document );
		$this->assertSame( 0, $xpath->query( '//script|//*[@*[starts-with(name(), "on")]]' )->length, "Injected markup in: $html" );
		foreach ( array( 'Block content', 'Heading content', 'Shortcode content' ) as $text ) {
			$this->assertStringContainsString( $text, $html );
		}
		// Whatever kses kept of the values, each trigger still renders, as data.
		$triggers = $xpath->query( '//*[@data-footprints-event]' );
		$this->assertSame( 3, $triggers->length, "Triggers missing in: $html" );
		foreach ( $triggers as $trigger ) {
			$this->assertContains( $trigger->getAttribute( 'data-footprints-on' ), array( 'click', 'view' ) );
			$this->assertIsArray( json_decode( $trigger->getAttribute( 'data-footprints-attrs' ), true ) );
		}
	}
}
