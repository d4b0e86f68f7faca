/**
 * Jest for pure logic (client queue, markup parsing, shared rules), on
 * @wordpress/scripts' preset; the local WordPress under .local is not scanned.
 */
module.exports = {
	...require( '@wordpress/scripts/config/jest-unit.config' ),
	roots: [ '<rootDir>/tests/unit', '<rootDir>/src', '<rootDir>/blocks' ],
	modulePathIgnorePatterns: [ '<rootDir>/.local/', '<rootDir>/build/' ],
};
