<?php
/**
 * ExportViews.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Export;

/**
 * The views that can be exported, as the `footprints_export_views` filter
 * lists them (name => ExportableView); each owner of a view adds its own.
 */
final class ExportViews {

	public const FILTER = 'footprints_export_views';

	/**
	 * Every registered view by name; anything that is not an ExportableView is left out.
	 *
	 * @return array<string, ExportableView>
	 */
	public function all(): array {
		/**
		 * Filters the views the export route serves.
		 *
		 * @param array<string, ExportableView> $views Name => view.
		 */
		$views = apply_filters( 'footprints_export_views', array() );
		$valid = array();
		foreach ( is_array( $views ) ? $views : array() as $name => $view ) {
			if ( $view instanceof ExportableView ) {
				$valid[ (string) $name ] = $view;
			}
		}
		ksort( $valid );
		return $valid;
	}

	/**
	 * The view of this name, or null.
	 *
	 * @param string $name View name, e.g. "events".
	 */
	public function find( string $name ): ?ExportableView {
		return $this->all()[ $name ] ?? null;
	}
}
