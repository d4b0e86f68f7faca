<?php
/**
 * PeopleExports.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Hookable;
use Footprints\Insights\Export\ExportViews;

/**
 * Lists the People screen's export views, "people" and "timeline", among
 * the exports (the footprints_export_views filter).
 */
final class PeopleExports implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param PeopleExport   $people   The People list.
	 * @param TimelineExport $timeline A timeline.
	 */
	public function __construct( private PeopleExport $people, private TimelineExport $timeline ) {}

	/**
	 * Registers the filter.
	 */
	public function hook(): void {
		add_filter( ExportViews::FILTER, array( $this, 'register' ) );
	}

	/**
	 * Adds the two views.
	 *
	 * @param array<string, \Footprints\Insights\Export\ExportableView> $views Views so far.
	 * @return array<string, \Footprints\Insights\Export\ExportableView>
	 */
	public function register( array $views ): array {
		foreach ( array( $this->people, $this->timeline ) as $view ) {
			$views[ $view->name() ] = $view;
		}
		return $views;
	}
}
