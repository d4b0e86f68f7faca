/**
 * Internal dependencies
 */
import {
	attributesOf,
	closestTrigger,
	triggerOf,
} from '../../src/client/markup';

function html( markup: string ): HTMLElement {
	document.body.innerHTML = markup;
	return document.body;
}

describe( 'the markup contract', () => {
	it( 'reads the trigger and typed attributes', () => {
		const element = html(
			`<div data-footprints-event="trial_click" data-footprints-on="view" data-footprints-attrs='{"plan":"pro","price":199,"annual":true}'></div>`
		).firstElementChild!;

		expect( triggerOf( element ) ).toBe( 'view' );
		expect( attributesOf( element ) ).toEqual( {
			plan: 'pro',
			price: 199,
			annual: true,
		} );
	} );

	it( 'defaults to click with no attributes', () => {
		const element = html(
			`<a data-footprints-event="trial_click">Go</a>`
		).firstElementChild!;

		expect( triggerOf( element ) ).toBe( 'click' );
		expect( attributesOf( element ) ).toEqual( {} );
	} );

	it( 'throws on attributes that are not JSON, so the client can say so', () => {
		const element = html(
			`<a data-footprints-event="trial_click" data-footprints-attrs="{plan: pro}">Go</a>`
		).firstElementChild!;

		expect( () => attributesOf( element ) ).toThrow();
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

	it( 'finds nothing outside triggers, or for the document itself', () => {
		const body = html( `<p id="plain">Nothing tracked</p>` );

		expect(
			closestTrigger( body.querySelector( '#plain' ), 'click' )
		).toBeFalsy();
		expect( closestTrigger( document, 'click' ) ).toBeFalsy();
	} );
} );
