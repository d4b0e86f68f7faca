<?php
/**
 * PathPeopleExport.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Paths;

use Footprints\Hookable;
use Footprints\Insights\Export\ExportableView;

/**
 * The export view "path-people": a path's converted or unconverted people,
 * as the Paths screen lists them, read a chunk at a time by person id.
 */
final class PathPeopleExport implements ExportableView, Hookable {

	private const CHUNK = 500;

	/**
	 * Constructor.
	 *
	 * @param PathQuery $paths The path query.
	 */
	public function __construct( private PathQuery $paths ) {}

	/**
	 * Lists this view among the exports.
	 */
	public function hook(): void {
		add_filter(
			'footprints_export_views',
			function ( array $views ): array {
				$views[ $this->name() ] = $this;
				return $views;
			}
		);
	}

	/**
	 * The view's name.
	 */
	public function name(): string {
		return 'path-people';
	}

	/**
	 * The path's arguments and the outcome.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function args(): array {
		return PathArgs::args() + array_intersect_key( PathArgs::people_args(), array( 'outcome' => true ) );
	}

	/**
	 * The headings.
	 *
	 * @return list<string>
	 */
	public function columns(): array {
		return array( 'person_id', 'user_id', 'email', 'a_at', 'b_at', 'seconds_between' );
	}

	/**
	 * Every person of the outcome, by person id.
	 *
	 * @param array<string, mixed> $params Validated parameters.
	 * @return iterable<list<string|int|float|bool|null>>
	 * @throws \InvalidArgumentException When the range is not one (Path::from_params() says why).
	 */
	public function rows( array $params ): iterable {
		$path = Path::from_params( $params );
		if ( $path instanceof \WP_Error ) {
			throw new \InvalidArgumentException( esc_html( $path->get_error_message() ) );
		}
		$converted = 'converted' === ( $params['outcome'] ?? '' );
		$after     = 0;
		do {
			$page = $this->paths->page( $path, $converted, $after, self::CHUNK );
			foreach ( $page as $person ) {
				yield array_values( $person );
				$after = $person['person_id'];
			}
			$full = count( $page ) === self::CHUNK;
		} while ( $full );
	}
}
