<?php
/**
 * CsvDownload.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Export;

/**
 * One export about to be sent: the view, its validated parameters and the
 * file name. The export route answers with it as the response's data, and
 * ExportController streams it instead of letting WordPress encode JSON.
 */
final class CsvDownload {

	/**
	 * Constructor.
	 *
	 * @param ExportableView       $view   The view.
	 * @param array<string, mixed> $params Its validated parameters.
	 */
	public function __construct( public readonly ExportableView $view, public readonly array $params ) {}

	/**
	 * The file name: footprints-<view>-<UTC date>.csv (the data's days are UTC too).
	 */
	public function file_name(): string {
		return sanitize_file_name( 'footprints-' . $this->view->name() . '-' . gmdate( 'Y-m-d' ) . '.csv' );
	}

	/**
	 * Writes the file to a stream; returns the number of rows.
	 *
	 * @param resource $stream Where to write.
	 * @param callable $flush  Called after each chunk.
	 */
	public function write( $stream, callable $flush ): int {
		return ( new CsvWriter( $stream, $flush ) )->write( $this->view->columns(), $this->view->rows( $this->params ) );
	}
}
