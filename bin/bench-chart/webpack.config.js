/**
 * Builds each chart candidate alone, as @wordpress/scripts builds the
 * insights screen (WordPress packages external, minified), so their
 * sizes compare like for like.
 */
const path = require( 'path' );
const loaded = require( '@wordpress/scripts/config/webpack.config' );

const scriptConfig = Array.isArray( loaded ) ? loaded[ 0 ] : loaded;

module.exports = {
	...scriptConfig,
	entry: {
		svg: path.resolve( __dirname, 'svg.tsx' ),
		uplot: path.resolve( __dirname, 'uplot.ts' ),
	},
	output: {
		...scriptConfig.output,
		path: path.resolve( process.env.CHART_BENCH_OUT ?? 'out' ),
	},
};
