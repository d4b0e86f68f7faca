<?php
/**
 * PathArgs.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Paths;

use Footprints\Definitions\DefinitionSchema;

/**
 * The parameters of one path, as register_rest_route() takes them: the
 * comparison route, the people route and the path-people export validate
 * the same way, by the bounds of data/insights-paths.json.
 */
final class PathArgs {

	public const FILE = '/data/insights-paths.json';

	/**
	 * The bounds file, read once per request.
	 *
	 * @var array{maxPaths: int, windowDays: array{minimum: int, maximum: int, default: int}, rangeDays: array{maximum: int, default: int}, peoplePerPage: array{maximum: int, default: int}}|null
	 */
	private static ?array $rules = null;

	/**
	 * The bounds of data/insights-paths.json.
	 *
	 * @return array{maxPaths: int, windowDays: array{minimum: int, maximum: int, default: int}, rangeDays: array{maximum: int, default: int}, peoplePerPage: array{maximum: int, default: int}}
	 */
	public static function rules(): array {
		if ( null === self::$rules ) {
			/**
			 * The file as committed.
			 *
			 * @var array{maxPaths: int, windowDays: array{minimum: int, maximum: int, default: int}, rangeDays: array{maximum: int, default: int}, peoplePerPage: array{maximum: int, default: int}} $decoded
			 */
			$decoded     = wp_json_file_decode( FOOTPRINTS_DIR . self::FILE, array( 'associative' => true ) );
			self::$rules = $decoded;
		}
		return self::$rules;
	}

	/**
	 * One path's arguments: a, b, window, from, to, site.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function args(): array {
		$window = self::rules()['windowDays'];
		$code   = array(
			'type'     => 'string',
			'pattern'  => DefinitionSchema::code_pattern(),
			'required' => true,
		);
		$day    = array(
			'type'    => 'string',
			'pattern' => '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
		);
		return array(
			'a'      => array( 'description' => __( 'Code of event A, whose first occurrence in the range starts a person\'s window.', 'footprints' ) ) + $code,
			'b'      => array( 'description' => __( 'Code of event B, which converts a person when it follows their A within the window.', 'footprints' ) ) + $code,
			'window' => array(
				'description' => __( 'Days after A in which B counts; B exactly this many days after A still counts.', 'footprints' ),
				'type'        => 'integer',
				'minimum'     => $window['minimum'],
				'maximum'     => $window['maximum'],
				'default'     => $window['default'],
			),
			/* translators: %d: days. */
			'from'   => array( 'description' => sprintf( __( 'First UTC day A may fall on (YYYY-MM-DD); by default the range is the %d days up to to.', 'footprints' ), self::rules()['rangeDays']['default'] ) ) + $day,
			'to'     => array( 'description' => __( 'Last UTC day A may fall on (YYYY-MM-DD); today (UTC) by default.', 'footprints' ) ) + $day,
			'site'   => array(
				'description' => __( 'On a hub: only this site\'s events (its app ID). Every site\'s by default.', 'footprints' ),
				'type'        => 'string',
				'maxLength'   => 64,
			),
		);
	}

	/**
	 * The people list's own arguments: which outcome, and the page.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function people_args(): array {
		$page = self::rules()['peoplePerPage'];
		return array(
			'outcome'  => array(
				'description' => __( 'The people who converted, or those who did not.', 'footprints' ),
				'type'        => 'string',
				'enum'        => array( 'converted', 'unconverted' ),
				'required'    => true,
			),
			'after'    => array(
				'description' => __( 'Only people whose id is above this one: the last id of the page before.', 'footprints' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
			'per_page' => array(
				'description' => __( 'People per page.', 'footprints' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => $page['maximum'],
				'default'     => $page['default'],
			),
		);
	}
}
