/**
 * Builds, into build/:
 * - editor/index.js: the blocks (block.json + render.php are copied to
 *   build/<block>/ and listed in build/blocks-manifest.php) and the
 *   editor-wide pieces, in ONE bundle, so the definitions store, the event
 *   picker and the panel exist once in the editor (block.json names this
 *   script by its handle, footprints-editor);
 * - admin/index.js: the settings screen;
 * - insights/index.js: Footprints → Insights (and its chart: loaded on
 *   that screen only);
 * - client/index.js: the front-end client, as a script module, and
 *   client/debug.js: the same with its console logging (FOOTPRINTS_DEBUG),
 *   served instead in debug mode; the default build carries none of it.
 * Extends @wordpress/scripts' own configuration.
 */
const path = require( 'path' );
// eslint-disable-next-line import/no-extraneous-dependencies -- webpack comes with @wordpress/scripts.
const webpack = require( 'webpack' );
// eslint-disable-next-line import/no-extraneous-dependencies -- as is terser-webpack-plugin.
const TerserPlugin = require( 'terser-webpack-plugin' );

process.env.WP_SOURCE_PATH = 'blocks';
process.env.WP_BLOCKS_MANIFEST = 'true';
process.env.WP_EXPERIMENTAL_MODULES = 'true';

const [
	scriptConfig,
	moduleConfig,
] = require( '@wordpress/scripts/config/webpack.config' );

const build = path.resolve( __dirname, 'build' );

/**
 * The client module, with or without its debug logging.
 * @param {string}  name  Entry name under build/.
 * @param {boolean} debug Whether FOOTPRINTS_DEBUG is on.
 */
const client = ( name, debug ) => ( {
	...moduleConfig,
	entry: { [ name ]: './src/client/index.ts' },
	output: { ...moduleConfig.output, path: build },
	plugins: [
		...moduleConfig.plugins,
		new webpack.DefinePlugin( { FOOTPRINTS_DEBUG: debug } ),
	],
	optimization: {
		...moduleConfig.optimization,
		minimizer: [
			new TerserPlugin( {
				extractComments: false,
				terserOptions: {
					// The client reads no property with a side effect (no
					// getter that must run for its effect alone), so terser
					// may drop or reorder such reads: 13 B of brotli.
					compress: { passes: 2, pure_getters: true },
					format: { comments: false },
				},
			} ),
		],
	},
} );

module.exports = [
	{
		...scriptConfig,
		entry: {
			'editor/index': './src/editor/index.ts',
			'admin/index': './src/admin/index.tsx',
			'insights/index': './src/insights/index.tsx',
		},
		output: { ...scriptConfig.output, path: build },
	},
	client( 'client/index', false ),
	client( 'client/debug', true ),
];
