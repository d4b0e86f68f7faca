/**
 * Builds blocks/ (one folder per block, plus the blocks manifest PHP reads)
 * into build/blocks, the plugin's other scripts from src/ (the editor-wide
 * pieces and the settings screen) into build/<name>, and the front-end
 * client into build/client as a script module. Extends @wordpress/scripts'
 * own configuration.
 */
const path = require( 'path' );

process.env.WP_SOURCE_PATH = 'blocks';
process.env.WP_BLOCKS_MANIFEST = 'true';
process.env.WP_EXPERIMENTAL_MODULES = 'true';

const [
	scriptConfig,
	moduleConfig,
] = require( '@wordpress/scripts/config/webpack.config' );

// Scripts from src/ are not blocks: the steps that copy block.json and
// render.php and write the blocks manifest do not apply.
const BLOCK_ONLY_PLUGINS = [
	'CopyPlugin',
	'BlocksManifestPlugin',
	'PhpFilePathsPlugin',
];

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
		entry: {
			'editor/index': './src/editor/index.ts',
			'admin/index': './src/admin/index.tsx',
		},
		output: {
			...scriptConfig.output,
			path: path.resolve( __dirname, 'build' ),
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
