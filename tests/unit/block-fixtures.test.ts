/**
 * Serialization fixtures: what the editor saved must parse into valid
 * blocks with these attributes, and serialize back to the same markup.
 * A failing fixture means posts saved by earlier versions would show
 * "This block contains unexpected or invalid content": add a deprecation.
 */

/**
 * External dependencies
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * WordPress dependencies
 */
import { parse, serialize, type Block } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import '../../blocks/track';
import '../../blocks/milestone';

const FIXTURES = path.join( __dirname, 'block-fixtures' );

interface Expected {
	name: string;
	isValid: boolean;
	attributes: Record< string, unknown >;
	innerBlocks: Expected[];
}

function summary( block: Block ): Expected {
	return {
		name: block.name,
		isValid: block.isValid,
		attributes: block.attributes,
		innerBlocks: block.innerBlocks.map( summary ),
	};
}

const fixtures = readdirSync( FIXTURES )
	.filter( ( file ) => file.endsWith( '.html' ) )
	.map( ( file ) => file.replace( /\.html$/, '' ) );

describe( 'block serialization fixtures', () => {
	it( 'has a fixture for each block', () => {
		expect( fixtures.sort() ).toEqual( [
			'footprints__milestone',
			'footprints__track',
		] );
	} );

	it.each( fixtures )(
		'%s parses into the expected valid blocks',
		( name ) => {
			const html = readFileSync(
				path.join( FIXTURES, `${ name }.html` ),
				'utf8'
			);
			const expected = JSON.parse(
				readFileSync( path.join( FIXTURES, `${ name }.json` ), 'utf8' )
			) as Expected[];

			expect( parse( html ).map( summary ) ).toEqual( expected );
		}
	);

	it.each( fixtures )( '%s serializes back to the saved markup', ( name ) => {
		const html = readFileSync(
			path.join( FIXTURES, `${ name }.html` ),
			'utf8'
		);

		expect( serialize( parse( html ) ) ).toBe( html.trim() );
	} );
} );
