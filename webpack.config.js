/**
 * Builds blocks/ (one folder per block, plus the blocks manifest PHP reads)
 * into build/blocks, and the front-end client into build/client as a
 * script module. Extends @wordpress/scripts' own configuration.
 */
const path = require( 'path' );

process.env.WP_SOURCE_PATH = 'blocks';
process.env.WP_BLOCKS_MANIFEST = 'true';
process.env.WP_EXPERIMENTAL_MODULES = 'true';

const [
	scriptConfig,
	moduleConfig,
] = require( '@wordpress/scripts/config/webpack.config' );

// Plugin scripts from src/ (not blocks): the same script build, without
// the block-only steps (copying block.json and render.php, the manifest).
const BLOCK_ONLY_PLUGINS = [ 'CopyPlugin', 'BlocksManifestPlugin' ];
const pluginScriptsConfig = {
	...scriptConfig,
	entry: { 'editor/index': './src/editor/index.ts' },
	output: {
		...scriptConfig.output,
		path: path.resolve( __dirname, 'build' ),
	},
	plugins: scriptConfig.plugins.filter(
		( plugin ) => ! BLOCK_ONLY_PLUGINS.includes( plugin.constructor.name )
	),
};

module.exports = [
	pluginScriptsConfig,
	{
		...scriptConfig,
		output: {
			...scriptConfig.output,
			path: path.resolve( __dirname, 'build/blocks' ),
		},
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
