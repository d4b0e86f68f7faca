/**
 * Jest for pure logic (client queue, markup parsing, shared rules), on
 * the preset of the WordPress scripts package; the local WordPress under .local is not scanned.
 */
const preset = require( '@wordpress/scripts/config/jest-unit.config' );

module.exports = {
	...preset,
	// Some @wordpress packages ship .mjs only; compile them like the rest.
	transform: {
		...preset.transform,
		'\\.mjs$': preset.transform[ '\\.[jt]sx?$' ],
	},
	roots: [ '<rootDir>/tests/unit', '<rootDir>/src', '<rootDir>/blocks' ],
	modulePathIgnorePatterns: [ '<rootDir>/.local/', '<rootDir>/build/' ],
	// Packages under @wordpress/blocks that ship only ES modules.
	transformIgnorePatterns: [
		'/node_modules/(?!(uuid|marked|@wordpress/theme|parsel-js)/)',
	],
};
