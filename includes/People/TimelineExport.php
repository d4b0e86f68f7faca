<?php
/**
 * TimelineExport.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Insights\Export\ExportableView;

/**
 * The export view "timeline": every event of a person (all their
 * devices) or of one device, oldest first, with its session number (a gap
 * of more than 30 minutes starts a new one, as on the screen), read a
 * chunk at a time (keyset on time and row id).
 */
final class TimelineExport implements ExportableView {

	private const CHUNK = 1000;

	/**
	 * Constructor.
	 *
	 * @param PeopleQuery $people   Reads people.
	 * @param Timeline    $timeline Reads timelines.
	 */
	public function __construct( private PeopleQuery $people, private Timeline $timeline ) {}

	/**
	 * The view's name.
	 */
	public function name(): string {
		return 'timeline';
	}

	/**
	 * Whose timeline: a person or a device.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function args(): array {
		return array(
			'person' => array(
				'description' => __( 'Person id (or give device).', 'footprints' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'device' => array(
				'description' => __( 'Device id (or give person).', 'footprints' ),
				'type'        => 'string',
				'pattern'     => '^[A-Za-z0-9_-]{8,64}$',
			),
		);
	}

	/**
	 * The headings.
	 *
	 * @return list<string>
	 */
	public function columns(): array {
		return array( 'time', 'session', 'gap_seconds', 'event', 'name', 'device_id', 'page', 'referrer', 'attributes' );
	}

	/**
	 * Every event of the timeline, oldest first.
	 *
	 * @param array<string, mixed> $params Validated parameters.
	 * @return iterable<list<string|int|float|bool|null>>
	 * @throws \InvalidArgumentException When neither a person nor a device is given.
	 */
	public function rows( array $params ): iterable {
		if ( ! empty( $params['person'] ) ) {
			$devices = $this->people->device_ids( (int) $params['person'] );
		} elseif ( ! empty( $params['device'] ) ) {
			$devices = array( (string) $params['device'] );
		} else {
			throw new \InvalidArgumentException( esc_html__( 'Say whose timeline to export: a person (person=<id>) or a device (device=<id>).', 'footprints' ) );
		}
		$after    = null;
		$previous = null;
		$session  = 0;
		do {
			$chunk = $this->timeline->chunk( $devices, $after, self::CHUNK );
			$cut   = Sessions::cut( $chunk, $previous );
			// Numbered from 1 across chunks: a chunk's first session may go on from the one before.
			$shift = ( $cut['sessions'] && $cut['sessions'][0]['continued'] ) ? $session - 1 : $session;
			foreach ( $cut['events'] as $event ) {
				yield array(
					$event['time'],
					$shift + $event['session'] + 1,
					$event['gap_seconds'],
					$event['code'],
					$event['name'],
					$event['device_id'],
					$event['page'],
					$event['referrer'],
					(string) wp_json_encode( $event['attributes'], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ),
				);
				$after    = array(
					'time' => (string) $event['stored_time'],
					'id'   => (int) $event['row'],
				);
				$previous = (int) $event['time_ms'];
			}
			$session = $shift + count( $cut['sessions'] );
			$full    = count( $chunk ) === self::CHUNK;
		} while ( $full );
	}
}
