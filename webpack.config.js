/**
 * Builds blocks/ (one folder per block, plus the blocks manifest PHP reads)
 * into build/blocks, the front-end client into build/client as a script
 * module, and the settings screen into build/admin. Extends
 * @wordpress/scripts' own configuration.
 */
const path = require( 'path' );

process.env.WP_SOURCE_PATH = 'blocks';
process.env.WP_BLOCKS_MANIFEST = 'true';
process.env.WP_EXPERIMENTAL_MODULES = 'true';

const [
	scriptConfig,
	moduleConfig,
] = require( '@wordpress/scripts/config/webpack.config' );

// The admin app is a plain script: the blocks' copy and manifest steps do not apply.
const BLOCK_ONLY_PLUGINS = [ 'CopyPlugin', 'BlocksManifestPlugin', 'PhpFilePathsPlugin' ];

module.exports = [
	{
		...scriptConfig,
		output: {
			...scriptConfig.output,
			path: path.resolve( __dirname, 'build/blocks' ),
		},
	},
	{
		...scriptConfig,
		entry: { index: './src/admin/index.tsx' },
		output: {
			...scriptConfig.output,
			path: path.resolve( __dirname, 'build/admin' ),
		},
		plugins: scriptConfig.plugins.filter(
			( plugin ) =>
				! BLOCK_ONLY_PLUGINS.includes( plugin?.constructor.name )
		),
	},
	{
		...moduleConfig,
		entry: { index: './src/client/index.ts' },
		output: {
			...moduleConfig.output,
			path: path.resolve( __dirname, 'build/client' ),
		},
	},
];
