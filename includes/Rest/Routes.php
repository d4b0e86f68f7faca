<?php
/**
 * Routes.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

/**
 * The REST namespace and the route of each controller, read from
 * data/rest.json, which the TypeScript side imports too: a route is
 * written once for both.
 */
final class Routes {

	public const FILE = '/data/rest.json';

	/**
	 * The file, read once per request.
	 *
	 * @var array{namespace: non-falsy-string, routes: array<string, non-falsy-string>, capabilities: array<string, non-falsy-string>}|null
	 */
	private static ?array $contract = null;

	/**
	 * The namespace, footprints/v1.
	 *
	 * @return non-falsy-string
	 */
	public static function namespace(): string {
		return self::contract()['namespace'];
	}

	/**
	 * A route under the namespace, e.g. "/definitions" for "definitions".
	 *
	 * @param string $name Key under "routes" in data/rest.json.
	 * @return non-falsy-string
	 * @throws \InvalidArgumentException For a name the file does not list (a typo in our code).
	 */
	public static function route( string $name ): string {
		$route = self::contract()['routes'][ $name ] ?? null;
		if ( null === $route ) {
			throw new \InvalidArgumentException( esc_html( "No route named \"$name\" in data/rest.json." ) );
		}
		return $route;
	}

	/**
	 * The full path WordPress matches, e.g. /footprints/v1/collect.
	 *
	 * @param string $name Key under "routes" in data/rest.json.
	 */
	public static function path( string $name ): string {
		return '/' . self::namespace() . self::route( $name );
	}

	/**
	 * The whole contract file.
	 *
	 * @return array{namespace: non-falsy-string, routes: array<string, non-falsy-string>, capabilities: array<string, non-falsy-string>}
	 */
	public static function contract(): array {
		if ( null === self::$contract ) {
			/**
			 * The file as committed.
			 *
			 * @var array{namespace: non-falsy-string, routes: array<string, non-falsy-string>, capabilities: array<string, non-falsy-string>} $decoded
			 */
			$decoded        = wp_json_file_decode( FOOTPRINTS_DIR . self::FILE, array( 'associative' => true ) );
			self::$contract = $decoded;
		}
		return self::$contract;
	}
}
