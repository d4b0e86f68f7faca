/**
 * What the client reads from a submitted form: its id, the first email,
 * the mapped fields only; nothing from a search form or a form plugin's.
 */

/**
 * Internal dependencies
 */
import { formAttributes, handOff } from '../../src/client/forms';

/**
 * A form in the document, from its HTML.
 * @param html The form's markup.
 */
function form( html: string ): HTMLFormElement {
	document.body.innerHTML = html;
	return document.querySelector( 'form' )!;
}

const MAPPED = { fields: { company: [ 'org', 'company' ], phone: [ 'tel' ] } };

describe( 'formAttributes', () => {
	it( 'sends the id, the trimmed first email and only the mapped fields', () => {
		const signup = form(
			`<form id="signup" method="post"><input name="id" value="shadow">
			<input name="E-Mail" value="  ann@example.com "><input type="email" value="second@example.com">
			<input name="company" value=" Acme "><input name="tel" value=""><input name="message" value="secret"></form>`
		);
		expect( formAttributes( signup, MAPPED ) ).toEqual( {
			form: 'signup',
			email: 'ann@example.com',
			fields: { company: 'Acme' },
		} );
	} );

	it( 'names a form by its name, else the path it posts to; no empty email or fields', () => {
		expect(
			formAttributes(
				form(
					'<form name="quote" method="post"><input type="email" value=" "></form>'
				),
				MAPPED
			)
		).toEqual( { form: 'quote' } );
		expect(
			formAttributes(
				form(
					'<form action="/contact/?x=1" method="post"><input name="action" value="send"><input name="org" value="Initech"></form>'
				),
				MAPPED
			)
		).toEqual( { form: '/contact/', fields: { company: 'Initech' } } );
	} );

	it( "leaves search forms and form plugins' forms alone", () => {
		const skip = { skip: '.wpcf7-form' };
		expect(
			formAttributes(
				form(
					'<div role="search"><form method="post"><input name="q"></form></div>'
				),
				skip
			)
		).toBeUndefined();
		expect(
			formAttributes(
				form(
					'<form><input type="search" name="term"><input type="hidden" name="p" value="1"></form>'
				),
				skip
			)
		).toBeUndefined();
		expect(
			formAttributes(
				form( '<form method="GET"><input name="s"></form>' ),
				skip
			)
		).toBeUndefined();
		expect(
			formAttributes(
				form(
					'<form class="wpcf7-form" id="c"><input type="email" value="a@b.co"></form>'
				),
				skip
			)
		).toBeUndefined();
		// A GET form with more to type than a search is a form.
		expect(
			formAttributes(
				form(
					'<form id="find"><input name="s"><input type="email" name="email" value="a@b.co"></form>'
				),
				skip
			)
		).toEqual( { form: 'find', email: 'a@b.co' } );
	} );
} );

describe( 'handOff', () => {
	it( 'writes the device id for ten minutes, and nothing without one', () => {
		const writes: string[] = [];
		jest.spyOn( document, 'cookie', 'set' ).mockImplementation( ( value ) =>
			writes.push( value )
		);
		handOff( undefined );
		handOff( 'dev_abcdef12' );
		expect( writes ).toEqual( [
			'footprints_device=dev_abcdef12; path=/; max-age=600; samesite=lax',
		] );
	} );
} );
