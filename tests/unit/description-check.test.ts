/**
 * When the definition form warns that a description gives the AI engine
 * nothing (src/admin/description-check.ts).
 */

/**
 * Internal dependencies
 */
import { descriptionProblem, wordsOf } from '../../src/admin/description-check';

const NAME = 'Trial Click';
const CODE = 'trial_click';

describe( 'descriptionProblem', () => {
	it.each( [ '', '   ', '\n\t', '…', ' - ' ] )(
		'calls %j empty',
		( description ) => {
			expect( descriptionProblem( description, NAME, CODE ) ).toBe(
				'empty'
			);
		}
	);

	it.each( [
		'Trial Click',
		'trial click',
		'trial_click',
		'TRIAL_CLICK.',
		'Trial-click!',
		'The trial click event.',
		'Trial click (trial_click)',
		'click trial',
	] )( 'says %j only repeats the name or code', ( description ) => {
		expect( descriptionProblem( description, NAME, CODE ) ).toBe(
			'repeats_name'
		);
	} );

	it.each( [
		"Clicked 'Start free trial' on the pricing page: ready to try the product; follow up with onboarding help, not a sales pitch.",
		'Trial clicked',
		'Trial click on pricing',
	] )( 'accepts %j', ( description ) => {
		expect( descriptionProblem( description, NAME, CODE ) ).toBeNull();
	} );

	it( 'reads the code as well as the name', () => {
		expect(
			descriptionProblem( 'pricing cta', 'Pricing button', 'pricing_cta' )
		).toBe( 'repeats_name' );
		expect(
			descriptionProblem(
				'pricing cta',
				'Pricing button',
				'pricing_button'
			)
		).toBeNull();
	} );

	it( 'compares letters beyond ASCII without their case', () => {
		expect(
			descriptionProblem( 'ÉTÉ inscrit', 'Été inscrit', 'ete_inscrit' )
		).toBe( 'repeats_name' );
	} );
} );

describe( 'wordsOf', () => {
	it( 'splits on punctuation, underscores and dashes', () => {
		expect( wordsOf( ' Trial_click—started, (v2)! ' ) ).toEqual( [
			'trial',
			'click',
			'started',
			'v2',
		] );
	} );
} );
