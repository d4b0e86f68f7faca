<?php
/**
 * LiveEventsExport.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Export;

use Footprints\Insights\InsightsArgs;
use Footprints\Insights\LiveEvents;

/**
 * Live events as CSV: the latest events (at most 1,000), newest first, for
 * the same filters as the screen.
 */
final class LiveEventsExport implements ExportableView {

	private const CHUNK = 200;

	/**
	 * Constructor.
	 *
	 * @param LiveEvents $live The latest events.
	 */
	public function __construct( private LiveEvents $live ) {}

	/**
	 * The view's name.
	 */
	public function name(): string {
		return 'live-events';
	}

	/**
	 * The screen's filters and how many events.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function args(): array {
		return InsightsArgs::live();
	}

	/**
	 * The headings.
	 *
	 * @return list<string>
	 */
	public function columns(): array {
		return array(
			__( 'Received (UTC)', 'footprints' ),
			__( 'Happened (UTC)', 'footprints' ),
			__( 'Event code', 'footprints' ),
			__( 'Device', 'footprints' ),
			__( 'Site (app ID)', 'footprints' ),
			__( 'Page', 'footprints' ),
			__( 'Attributes (JSON)', 'footprints' ),
			__( 'Event ID', 'footprints' ),
		);
	}

	/**
	 * The events, newest first, read CHUNK at a time below the last row seen.
	 *
	 * @param array<string, mixed> $params Validated parameters.
	 * @return iterable<list<string|int|float|bool|null>>
	 */
	public function rows( array $params ): iterable {
		$filters = array(
			'code'   => (string) ( $params['code'] ?? '' ),
			'device' => (string) ( $params['device'] ?? '' ),
			'site'   => (string) ( $params['site'] ?? '' ),
		);
		$left    = max( 1, min( LiveEvents::MAX, (int) ( $params['limit'] ?? LiveEvents::MAX ) ) );
		$before  = 0;
		while ( $left > 0 ) {
			$chunk = $this->live->recent( $filters, min( self::CHUNK, $left ), $before );
			foreach ( $chunk as $event ) {
				yield array(
					(string) $event['received_at'],
					(string) $event['time'],
					(string) $event['event'],
					is_string( $event['device_id'] ) ? $event['device_id'] : '',
					(string) $event['app_id'],
					(string) $event['page'],
					(string) wp_json_encode( $event['attributes'] ),
					(string) $event['id'],
				);
				$before = (int) $event['row'];
			}
			if ( count( $chunk ) < min( self::CHUNK, $left ) ) {
				return;
			}
			$left -= count( $chunk );
		}
	}
}
