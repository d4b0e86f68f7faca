<?php
/**
 * The At a glance widget on the wp-admin Dashboard: today's top events by
 * name with their exact counts, a helpful empty state, and nothing at all
 * for users who may not read insights.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Admin\AtAGlanceWidget;

final class AtAGlanceWidgetTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		foreach ( array( 'class-wp-screen.php', 'screen.php', 'template.php', 'dashboard.php' ) as $file ) {
			require_once ABSPATH . 'wp-admin/includes/' . $file;
		}
		global $wp_meta_boxes;
		$wp_meta_boxes = array(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the Dashboard's widgets, emptied for each test.
		set_current_screen( 'dashboard' );
	}

	public function test_todays_top_events_are_listed_by_name_with_exact_counts(): void {
		$today = gmdate( 'Y-m-d' );
		foreach ( array(
			'glance_signup' => 4,
			'glance_trial'  => 7,
		) as $code => $count ) {
			$this->define_event( $code );
			$events = array();
			for ( $i = 0; $i < $count; $i++ ) {
				$events[] = array(
					'id'    => "evt_{$code}_$i",
					'event' => $code,
					'time'  => ( strtotime( "$today 00:00:00 UTC" ) + $i ) * 1000,
				);
			}
			$this->collect( $events );
		}
		// Yesterday's do not count today.
		$this->collect(
			array(
				array(
					'id'    => 'evt_glance_yesterday',
					'event' => 'glance_signup',
					'time'  => ( strtotime( "$today 00:00:00 UTC" ) - 60 ) * 1000,
				),
			)
		);
		$this->log_in_as( 'administrator' );

		$html = $this->widget();

		$this->assertMatchesRegularExpression( '#<a href="[^"]+view=dashboard&\#038;range=today&\#038;code=glance_trial">Glance Trial</a> <code>glance_trial</code></td><td class="num">7</td>.*>Glance Signup</a> <code>glance_signup</code></td><td class="num">4</td>#s', $html );
		$this->assertStringContainsString( 'admin.php?page=footprints-insights&#038;view=dashboard', $html );
		// The export of today's events, with the REST nonce (pretty or plain permalinks alike).
		$this->assertMatchesRegularExpression( "#insights/export(\\?|&\\#038;)view=events&\\#038;from=$today&\\#038;to=$today&\\#038;_wpnonce=[0-9a-f]{10}\">#", str_replace( '%2F', '/', $html ) );
	}

	public function test_a_day_without_events_says_how_to_start(): void {
		$this->log_in_as( 'administrator' );

		$html = $this->widget();

		$this->assertStringContainsString( 'No events yet today (' . gmdate( 'Y-m-d' ) . ' UTC).', $html );
		$this->assertStringContainsString( 'admin.php?page=footprints">Add events</a>', $html );
	}

	public function test_an_editor_without_the_capability_gets_no_widget(): void {
		global $wp_meta_boxes;
		$this->log_in_as( 'editor' );
		( new AtAGlanceWidget( \Footprints\plugin()->daily_counts(), \Footprints\plugin()->definition_labels() ) )->add();

		$this->assertEmpty( $wp_meta_boxes['dashboard']['normal']['core'][ AtAGlanceWidget::ID ] ?? null );
	}

	/**
	 * Adds the widget as the Dashboard does and renders it.
	 */
	private function widget(): string {
		global $wp_meta_boxes;
		$widget = new AtAGlanceWidget( \Footprints\plugin()->daily_counts(), \Footprints\plugin()->definition_labels() );
		$widget->add();
		$this->assertArrayHasKey( AtAGlanceWidget::ID, $wp_meta_boxes['dashboard']['normal']['core'] );
		ob_start();
		$widget->render();
		return (string) ob_get_clean();
	}
}
