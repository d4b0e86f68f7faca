/**
 * The ESLint config of wp-scripts, plus: hand-minified files are left
 * alone (src/client/stub.min.js is printed inline byte for byte).
 */
module.exports = [
	...require( '@wordpress/scripts/config/eslint.config.cjs' ),
	{ ignores: [ '**/*.min.js', '.local/**', 'artifacts/**' ] },
];
