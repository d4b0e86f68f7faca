/**
 * Internal dependencies
 */
import { closestTrigger, readTrigger } from '../../src/client/markup';

function html( markup: string ): HTMLElement {
	document.body.innerHTML = markup;
	return document.body;
}

describe( 'readTrigger', () => {
	it( 'reads the event, the trigger and typed attributes', () => {
		const element = html(
			`<div data-footprints-event="trial_click" data-footprints-on="view" data-footprints-attrs='{"plan":"pro","price":199,"annual":true}'></div>`
		).firstElementChild!;

		expect( readTrigger( element ) ).toEqual( {
			code: 'trial_click',
			on: 'view',
			attributes: { plan: 'pro', price: 199, annual: true },
		} );
	} );

	it( 'defaults to click with no attributes', () => {
		const element = html(
			`<a data-footprints-event="trial_click">Go</a>`
		).firstElementChild!;

		expect( readTrigger( element ) ).toEqual( {
			code: 'trial_click',
			on: 'click',
			attributes: {},
		} );
	} );

	it( 'explains broken attribute JSON instead of sending it', () => {
		const element = html(
			`<a data-footprints-event="trial_click" data-footprints-attrs="{plan: pro}">Go</a>`
		).firstElementChild!;

		expect( readTrigger( element ) ).toBe(
			'data-footprints-attrs on "trial_click" must be a JSON object, like {"plan":"pro"}'
		);
	} );

	it( 'names the allowed triggers when the trigger is unknown', () => {
		const element = html(
			`<a data-footprints-event="trial_click" data-footprints-on="hover">Go</a>`
		).firstElementChild!;

		expect( readTrigger( element ) ).toBe(
			'data-footprints-on="hover" on "trial_click" is not one of click, submit, view, load'
		);
	} );
} );

describe( 'closestTrigger', () => {
	it( 'counts a click on an icon inside a tracked button for the button', () => {
		const body = html(
			`<button data-footprints-event="trial_click"><svg><path id="icon"></path></svg></button>`
		);

		expect( closestTrigger( body.querySelector( '#icon' ), 'click' ) ).toBe(
			body.querySelector( 'button' )
		);
	} );

	it( 'skips a view milestone around a clicked element to the click trigger above it', () => {
		const body = html(
			`<div id="outer" data-footprints-event="trial_click"><section data-footprints-event="pricing_reached" data-footprints-on="view"><a id="link">Buy</a></section></div>`
		);

		expect( closestTrigger( body.querySelector( '#link' ), 'click' ) ).toBe(
			body.querySelector( '#outer' )
		);
	} );

	it( 'finds nothing outside triggers', () => {
		const body = html( `<p id="plain">Nothing tracked</p>` );

		expect(
			closestTrigger( body.querySelector( '#plain' ), 'click' )
		).toBeNull();
	} );
} );
