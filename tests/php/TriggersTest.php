<?php
/**
 * The tracking block and the shortcode render the markup contract, load
 * the client only when they do, and never let a contributor inject markup.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Assets\Client;
use function Footprints\plugin;

final class TriggersTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		// Each test starts with a page that has not enqueued the client yet.
		wp_dequeue_script_module( Client::MODULE );
	}

	public function test_the_block_wraps_its_inner_blocks_in_the_markup_contract(): void {
		$this->define_plan_event();

		$html = $this->render(
			'<!-- wp:footprints/track {"event":"plan_chosen","on":"view","attrs":{"plan":"pro","price":199}} -->' .
			'<!-- wp:paragraph --><p>Pricing</p><!-- /wp:paragraph -->' .
			'<!-- /wp:footprints/track -->'
		);

		$element = $this->first_trigger( $html );
		$this->assertSame( 'plan_chosen', $element->getAttribute( 'data-footprints-event' ) );
		$this->assertSame( 'view', $element->getAttribute( 'data-footprints-on' ) );
		$this->assertSame(
			array(
				'plan'  => 'pro',
				'price' => 199,
			),
			json_decode( $element->getAttribute( 'data-footprints-attrs' ), true )
		);
		$this->assertSame( 'Pricing', trim( $element->textContent ) );
		$this->assertTrue( $this->client_enqueued() );
	}

	public function test_building_a_triggers_attributes_loads_nothing_placing_it_loads_the_client(): void {
		$built = plugin()->triggers()->attributes( 'trial_click', 'click', array() );
		$this->assertFalse( $this->client_enqueued() );

		$placed = plugin()->triggers()->place_on_page( 'trial_click', 'click', array() );

		$this->assertSame( $built, $placed );
		$this->assertSame( 'trial_click', $placed['data-footprints-event'] );
		$this->assertTrue( $this->client_enqueued() );
	}

	public function test_a_disabled_event_renders_the_content_without_tracking_or_client(): void {
		plugin()->definitions()->set_enabled( 'trial_click', false );

		$html = $this->render(
			'<!-- wp:footprints/track {"event":"trial_click"} --><!-- wp:paragraph --><p>Still here</p><!-- /wp:paragraph --><!-- /wp:footprints/track -->' .
			'[footprints event="trial_click"]Also here[/footprints]'
		);

		$this->assertStringNotContainsString( 'data-footprints', $html );
		$this->assertStringContainsString( 'Still here', $html );
		$this->assertStringContainsString( 'Also here', $html );
		$this->assertFalse( $this->client_enqueued() );
	}

	public function test_the_milestone_block_is_an_empty_marker_fired_on_view_or_load(): void {
		$view = $this->first_trigger( $this->render( '<!-- wp:footprints/milestone {"event":"trial_click"} /-->' ) );
		$load = $this->first_trigger( $this->render( '<!-- wp:footprints/milestone {"event":"trial_click","on":"load"} /-->' ) );
		$html = $this->render( '<!-- wp:footprints/milestone {"event":"trial_click","on":"click"} /--><!-- wp:footprints/milestone {"event":"no_such_event"} /-->' );

		$this->assertSame( 'view', $view->getAttribute( 'data-footprints-on' ) );
		$this->assertSame( 'true', $view->getAttribute( 'aria-hidden' ) );
		$this->assertSame( '', $view->textContent );
		$this->assertSame( 'load', $load->getAttribute( 'data-footprints-on' ) );
		$this->assertSame( 1, substr_count( $html, 'data-footprints-event' ), 'a click milestone falls back to view; an unknown event renders nothing' );
		$this->assertSame( 'view', $this->first_trigger( $html )->getAttribute( 'data-footprints-on' ) );
	}

	public function test_the_shortcode_wraps_inline_content_in_a_span_with_typed_attributes(): void {
		$html = $this->render( '<p>[footprints event="trial_click" attr_plan="pro"]<a href="/trial">Start trial</a>[/footprints]</p>' );

		$element = $this->first_trigger( $html );
		$this->assertSame( 'span', $element->tagName );
		$this->assertSame( 'click', $element->getAttribute( 'data-footprints-on' ) );
		$this->assertSame( array( 'plan' => 'pro' ), json_decode( $element->getAttribute( 'data-footprints-attrs' ), true ) );
		$this->assertSame( 'Start trial', trim( $element->textContent ) );
		$this->assertTrue( $this->client_enqueued() );
	}

	public function test_shortcode_attributes_are_typed_by_the_event_schema(): void {
		$this->define_plan_event();

		$element = $this->first_trigger( $this->render( '[footprints event="plan_chosen" attr_price="199" attr_annual="true" attr_plan="pro"]Buy[/footprints]' ) );

		$this->assertSame(
			array(
				'price'  => 199,
				'annual' => true,
				'plan'   => 'pro',
			),
			json_decode( $element->getAttribute( 'data-footprints-attrs' ), true )
		);
	}

	public function test_a_value_that_does_not_fit_its_type_leaves_the_content_untracked_and_says_why(): void {
		$this->define_plan_event();
		$this->log_in_as( 'editor' );

		$html = $this->render( '[footprints event="plan_chosen" attr_price="a lot"]Buy[/footprints]' );

		$this->assertStringNotContainsString( 'data-footprints-event', $html );
		$this->assertStringContainsString( 'Buy', $html );
		$this->assertStringContainsString( 'attribute &quot;price&quot; is not a valid number', $html );
	}

	public function test_the_self_closing_shortcode_is_a_milestone_fired_on_view(): void {
		$element = $this->first_trigger( $this->render( '[footprints event="trial_click"]' ) );

		$this->assertSame( 'view', $element->getAttribute( 'data-footprints-on' ) );
	}

	public function test_a_page_without_triggers_does_not_load_the_client(): void {
		$this->render( '<!-- wp:paragraph --><p>No tracking here</p><!-- /wp:paragraph -->' );

		$this->assertFalse( $this->client_enqueued() );
	}

	public function test_people_who_can_edit_see_why_a_shortcode_is_not_tracked(): void {
		$this->log_in_as( 'editor' );

		$html = $this->render( '[footprints event="no_such_event" colour="red"]Pricing[/footprints][footprints event="trial_click" on="hover"]Plans[/footprints]' );

		$this->assertStringContainsString( 'Pricing', $html );
		$this->assertStringContainsString( 'unknown parameter &quot;colour&quot;', $html );
		$this->assertStringContainsString( 'No event is defined with the code &quot;no_such_event&quot;', $html );
		$this->assertStringContainsString( 'on=&quot;hover&quot; is not a trigger', $html );
		$this->assertStringContainsString( 'Plans', $html );
		$this->assertStringNotContainsString( 'data-footprints-event', $html, 'a shortcode with a problem tracks nothing' );
	}

	public function test_a_misspelt_attribute_parameter_leaves_the_content_untracked(): void {
		$this->log_in_as( 'editor' );

		$html = $this->render( '[footprints event="trial_click" attr-plan="pro"]Start trial[/footprints]' );

		$this->assertStringNotContainsString( 'data-footprints-event', $html );
		$this->assertStringContainsString( 'Start trial', $html );
		$this->assertStringContainsString( 'unknown parameter', $html );
	}

	public function test_visitors_get_the_content_and_no_explanation(): void {
		$html = $this->render( '[footprints event="no_such_event" colour="red"]Pricing[/footprints]' );

		$this->assertStringContainsString( 'Pricing', $html );
		$this->assertStringNotContainsString( 'Footprints', $html );
	}

	public function test_an_explanation_cannot_close_its_comment_early(): void {
		$this->log_in_as( 'editor' );

		$html = $this->render( '[footprints event="a--!>b--><p>" on="--!>"]Go[/footprints]' );

		$this->assertSame( 1, substr_count( $html, '-->' ) + substr_count( $html, '--!>' ) );
		$this->assertStringNotContainsString( '<p>"', $html );
	}

	/**
	 * A contributor's shortcode parameters end up as data, never as markup.
	 *
	 * @dataProvider hostile_shortcodes
	 *
	 * @param string               $shortcode  What the contributor wrote.
	 * @param array<string, mixed> $attributes The attribute values that must reach the client, as data.
	 */
	public function test_hostile_shortcode_parameters_cannot_inject_markup( string $shortcode, array $attributes ): void {
		$html = $this->render( $shortcode );

		$document = new \DOMDocument();
		$document->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>', LIBXML_NOERROR );
		$xpath = new \DOMXPath( $document );
		$this->assertSame( 0, $xpath->query( '//script|//img|//*[@*[starts-with(name(), "on")]]' )->length, "Injected markup in: $html" );
		$this->assertStringContainsString( 'Go', $html );
		$trigger = $xpath->query( '//*[@data-footprints-event]' )->item( 0 );
		if ( $attributes ) {
			$this->assertInstanceOf( \DOMElement::class, $trigger );
			$this->assertSame( 'click', $trigger->getAttribute( 'data-footprints-on' ) );
			$this->assertSame( $attributes, json_decode( $trigger->getAttribute( 'data-footprints-attrs' ), true ) );
		}
	}

	/**
	 * Shortcodes written to break out of the attribute or the element.
	 *
	 * @return array<string, array{string, array<string, mixed>}>
	 */
	public function hostile_shortcodes(): array {
		return array(
			'handler in the trigger'      => array( '[footprints event="trial_click" on=\'click" onmouseover="alert(1)\']Go[/footprints]', array() ),
			'quote in an attribute value' => array(
				'[footprints event="trial_click" attr_x=\'" onclick="alert(1)\' attr_y="</span><img src=x onerror=alert(1)>"]Go[/footprints]',
				array(
					'x' => '" onclick="alert(1)',
					'y' => '</span><img src=x onerror=alert(1)>',
				),
			),
			'script in a value'           => array( '[footprints event="trial_click" attr_x=\'"><script>alert(1)</script>\']Go[/footprints]', array() ),
			'script url stays data'       => array( '[footprints event="trial_click" attr_url="javascript:alert(1)"]Go[/footprints]', array( 'url' => 'javascript:alert(1)' ) ),
			'attribute name not snake'    => array( '[footprints event="trial_click" attr_Bad-Name="1" attr_url="x"]Go[/footprints]', array() ),
			'handler in the event code'   => array( '[footprints event=\'trial_click" onclick="alert(1)\']Go[/footprints]', array() ),
		);
	}

	/**
	 * An event whose attributes are typed: price a number, annual a boolean.
	 */
	private function define_plan_event(): void {
		plugin()->definitions()->add_if_missing(
			array(
				'code'       => 'plan_chosen',
				'name'       => 'Plan Chosen',
				'attributes' => array(
					'price'  => 'number',
					'annual' => 'boolean',
				),
			)
		);
	}

	/**
	 * The first element that carries data-footprints-event.
	 *
	 * @param string $html Rendered HTML.
	 */
	private function first_trigger( string $html ): \DOMElement {
		$document = new \DOMDocument();
		$document->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>', LIBXML_NOERROR );
		$element = ( new \DOMXPath( $document ) )->query( '//*[@data-footprints-event]' )->item( 0 );
		$this->assertInstanceOf( \DOMElement::class, $element, "No trigger in: $html" );
		return $element;
	}

	private function client_enqueued(): bool {
		return in_array( Client::MODULE, wp_script_modules()->get_queue(), true );
	}
}
