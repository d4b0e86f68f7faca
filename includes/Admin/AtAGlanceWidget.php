<?php
/**
 * AtAGlanceWidget.
 *
 * @package Footprints
 */

namespace Footprints\Admin;

use Footprints\Capabilities;
use Footprints\Database\QueryFailed;
use Footprints\Hookable;
use Footprints\Insights\DailyCounts;
use Footprints\Insights\DefinitionLabels;
use Footprints\Insights\Export\EventsExport;
use Footprints\Rest\Routes;

/**
 * The wp-admin Dashboard widget "Footprints: today": today's top events
 * (the UTC day, from the rollups; names and colors from their definitions)
 * with a link to the Insights dashboard and a CSV of today's events.
 * Server-rendered, escaped late, for users who may read insights only.
 */
final class AtAGlanceWidget implements Hookable {

	public const ID = 'footprints_at_a_glance';

	public const TOP = 5;

	/**
	 * Constructor.
	 *
	 * @param DailyCounts      $counts The rollups.
	 * @param DefinitionLabels $labels Names and colors of the codes.
	 */
	public function __construct( private DailyCounts $counts, private DefinitionLabels $labels ) {}

	/**
	 * Adds the widget when the Dashboard is set up.
	 */
	public function hook(): void {
		add_action( 'wp_dashboard_setup', array( $this, 'add' ) );
	}

	/**
	 * Adds the widget for users who may read insights.
	 */
	public function add(): void {
		if ( Capabilities::current_user_views_insights() ) {
			wp_add_dashboard_widget( self::ID, __( 'Footprints: today’s top events', 'footprints' ), array( $this, 'render' ) );
		}
	}

	/**
	 * Prints the widget.
	 */
	public function render(): void {
		$today = gmdate( 'Y-m-d' );
		try {
			$top = $this->counts->top( $today, self::TOP );
		} catch ( QueryFailed $e ) {
			printf( '<p>%s</p>', esc_html__( 'Today’s counts could not be read. Reload the page to try again.', 'footprints' ) );
			return;
		}
		echo '<div class="footprints-glance">';
		if ( $top ) {
			$this->render_top( $top, $today );
		} else {
			$this->render_empty( $today );
		}
		printf(
			'<p class="footprints-glance__links"><a class="button button-primary" href="%s">%s</a> <a class="button" href="%s">%s</a></p>',
			esc_url( admin_url( 'admin.php?page=' . InsightsPage::SLUG . '&view=dashboard' ) ),
			esc_html__( 'Open the Insights dashboard', 'footprints' ),
			esc_url( $this->export_url( $today ) ),
			esc_html__( 'Download today’s events (CSV)', 'footprints' )
		);
		echo '</div>';
	}

	/**
	 * The table of the top events.
	 *
	 * @param list<array{code: string, events: int}> $top   Codes, most first.
	 * @param string                                 $today The UTC day.
	 */
	private function render_top( array $top, string $today ): void {
		$labels = $this->labels->of( array_column( $top, 'code' ) );
		printf(
			'<p id="footprints-glance-day">%1$s</p><table class="widefat striped footprints-glance__table" aria-labelledby="footprints-glance-day"><thead><tr><th scope="col">%2$s</th><th scope="col" class="num">%3$s</th></tr></thead><tbody>',
			/* translators: %s: a UTC day, YYYY-MM-DD */
			esc_html( sprintf( __( 'The most triggered events today, %s (a UTC day, so far):', 'footprints' ), $today ) ),
			esc_html__( 'Event', 'footprints' ),
			esc_html__( 'Events', 'footprints' )
		);
		foreach ( $top as $row ) {
			$label = $labels[ $row['code'] ] ?? array(
				'name'  => $row['code'],
				'color' => '',
			);
			printf(
				'<tr><td><span class="footprints-glance__swatch" style="background:%1$s" aria-hidden="true"></span> <a href="%5$s">%2$s</a> <code>%3$s</code></td><td class="num">%4$s</td></tr>',
				esc_attr( (string) sanitize_hex_color( $label['color'] ) ),
				esc_html( $label['name'] ),
				esc_html( $row['code'] ),
				esc_html( number_format_i18n( $row['events'] ) ),
				// The Insights dashboard for today, filtered to this event.
				esc_url( admin_url( 'admin.php?page=' . InsightsPage::SLUG . '&view=dashboard&range=today&code=' . rawurlencode( $row['code'] ) ) )
			);
		}
		echo '</tbody></table>';
		$this->print_style();
	}

	/**
	 * What to do when nothing was tracked today.
	 *
	 * @param string $today The UTC day.
	 */
	private function render_empty( string $today ): void {
		printf(
			'<p><strong>%s</strong></p>',
			/* translators: %s: a UTC day, YYYY-MM-DD */
			esc_html( sprintf( __( 'No events yet today (%s UTC).', 'footprints' ), $today ) )
		);
		if ( Capabilities::current_user_manages() ) {
			printf(
				'<p>%1$s <a href="%2$s">%3$s</a></p>',
				esc_html__( 'Define the events you care about (a signup, a trial, a download), then attach them to buttons and sections with the Track event block or the Event tracking panel.', 'footprints' ),
				esc_url( admin_url( 'admin.php?page=' . SettingsPage::SLUG ) ),
				esc_html__( 'Add events', 'footprints' )
			);
		} else {
			printf( '<p>%s</p>', esc_html__( 'Counts appear here as soon as visitors trigger tracked events.', 'footprints' ) );
		}
	}

	/**
	 * The CSV of today's events, with the REST nonce so the link downloads.
	 *
	 * @param string $today The UTC day.
	 */
	private function export_url( string $today ): string {
		return add_query_arg(
			array(
				'view'     => EventsExport::NAME,
				'from'     => $today,
				'to'       => $today,
				'_wpnonce' => wp_create_nonce( 'wp_rest' ),
			),
			rest_url( Routes::namespace() . Routes::route( 'insightsExport' ) )
		);
	}

	/**
	 * The few rules the table needs beside wp-admin's own.
	 */
	private function print_style(): void {
		echo '<style>.footprints-glance__table .num{text-align:right;font-variant-numeric:tabular-nums}.footprints-glance__swatch{display:inline-block;width:10px;height:10px;border-radius:50%;vertical-align:middle;box-shadow:inset 0 0 0 1px rgba(0,0,0,.2)}.footprints-glance__table code{font-size:11px}.footprints-glance__links{margin-top:12px}</style>';
	}
}
