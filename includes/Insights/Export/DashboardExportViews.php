<?php
/**
 * DashboardExportViews.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Export;

use Footprints\Hookable;
use Footprints\Insights\DashboardSummary;
use Footprints\Insights\LiveEvents;

/**
 * Lists the dashboard's table and live events among the views that can
 * be exported (the `footprints_export_views` filter).
 */
final class DashboardExportViews implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param DashboardSummary $summary The dashboard's numbers.
	 * @param LiveEvents       $live    The latest events.
	 */
	public function __construct( private DashboardSummary $summary, private LiveEvents $live ) {}

	/**
	 * Adds the views to the filter.
	 */
	public function hook(): void {
		add_filter( 'footprints_export_views', array( $this, 'add' ) );
	}

	/**
	 * The views so far, with these two.
	 *
	 * @param mixed $views Views by name.
	 * @return array<mixed>
	 */
	public function add( mixed $views ): array {
		$views = is_array( $views ) ? $views : array();
		foreach ( array( new DashboardExport( $this->summary ), new LiveEventsExport( $this->live ) ) as $view ) {
			$views[ $view->name() ] = $view;
		}
		return $views;
	}
}
