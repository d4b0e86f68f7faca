/**
 * Debug logging, compiled in only for build/client/debug.js: the build
 * defines FOOTPRINTS_DEBUG (webpack.config.js), false for the default
 * client, where the minifier drops every `if ( DEBUG )` branch, so visitors
 * of a site not in debug mode download none of it. PHP serves the debug
 * build when the `footprints_debug` setting is on or the URL asks for it
 * with `?footprints_debug=1`.
 */

declare const FOOTPRINTS_DEBUG: boolean | undefined;

export const DEBUG: boolean =
	typeof FOOTPRINTS_DEBUG !== 'undefined' && !! FOOTPRINTS_DEBUG;

/* eslint-disable no-console -- the console is how a site owner sees problems. */
export const log = ( ...details: unknown[] ) =>
	console.info( 'Footprints', ...details );
export const warn = ( message: string ) =>
	console.warn( 'Footprints: ' + message );
/* eslint-enable no-console */
