<?php
/**
 * ExportableView.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Export;

/**
 * A table view of the insights screens that can be downloaded as CSV:
 * the same rows the screen shows, for the same parameters, fetched in
 * chunks so an export of any size streams in bounded memory. Views are
 * listed through the `footprints_export_views` filter (name => view).
 */
interface ExportableView {

	/**
	 * The view's name in the export URL and the file name, e.g. "live-events".
	 */
	public function name(): string;

	/**
	 * The parameters the view takes, as register_rest_route()'s "args"
	 * (type, enum, pattern, default...): the export route validates them
	 * before rows() sees them.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function args(): array;

	/**
	 * The column headings, in the order of each row's values.
	 *
	 * @return list<string>
	 */
	public function columns(): array;

	/**
	 * Every row for these parameters, in the screen's order, read in
	 * chunks (keyset paging, never OFFSET over the whole table).
	 *
	 * @param array<string, mixed> $params Validated parameters.
	 * @return iterable<list<string|int|float|bool|null>>
	 */
	public function rows( array $params ): iterable;
}
