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

module.exports = [
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
