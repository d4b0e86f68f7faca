<?php
/**
 * CsvWriter.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Export;

/**
 * Writes a header and rows as CSV (RFC 4180: comma, double quotes, CRLF)
 * to a stream, a chunk at a time, so an export of any length holds one
 * chunk in memory.
 *
 * The file starts with a UTF-8 byte order mark: Excel, the program most
 * site owners open a CSV with, reads a file without one in the system's
 * legacy code page (Windows-1252 in most of Europe and America), which
 * garbles every non-ASCII event name, page title or attribute. LibreOffice,
 * Numbers, Google Sheets and Python's utf-8-sig read the mark as what it
 * is; a script that reads plain bytes sees three extra bytes before the
 * first heading, which is the lesser harm.
 *
 * Cells that a spreadsheet would run as a formula (text starting with
 * = + - @, a tab or a carriage return) are written with a leading
 * apostrophe, as OWASP advises against CSV injection: event attributes,
 * page URLs and traits come from visitors. Numbers stay numbers.
 */
final class CsvWriter {

	public const BOM = "\xEF\xBB\xBF";

	// Rows written between two flushes.
	public const CHUNK = 1000;

	/**
	 * Constructor.
	 *
	 * @param resource $stream Where the CSV goes (php://output when downloading).
	 * @param callable $flush  Pushes what was written to the reader, called after each chunk.
	 */
	public function __construct( private $stream, private $flush ) {}

	/**
	 * Writes the whole file; returns the number of rows (the header not counted).
	 *
	 * @param string[]                                   $columns Headings.
	 * @param iterable<list<string|int|float|bool|null>> $rows    Rows, in order.
	 */
	public function write( array $columns, iterable $rows ): int {
		fwrite( $this->stream, self::BOM ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- a stream, not a file of the site.
		$this->put( $columns );
		$count = 0;
		foreach ( $rows as $row ) {
			$this->put( $row );
			++$count;
			if ( 0 === $count % self::CHUNK ) {
				( $this->flush )();
			}
		}
		( $this->flush )();
		return $count;
	}

	/**
	 * A cell as written: booleans as 1/0 (what spreadsheets sum), null as
	 * empty, text that would start a formula behind an apostrophe.
	 *
	 * @param string|int|float|bool|null $value The value.
	 * @return string|int|float
	 */
	public static function cell( $value ) {
		if ( is_bool( $value ) ) {
			return $value ? 1 : 0;
		}
		if ( null === $value ) {
			return '';
		}
		if ( is_string( $value ) && '' !== $value && false !== strpbrk( $value[0], "=+-@\t\r" ) ) {
			return "'" . $value;
		}
		return $value;
	}

	/**
	 * Writes one line.
	 *
	 * @param array<string|int|float|bool|null> $values The cells.
	 */
	private function put( array $values ): void {
		// No escape character: RFC 4180 doubles quotes and knows no backslash escape.
		fputcsv( $this->stream, array_map( array( self::class, 'cell' ), $values ), ',', '"', '', "\r\n" );
	}
}
