<?php
/**
 * PeopleExport.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Insights\Export\ExportableView;

/**
 * The export view "people": the People list for a search, last seen
 * first, read a chunk at a time (keyset on last seen and id).
 */
final class PeopleExport implements ExportableView {

	private const CHUNK = 500;

	/**
	 * Constructor.
	 *
	 * @param PeopleQuery $people Reads people.
	 */
	public function __construct( private PeopleQuery $people ) {}

	/**
	 * The view's name.
	 */
	public function name(): string {
		return 'people';
	}

	/**
	 * The list's search and site.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function args(): array {
		return PeopleQuery::args();
	}

	/**
	 * The headings.
	 *
	 * @return list<string>
	 */
	public function columns(): array {
		return array( 'person_id', 'name', 'email', 'user_id', 'wp_user_id', 'devices', 'first_seen', 'last_seen', 'events', 'traits' );
	}

	/**
	 * Every person the list shows, in its order.
	 *
	 * @param array<string, mixed> $params Validated parameters.
	 * @return iterable<list<string|int|float|bool|null>>
	 */
	public function rows( array $params ): iterable {
		$query = array(
			'search' => (string) ( $params['search'] ?? '' ),
			'site'   => (string) ( $params['site'] ?? '' ),
		);
		$after = null;
		do {
			$chunk = $this->people->chunk( $query, $after, self::CHUNK );
			foreach ( $chunk as $person ) {
				yield array(
					$person['id'],
					$person['name'],
					$person['email'],
					$person['user_id'],
					$person['wp_user_id'],
					implode( ' ', $person['devices'] ),
					$person['first_seen'],
					$person['last_seen'],
					$person['events'],
					(string) wp_json_encode( $person['traits'], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ),
				);
				$after = array(
					'last_seen' => (string) $person['stored_last_seen'],
					'id'        => (int) $person['id'],
				);
			}
			$full = count( $chunk ) === self::CHUNK;
		} while ( $full );
	}
}
