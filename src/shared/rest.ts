/**
 * The REST routes of Footprints, from data/rest.json: the PHP controllers
 * register the very same strings (includes/Rest/Routes.php).
 */

/**
 * Internal dependencies
 */
import contract from '../../data/rest.json';

export type RouteName = keyof typeof contract.routes;

/**
 * The path apiFetch takes for a route, e.g. /footprints/v1/definitions.
 *
 * @param name Key under "routes" in data/rest.json.
 */
export function restPath( name: RouteName ): string {
	return `/${ contract.namespace }${ contract.routes[ name ] }`;
}
